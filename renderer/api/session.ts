// The login session (auth.login's sessionToken). Kept per tab in sessionStorage: closing the window at the
// end of the day signs the clerk out, and a reload does not. Components read it with useSessionToken().
import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'licenceDesk.session';

export type SessionEndReason = 'logout' | 'expired';

let token: string | null = readStored();
let lastEndReason: SessionEndReason | null = null;
const listeners = new Set<() => void>();

function readStored(): string | null {
  try {
    return window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function emit(): void {
  for (const listener of listeners) listener();
}

export function getSessionToken(): string | null {
  return token;
}

export function startSession(sessionToken: string): void {
  token = sessionToken;
  lastEndReason = null;
  try {
    window.sessionStorage.setItem(STORAGE_KEY, sessionToken);
  } catch {
    // Storage disabled: the session lasts until reload.
  }
  emit();
}

export function endSession(reason: SessionEndReason): void {
  if (token === null) return;
  token = null;
  lastEndReason = reason;
  try {
    window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored.
  }
  emit();
}

/** Why the previous session ended (to tell the clerk "your session expired" on the login screen). */
export function getLastSessionEndReason(): SessionEndReason | null {
  return lastEndReason;
}

/** Called after every login and logout. */
export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSessionToken(): string | null {
  return useSyncExternalStore(subscribeSession, getSessionToken);
}
