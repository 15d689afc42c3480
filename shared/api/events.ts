// Events the backend pushes to its clients: the Electron renderer through the preload's on(event, cb), a
// browser through the authenticated event stream (GET /api-events), the desktop client through the same
// stream, relayed by the main process. Only plain data: every payload is JSON.

/** Why a list, dossier page or dashboard should reload: someone changed these dossiers. */
export interface DossiersChanged {
  /** The dossiers changed; empty with `isBulk` when too many changed to name (import, calendar change). */
  ids: number[];
  isBulk?: boolean;
  /** What was done ('receive', 'assign', 'approve', 'issue', 'returnResult', 'print', 'import' …). */
  action?: string;
  actorName?: string;
  at?: string;
}

export interface JobProgressPayload {
  jobId: string;
  done: number;
  total: number;
  label: string;
}

/** The desktop client's link to the office server (never sent by a server; the main process makes it). */
export interface ConnectionChanged {
  state: 'online' | 'offline' | 'refused';
  /** Vietnamese, for the banner. */
  message: string;
}

export type AppEvent =
  | { type: 'dossiers.changed'; payload: DossiersChanged }
  | { type: 'job.progress'; payload: JobProgressPayload }
  | { type: 'connection.changed'; payload: ConnectionChanged };

export type AppEventType = AppEvent['type'];

export const appEventTypes: readonly AppEventType[] = [
  'dossiers.changed',
  'job.progress',
  'connection.changed',
];

export function isAppEvent(value: unknown): value is AppEvent {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { type?: unknown; payload?: unknown };
  return (
    typeof candidate.type === 'string' &&
    (appEventTypes as readonly string[]).includes(candidate.type) &&
    typeof candidate.payload === 'object' &&
    candidate.payload !== null
  );
}
