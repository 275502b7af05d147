/** The top of a program's intake page: its name, who runs it, what it is for and how a grievance climbs its levels. */
import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localized, type Program } from '../../api/programs';

export function ProgramHeader({ program }: { program: Program }) {
  const { t, i18n } = useTranslation('programs');
  return (
    <Stack gap="xs">
      <Text size="sm" fw={700} c="dark.6">
        {t('intake.kicker')}
      </Text>
      <Title order={1}>{localized(i18n.language, program.name, program.nameEn)}</Title>
      {program.owner && <Text size="sm">{t('intake.owner', { name: program.owner.name })}</Text>}
      {program.description && <Text>{program.description}</Text>}
      <Paper withBorder p="sm" component="section" aria-labelledby="program-levels">
        <Text fw={700} size="sm" id="program-levels">
          {t('intake.levelsTitle')}
        </Text>
        <Stack gap={2} mt={4} component="ol" pl="md" my={0}>
          {program.levels.map((l) => (
            <Text component="li" size="sm" key={l.level}>
              {t('intake.levelLine', {
                level: t(`level.${l.level}`),
                handler: localized(i18n.language, l.handlerName, l.handlerNameEn),
                count: l.deadlineDays,
              })}
            </Text>
          ))}
        </Stack>
        <Text size="sm" mt={4}>
          {t('intake.levelsHelp')}
        </Text>
      </Paper>
    </Stack>
  );
}
