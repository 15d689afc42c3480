import { Alert } from '@mantine/core';
import { useConnectionState } from '../api/connection-state';

/**
 * Says plainly when the server cannot be reached (or, in the desktop client, refused because its certificate
 * changed). Calls in flight are retried with their request id meanwhile; nothing is lost or sent twice.
 */
export function ConnectionBanner() {
  const connection = useConnectionState();
  if (connection.state === 'online') return null;
  return (
    <Alert
      color={connection.state === 'refused' ? 'red' : 'orange'}
      title={connection.state === 'refused' ? 'Không kết nối được máy chủ' : 'Mất kết nối'}
      role="alert"
      data-testid="connection-banner"
      radius={0}
      style={{ position: 'fixed', top: 0, left: 0, right: 0, zIndex: 1000 }}
    >
      {connection.message}
    </Alert>
  );
}
