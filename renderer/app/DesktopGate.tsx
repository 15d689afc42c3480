import { useEffect, useState, type ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { getBridge, invokeRaw } from '../api/client';
import { ConnectionChoicePage } from '../features/connection/ConnectionChoicePage';

/**
 * The desktop app asks its main process first whether this PC works on its own store or with the office
 * server; until someone chooses, it shows the choice. Browsers (web edition, office server) skip this.
 */
export function DesktopGate({ children }: { children: ReactNode }) {
  const hasBridge = getBridge() !== undefined;
  const [state, setState] = useState<'checking' | 'choose' | 'ready'>(hasBridge ? 'checking' : 'ready');
  useEffect(() => {
    if (!hasBridge) return;
    invokeRaw('connection.get', {}).then(
      (saved) => setState(saved === null ? 'choose' : 'ready'),
      // An older main process without the method: carry on as before.
      () => setState('ready'),
    );
  }, [hasBridge]);
  if (state === 'checking')
    return (
      <Center h="100%">
        <Loader />
      </Center>
    );
  if (state === 'choose') return <ConnectionChoicePage />;
  return <>{children}</>;
}
