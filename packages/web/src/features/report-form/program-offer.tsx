/**
 * When the chosen village lies inside an active program's area (such as the FCPF-CF grievance mechanism in East
 * Kalimantan), offers to report through that program instead: its page opens with what was typed here.
 */
import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { localized, type ProgramDraft, programsApi } from '../../api/programs';

export function ProgramOffer({
  villageCode,
  draft,
}: {
  villageCode: string | null;
  draft: () => ProgramDraft;
}) {
  const { t, i18n } = useTranslation('report-form');
  const navigate = useNavigate();
  const q = useQuery({
    queryKey: ['programs', 'covering', villageCode],
    queryFn: () => programsApi.list(villageCode ?? undefined),
    enabled: !!villageCode,
    staleTime: 5 * 60_000,
  });
  const items = villageCode ? (q.data?.items ?? []) : [];
  if (items.length === 0) return null;
  return (
    <Alert color="teal" variant="light" c="teal.9" title={t('program.title')} data-testid="program-offer">
      <Stack gap="xs">
        <Text size="sm">{t('program.help')}</Text>
        {items.map((p) => {
          const name = localized(i18n.language, p.name, p.nameEn);
          return (
            <Button
              key={p.code}
              variant="white"
              color="teal.9"
              style={{ alignSelf: 'flex-start', whiteSpace: 'normal', height: 'auto', paddingBlock: 6 }}
              onClick={() => navigate(`/program/${p.code}`, { state: draft() })}
            >
              {t('program.go', { name })}
            </Button>
          );
        })}
      </Stack>
    </Alert>
  );
}
