// Live updates across server processes on one PostgreSQL database: a change committed through one backend
// reaches the event subscribers of another (pg_notify / LISTEN), and a lost LISTEN connection comes back and
// tells the open lists to reload.
import { afterEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { makeReceiveInput, makeTestBackend, sampleSettings, type TestBackend } from '../helpers/test-backend';
import { createTestDatabase, dropTestDatabase } from '../helpers/test-postgres';
import type { BusEvent } from '../../electron/backend/events/event-bus';
import { EVENT_CHANNEL } from '../../electron/backend/events/pg-notify-event-bus';

const backends: TestBackend[] = [];
const databases: string[] = [];
afterEach(async () => {
  for (const b of backends.splice(0)) await b.close();
  for (const url of databases.splice(0)) await dropTestDatabase(url);
});

async function twoServers(): Promise<[TestBackend, TestBackend, string]> {
  const url = await createTestDatabase();
  databases.push(url);
  const a = await makeTestBackend({ now: '2026-11-02T09:00:00+07:00', databaseUrl: url });
  backends.push(a);
  const b = await makeTestBackend({ now: '2026-11-02T09:00:00+07:00', databaseUrl: url });
  backends.push(b);
  await a.call('settings.update', sampleSettings);
  return [a, b, url];
}

function collect(t: TestBackend): BusEvent[] {
  const seen: BusEvent[] = [];
  t.backend.ctx.events.subscribe((m) => seen.push(m));
  return seen;
}

async function until<T>(what: string, probe: () => T | undefined, ms = 3_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('events across server processes (PostgreSQL)', () => {
  it('a dossier received through one server is announced to the subscribers of the other', async () => {
    const [a, b] = await twoServers();
    const onB = collect(b);
    const onA = collect(a);
    const received = await a.call('dossiers.receive', await makeReceiveInput(a));
    const heard = await until('B hears the receive', () =>
      onB.find((m) => m.event.type === 'dossiers.changed' && m.event.payload.ids.includes(received.id)),
    );
    expect(heard.event.type === 'dossiers.changed' && heard.event.payload.action).toBe('receive');
    // The publishing server hears its own change once, through the same channel.
    await until('A hears it too', () => onA.find((m) => m.event.type === 'dossiers.changed'));
    await new Promise((r) => setTimeout(r, 200));
    expect(onA.filter((m) => m.event.type === 'dossiers.changed')).toHaveLength(1);
  });

  it('a change naming too many dossiers for one notification goes out as a bulk change', async () => {
    const [a, b] = await twoServers();
    const onB = collect(b);
    const ids = Array.from({ length: 3_000 }, (_, i) => i + 1);
    a.backend.ctx.events.publish({
      event: { type: 'dossiers.changed', payload: { ids, action: 'import' } },
    });
    const heard = await until('B hears the bulk change', () => onB[0]);
    expect(heard.event).toEqual({
      type: 'dossiers.changed',
      payload: { ids: [], isBulk: true, action: 'import' },
    });
  });

  it('re-opens a lost LISTEN connection and asks every open list to reload', async () => {
    const [a, b, url] = await twoServers();
    const onB = collect(b);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const killed = await admin.query<{ n: string }>(
        `SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity
         WHERE datname = current_database() AND query = $1`,
        [`LISTEN ${EVENT_CHANNEL}`],
      );
      // Both servers' LISTEN connections were cut.
      expect(Number(killed.rows[0]?.n)).toBe(2);
    } finally {
      await admin.end();
    }
    const reload = await until('B reloads after reconnecting', () =>
      onB.find((m) => m.event.type === 'dossiers.changed' && m.event.payload.action === 'reconnect'),
    );
    expect(reload.event.type === 'dossiers.changed' && reload.event.payload.isBulk).toBe(true);
    const received = await a.call('dossiers.receive', await makeReceiveInput(a));
    await until('B hears changes again', () =>
      onB.find((m) => m.event.type === 'dossiers.changed' && m.event.payload.ids.includes(received.id)),
    );
  });
});
