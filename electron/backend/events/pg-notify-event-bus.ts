import pg from 'pg';
import type { Logger } from '../context';
import { isAppEvent } from '../../../shared/api/events';
import { InProcessEventBus, type BusEvent, type BusListener, type EventBus } from './event-bus';

export const EVENT_CHANNEL = 'licence_desk_events';
/** pg_notify refuses payloads of 8000 bytes or more; a change naming that many dossiers is sent as a bulk one. */
const MAX_PAYLOAD = 7_500;
const RECONNECT_MS = [250, 500, 1_000, 2_000, 5_000];

/**
 * The event bus of a PostgreSQL store, where several server processes share one database (event-bus.ts): every
 * publish is a pg_notify on the channel, and one LISTEN connection per process hands every notification — its
 * own included — to the local subscribers, so a desk on server B sees a dossier received on server A. Callers
 * publish after commit (publish.ts), so only committed changes are announced.
 *
 * A lost LISTEN connection is re-opened with back-off; notifications sent meanwhile are gone, so on reconnect
 * the local subscribers get one bulk "dossiers changed" and every open list reloads.
 */
export class PgNotifyEventBus implements EventBus {
  private readonly local: InProcessEventBus;
  private listener: pg.Client | null = null;
  private publisher: pg.Client | null = null;
  /** Sends go out one after another on one connection, so they are delivered in the order published. */
  private queue: Promise<void> = Promise.resolve();
  private closed = false;
  private attempt = 0;
  private timer: NodeJS.Timeout | null = null;

  private constructor(
    private readonly url: string,
    private readonly log: Logger,
  ) {
    this.local = new InProcessEventBus((error) =>
      log.error('event listener failed', { detail: String(error) }),
    );
  }

  static async start(url: string, log: Logger): Promise<PgNotifyEventBus> {
    const bus = new PgNotifyEventBus(url, log);
    await bus.connect();
    return bus;
  }

  publish(message: BusEvent): void {
    if (this.closed) return;
    this.queue = this.queue.then(() =>
      this.send(message).catch((error: unknown) => {
        // The change itself is committed; a desk that misses the event still sees it at its next reload.
        this.log.warn('event notify failed', { detail: String(error), type: message.event.type });
      }),
    );
  }

  subscribe(listener: BusListener): () => void {
    return this.local.subscribe(listener);
  }

  /** Waits for notifications already handed to the database, then closes both connections. */
  async close(): Promise<void> {
    await this.queue;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    for (const client of [this.listener, this.publisher]) await client?.end().catch(() => undefined);
    this.listener = this.publisher = null;
  }

  private async send(message: BusEvent): Promise<void> {
    let payload = JSON.stringify(message);
    if (Buffer.byteLength(payload) > MAX_PAYLOAD && message.event.type === 'dossiers.changed') {
      payload = JSON.stringify({
        ...message,
        event: { ...message.event, payload: { ...message.event.payload, ids: [], isBulk: true } },
      });
    }
    if (Buffer.byteLength(payload) > MAX_PAYLOAD)
      throw new Error(`event too large to notify: ${payload.length}`);
    this.publisher ??= await this.open();
    try {
      await this.publisher.query('SELECT pg_notify($1, $2)', [EVENT_CHANNEL, payload]);
    } catch (error) {
      // A broken publishing connection is replaced at the next publish.
      const broken = this.publisher;
      this.publisher = null;
      await broken?.end().catch(() => undefined);
      throw error;
    }
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.url, connectionTimeoutMillis: 10_000 });
    client.on('error', (error) => this.log.warn('event connection error', { detail: String(error) }));
    await client.connect();
    return client;
  }

  private async connect(): Promise<void> {
    const client = await this.open();
    client.on('notification', (n) => {
      if (n.channel !== EVENT_CHANNEL || n.payload === undefined) return;
      try {
        const message = JSON.parse(n.payload) as BusEvent;
        if (isAppEvent(message.event)) this.local.publish(message);
      } catch (error) {
        this.log.warn('event notification unreadable', { detail: String(error) });
      }
    });
    client.on('end', () => {
      if (this.closed || this.listener !== client) return;
      this.listener = null;
      this.log.warn('event stream from the database lost; reconnecting');
      this.scheduleReconnect();
    });
    await client.query(`LISTEN ${EVENT_CHANNEL}`);
    this.listener = client;
    this.attempt = 0;
  }

  private scheduleReconnect(): void {
    const delay = RECONNECT_MS[Math.min(this.attempt, RECONNECT_MS.length - 1)]!;
    this.attempt += 1;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.closed) return;
      this.connect().then(
        () => {
          this.log.info('event stream from the database restored');
          // Whatever was announced while disconnected is unknown: every open list reloads once.
          this.local.publish({
            event: { type: 'dossiers.changed', payload: { ids: [], isBulk: true, action: 'reconnect' } },
          });
        },
        (error: unknown) => {
          this.log.warn('event stream reconnect failed', { detail: String(error) });
          this.scheduleReconnect();
        },
      );
    }, delay);
  }
}
