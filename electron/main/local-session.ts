// Who is calling, for the audit trail. Until login exists (a later issue) every IPC call runs as one fixed
// local actor named after the OS account. This is the only place that decides it: replace
// createLocalSessionProvider with the login-backed provider and nothing else changes.
import os from 'node:os';
import type { CallSession } from '../backend/context';

export type SessionProvider = () => CallSession;

export function createLocalSessionProvider(
  userName: () => string = () => os.userInfo().username,
  env: NodeJS.ProcessEnv = process.env,
): SessionProvider {
  let name: string;
  try {
    name = userName();
  } catch {
    // os.userInfo() throws when the account has no passwd entry (some containers and domain setups).
    name = env.USERNAME ?? env.USER ?? 'local';
  }
  const session: CallSession = Object.freeze({
    actor: Object.freeze({ id: 'local', name: name || 'local' }),
  });
  return () => session;
}
