/**
 * The optional map pin, as in the normal report form: where a grievance's pin is given, the program's village map
 * can place the village (the mean of its grievances' pins).
 */
import { Button, Group, Stack, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LatLng } from '../../components/map-pin';
import { PageLoader } from '../../components/page-loader';

const MapPin = lazy(() => import('../../components/map-pin'));

export function PinField({
  value,
  onChange,
}: {
  value: LatLng | null;
  onChange: (p: LatLng | null) => void;
}) {
  const { t } = useTranslation('report-form');
  const [open, setOpen] = useState(false);
  return (
    <Stack gap="xs">
      <Group>
        <Button variant="light" onClick={() => setOpen((s) => !s)} aria-expanded={open}>
          {open ? t('map.hide') : t('map.show')}
        </Button>
        {value && (
          <>
            <Text size="sm" data-testid="pin">
              {t('map.pinned', { latitude: value.lat, longitude: value.lng })}
            </Text>
            <Button variant="subtle" size="compact-sm" onClick={() => onChange(null)}>
              {t('map.remove')}
            </Button>
          </>
        )}
      </Group>
      {open && (
        <Suspense fallback={<PageLoader />}>
          <MapPin value={value} onChange={onChange} label={t('map.label')} />
        </Suspense>
      )}
    </Stack>
  );
}
