// The backend's event bus (issue 10): dossier changes are announced after their transaction commits, never for
// work that rolled back; job progress goes to the account that started the job.
import { afterEach, describe, expect, it } from 'vitest';
import {
  makeReceiveInput,
  makeTestBackend,
  sampleSettings,
  type TestBackend,
} from '../../../test/helpers/test-backend';
import { makeOffice } from '../../../test/helpers/test-users';
import type { BusEvent } from './event-bus';
import { InProcessEventBus } from './event-bus';
import { publishDossiersChanged } from './publish';
import { settled, withoutMarkers } from '../../../test/helpers/bus-settle';

let t: TestBackend | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('event bus', () => {
  it('announces a receive and a workflow step after commit, naming who did it', async () => {
    t = await makeTestBackend();
    await t.call('settings.update', sampleSettings);
    const office = await makeOffice(t);
    const seen: BusEvent[] = [];
    let committedWhenSeen: boolean[] = [];
    const db = t.backend.ctx.db;
    t.backend.ctx.events.subscribe((message) => {
      seen.push(message);
      committedWhenSeen = [...committedWhenSeen, !db.inTransaction];
    });
    const d = await t.raw('dossiers.receive', await makeReceiveInput(t), office.clerk.caller);
    expect(d.ok).toBe(true);
    const id = (d as { data: { id: number; version: number } }).data.id;
    await settled(t.backend.ctx.events);
    expect(withoutMarkers(seen).at(-1)?.event).toMatchObject({
      type: 'dossiers.changed',
      payload: { ids: [id], action: 'receive', actorName: 'Nguyễn Thị Lan' },
    });
    const version = (d as { data: { version: number } }).data.version;
    const assigned = await t.raw(
      'workflow.perform',
      { dossierId: id, version, action: 'assign', input: { assigneeId: String(office.appraiser.id) } },
      office.leader.caller,
    );
    expect(assigned.ok).toBe(true);
    await settled(t.backend.ctx.events);
    expect(withoutMarkers(seen).at(-1)?.event).toMatchObject({ payload: { ids: [id], action: 'assign' } });
    expect(committedWhenSeen.every(Boolean)).toBe(true);
  });

  it('announces nothing for a refused or rolled-back action', async () => {
    t = await makeTestBackend();
    await t.call('settings.update', sampleSettings);
    const office = await makeOffice(t);
    const d = (await t.raw('dossiers.receive', await makeReceiveInput(t), office.clerk.caller)) as {
      data: { id: number; version: number };
    };
    // The receive's own announcement is delivered before listening starts.
    await settled(t.backend.ctx.events);
    const seen: BusEvent[] = [];
    t.backend.ctx.events.subscribe((message) => seen.push(message));
    const stale = await t.raw(
      'workflow.perform',
      {
        dossierId: d.data.id,
        version: d.data.version + 5,
        action: 'assign',
        input: { assigneeId: String(office.appraiser.id) },
      },
      office.leader.caller,
    );
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await settled(t.backend.ctx.events);
    expect(withoutMarkers(seen)).toEqual([]);
    const ctx = t.backend.ctx;
    await expect(
      ctx.db.transaction(async () => {
        publishDossiersChanged(
          ctx,
          { actor: { id: 'x', name: 'x', roles: [] }, userId: null, sessionToken: null, clientAddress: null },
          { ids: [1], action: 'x' },
        );
      }),
    ).rejects.toThrow(/after commit/);
    await settled(t.backend.ctx.events);
    expect(withoutMarkers(seen)).toEqual([]);
  });

  it('keeps delivering to the other listeners when one throws', () => {
    const errors: unknown[] = [];
    const bus = new InProcessEventBus((error) => errors.push(error));
    const got: string[] = [];
    bus.subscribe(() => {
      throw new Error('broken stream');
    });
    const unsubscribe = bus.subscribe((m) => got.push(m.event.type));
    bus.publish({
      event: { type: 'job.progress', payload: { jobId: 'backup', done: 1, total: 2, label: '' } },
    });
    unsubscribe();
    bus.publish({
      event: { type: 'job.progress', payload: { jobId: 'backup', done: 2, total: 2, label: '' } },
    });
    expect(got).toEqual(['job.progress']);
    expect(errors).toHaveLength(2);
    expect(bus.listenerCount).toBe(1);
  });
});
