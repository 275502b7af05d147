/**
 * The facilitators' map (LAPOR Masuk Desa): one circle per village of the program, sized by the grievances filed
 * there, over the province shapes (no tile server: works offline). The village table on the page carries the same
 * numbers for keyboard and screen-reader users.
 */
import 'leaflet/dist/leaflet.css';
import { Box } from '@mantine/core';
import provinces from '@pintu/core/reference/regions/provinces.geo.json';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { VillageActivity } from '../../api/programs';

/** Radius in pixels: the area grows with the count, so the eye compares counts fairly. */
export function radiusOf(filed: number, max: number): number {
  if (filed <= 0) return 4;
  return 6 + 18 * Math.sqrt(filed / Math.max(1, max));
}

export default function VillageMap({ items }: { items: VillageActivity[] }) {
  const { t } = useTranslation('programs');
  const box = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw when the numbers change
  useEffect(() => {
    if (!box.current) return;
    const map = L.map(box.current, { zoomSnap: 0.25, scrollWheelZoom: false });
    map.attributionControl.setPrefix(false).addAttribution('Natural Earth');
    const points = items.filter((i) => i.point);
    const bounds = L.latLngBounds(points.map((i) => [i.point?.lat ?? 0, i.point?.lng ?? 0]));
    map.fitBounds(bounds.pad(0.3), { maxZoom: 8 });
    L.geoJSON(provinces as GeoJSON.FeatureCollection, {
      style: { color: '#6b7280', weight: 0.8, fillColor: '#f3f4f6', fillOpacity: 1 },
      interactive: false,
    }).addTo(map);
    const max = Math.max(...points.map((i) => i.filed));
    for (const v of points) {
      if (!v.point) continue;
      L.circleMarker([v.point.lat, v.point.lng], {
        radius: radiusOf(v.filed, max),
        color: '#0f3d3e',
        weight: 1.5,
        fillColor: v.open > 0 ? '#c2410c' : '#15803d',
        fillOpacity: 0.75,
        className: `village village-${v.code.replaceAll('.', '-')}`,
      })
        .bindTooltip(
          t('map.tooltip', {
            name: v.name,
            filed: v.filed,
            facilitators: v.byFacilitators,
            open: v.open,
            resolved: v.resolved,
          }),
        )
        .addTo(map);
    }
    const observer = new ResizeObserver(() => {
      map.invalidateSize();
      map.fitBounds(bounds.pad(0.3), { maxZoom: 8 });
    });
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      map.remove();
    };
  }, [items]);
  return (
    <Box
      ref={box}
      h={{ base: 260, sm: 380 }}
      style={{ background: '#e0f2fe', borderRadius: 8 }}
      role="region"
      aria-label={t('map.label')}
      data-testid="village-map"
    />
  );
}
