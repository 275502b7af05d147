/** Renaming a unit, or moving it (with everything below it) under a sibling unit. */
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminApi, type InstitutionAdmin, type Unit } from './api';
import { useSaver } from './use-saver';

export function UnitEditButton({
  inst,
  unit,
  siblings,
}: {
  inst: InstitutionAdmin;
  unit: Unit;
  siblings: Unit[];
}) {
  const { t } = useTranslation('admin');
  const [opened, setOpened] = useState(false);
  const [name, setName] = useState(unit.name);
  const [parent, setParent] = useState(String(inst.id));
  const { busy, errors, run } = useSaver();
  const parents = [
    { value: String(inst.id), label: inst.name },
    ...siblings
      .filter((s) => s.id !== unit.id && s.active)
      .map((s) => ({ value: String(s.id), label: s.name })),
  ];
  const save = (e: FormEvent) => {
    e.preventDefault();
    const body: { name?: string; parentId?: number } = {};
    if (name.trim() !== unit.name) body.name = name.trim();
    if (parent !== String(inst.id)) body.parentId = Number(parent);
    void run(
      () => (Object.keys(body).length ? adminApi.patch(unit.id, body) : Promise.resolve()),
      () => setOpened(false),
    );
  };
  return (
    <>
      <Button size="compact-sm" variant="subtle" onClick={() => setOpened(true)}>
        {t('units.edit')}
      </Button>
      <Modal
        opened={opened}
        onClose={() => setOpened(false)}
        title={t('units.editTitle', { name: unit.name })}
      >
        <form onSubmit={save}>
          <Stack>
            <TextInput
              label={t('units.name')}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              error={errors.name}
            />
            <Select
              label={t('units.parent')}
              description={t('units.parentHelp')}
              data={parents}
              value={parent}
              onChange={(v) => setParent(v ?? String(inst.id))}
              allowDeselect={false}
              error={errors.parentId}
            />
            {errors._ && (
              <Alert color="red" role="alert">
                {errors._}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button type="submit" loading={busy}>
                {t('units.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
