/** One change on the developer's pages: busy flag, field errors from problem+json, a toast, fresh queries. */
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, NetworkError } from '../../api/client';

/** Field errors keyed by field path, plus `_` for the problem's own message. */
export type Errors = Record<string, string>;

export function useRun() {
  const { t } = useTranslation('integration');
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  /** Runs `fn`; on success toasts `done` (if given), refreshes this feature's queries and returns the answer. */
  const run = async <T>(fn: () => Promise<T>, done?: string): Promise<T | undefined> => {
    setBusy(true);
    setErrors({});
    try {
      const out = await fn();
      if (done) notifications.show({ color: 'green', message: done });
      await qc.invalidateQueries({ queryKey: ['integration'] });
      return out;
    } catch (e) {
      setErrors(errorsOf(e, t('failed'), t('network')));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, errors, run, clear: () => setErrors({}) };
}

/** A failed call as the form shows it: each field's message, and the problem's detail under `_`. */
export function errorsOf(e: unknown, failed: string, network: string): Errors {
  if (e instanceof ApiError) return { ...e.fieldErrors, _: e.status >= 500 ? failed : e.message };
  if (e instanceof NetworkError) return { _: network };
  return { _: failed };
}
