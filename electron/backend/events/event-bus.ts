import type { AppEvent } from '../../../shared/api/events';

/** One event on the bus, with who may see it. */
export interface BusEvent {
  event: AppEvent;
  /** Only this account's streams get it (a job's progress); absent: every signed-in user. */
  audienceUserId?: number;
}

export type BusListener = (message: BusEvent) => void;

/**
 * The backend's event bus (`ctx.events`). Handlers publish only what has committed; transports subscribe
 * and forward to their clients (the office server's event streams, Electron IPC).
 *
 * With PostgreSQL two or more server processes share one database, and an event published in one must reach
 * the streams held by another: create-backend then picks PgNotifyEventBus (pg_notify / LISTEN). Nothing above
 * this interface changes.
 */
export interface EventBus {
  publish(message: BusEvent): void;
  subscribe(listener: BusListener): () => void;
  /** Releases what the bus holds (database connections); publishes already made are delivered first. */
  close?(): Promise<void>;
}

/** The bus of a single server process (SQLite store, the desktop app, the web edition). */
export class InProcessEventBus implements EventBus {
  private readonly listeners = new Set<BusListener>();

  constructor(private readonly onListenerError: (error: unknown) => void = () => undefined) {}

  publish(message: BusEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(message);
      } catch (error) {
        // One broken stream must not keep the event from the others, nor fail the action that published it.
        this.onListenerError(error);
      }
    }
  }

  subscribe(listener: BusListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
