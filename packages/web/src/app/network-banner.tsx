/** A banner that says so when the browser is offline or the server cannot be reached, instead of failing silently. */
import { Alert } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { onReachability } from '../api/client';

export function NetworkBanner() {
  const { t } = useTranslation();
  const [online, setOnline] = useState(() => navigator.onLine);
  const [reachable, setReachable] = useState(true);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    const off = onReachability(setReachable);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      off();
    };
  }, []);
  if (online && reachable) return null;
  return (
    <Alert color="orange" variant="filled" role="alert" radius={0} data-testid="network-banner">
      {online ? t('errors.network') : t('errors.offline')}
    </Alert>
  );
}
