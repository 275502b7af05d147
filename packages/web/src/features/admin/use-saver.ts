/** One save of the administration pages: busy flag, field errors from problem+json, a toast, fresh queries. */
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';

export function useSaver() {
  const { t } = useTranslation('admin');
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const run = async (fn: () => Promise<unknown>, after?: () => void) => {
    setBusy(true);
    setErrors({});
    try {
      await fn();
      notifications.show({ color: 'green', message: t('saved') });
      await qc.invalidateQueries({ queryKey: ['admin'] });
      after?.();
    } catch (e) {
      if (e instanceof ApiError) setErrors({ ...e.fieldErrors, _: e.message });
      else setErrors({ _: t('failed') });
    } finally {
      setBusy(false);
    }
  };
  return { busy, errors, run };
}
