import { useEffect } from 'react';
import { Alert, Text } from '@mantine/core';
import { useApiQuery } from '../api/use-api-query';
import { useAppContext } from '../app/app-context';

const noInput = {};
/** The weekly verification can raise the alert while the app is open: look again now and then. */
const RECHECK_MS = 10 * 60_000;

/** Red, for every user, while the last full verification found a problem (app.info integrityAlert). */
export function IntegrityBanner() {
  const { info } = useAppContext();
  const latest = useApiQuery('app.info', noInput);
  const { reload } = latest;
  useEffect(() => {
    const timer = window.setInterval(reload, RECHECK_MS);
    return () => window.clearInterval(timer);
  }, [reload]);
  const alert = latest.data ? latest.data.integrityAlert : info.integrityAlert;
  if (!alert) return null;
  return (
    <Alert
      color="red"
      variant="filled"
      title="Cảnh báo toàn vẹn dữ liệu"
      mb="sm"
      role="alert"
      data-testid="integrity-alert"
    >
      <Text size="sm">{alert}</Text>
    </Alert>
  );
}
