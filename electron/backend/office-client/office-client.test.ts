// The desktop client's forwarding transport against a real office server (issue 10): the pinned certificate
// is accepted, a changed one is refused before anything is sent, and a server that goes down and comes back
// gets every call exactly once.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfficeServer, type OfficeServer } from '../../../test/helpers/office-server';
import { bundleOfficeChild } from '../../../test/helpers/office-child-bundle';
import { prepareOffice, type PreparedOffice } from '../../../test/helpers/web-edition';
import { pickProcedure, receiveInput, type Call } from '../../../test/helpers/office-flow';
import { createMemoryLogger } from '../log';
import type { AppEvent } from '../../../shared/api/events';
import { createOfficeClient, type OfficeClient } from './office-client';
import { probeCertificate } from './pinned-agent';
import { callConnectionMethod } from './connection-methods';
import { readConnectionSettings } from './connection-settings';
import os from 'node:os';

let child: { entry: string; env: NodeJS.ProcessEnv };
let server: OfficeServer;
let office: PreparedOffice;
let dataDir: string;
let port: number;
const clients: OfficeClient[] = [];

beforeAll(async () => {
  child = bundleOfficeChild();
  server = await startOfficeServer({ entry: child.entry, env: child.env });
  dataDir = server.dataDir;
  port = server.port;
  office = await prepareOffice(server);
}, 120_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await server?.stop({ keepData: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function makeClient(fingerprint: string, events: AppEvent[] = [], retryForMs = 30_000): OfficeClient {
  const client = createOfficeClient({
    url: server.url,
    fingerprint,
    log: createMemoryLogger(),
    onEvent: (event) => events.push(event),
    retryForMs,
    maxBackoffMs: 300,
  });
  clients.push(client);
  return client;
}

async function loginThrough(client: OfficeClient, account: { username: string; password: string }) {
  const reply = await client.invoke(
    'auth.login',
    { username: account.username, password: account.password },
    null,
  );
  if (!reply.ok) throw new Error(`login: ${reply.error.message}`);
  return (reply.data as { sessionToken: string }).sessionToken;
}

describe('office client (desktop app in client mode)', () => {
  it('shows the fingerprint a person confirms, the one the server printed', async () => {
    const probed = await probeCertificate(new URL(server.url));
    expect(probed.fingerprint).toBe(server.fingerprint);
  });

  it('first run: saves the office server only when the typed fingerprint matches the one it presents', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-connection-'));
    let restarts = 0;
    const deps = { dir, log: createMemoryLogger(), restart: () => (restarts += 1) };
    try {
      expect(await callConnectionMethod(deps, 'connection.get', {})).toEqual({ ok: true, data: null });
      const probed = await callConnectionMethod(deps, 'connection.probe', { url: `127.0.0.1:${port}` });
      expect(probed).toMatchObject({ ok: true, data: { url: server.url, fingerprint: server.fingerprint } });
      const wrong = await callConnectionMethod(deps, 'connection.choose', {
        mode: 'office',
        url: server.url,
        fingerprint: server.fingerprint.replace(/^../, server.fingerprint.startsWith('00') ? '11' : '00'),
      });
      expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
      expect(readConnectionSettings(dir)).toBeNull();
      // Typed without colons, in lower case: the same fingerprint.
      const typed = server.fingerprint.replace(/:/g, '').toLowerCase();
      expect(
        await callConnectionMethod(deps, 'connection.choose', {
          mode: 'office',
          url: server.url,
          fingerprint: typed,
        }),
      ).toMatchObject({ ok: true });
      expect(readConnectionSettings(dir)).toEqual({
        mode: 'office',
        url: server.url,
        fingerprint: server.fingerprint,
      });
      await expect.poll(() => restarts).toBe(1);
      const unreachable = await callConnectionMethod(deps, 'connection.probe', {
        url: 'https://127.0.0.1:1/',
      });
      expect(unreachable).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('forwards calls to the server with the pinned certificate, and relays its events', async () => {
    const events: AppEvent[] = [];
    const client = makeClient(server.fingerprint, events);
    const info = await client.invoke('app.info', {}, null);
    expect(info).toMatchObject({ ok: true, data: { edition: 'office', firstRun: null } });
    const session = await loginThrough(client, office.clerk);
    client.followSession(session);
    const call: Call = async (method, input, token) => {
      const reply = await client.invoke(method, input, token);
      if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
      return reply.data as never;
    };
    const procedure = await pickProcedure(call, session);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the stream is open
    const received = await call<{ id: number }>(
      'dossiers.receive',
      receiveInput(procedure, randomUUID(), 'Nhà in Máy Trạm'),
      session,
    );
    await expect
      .poll(() => events.find((e) => e.type === 'dossiers.changed')?.payload)
      .toMatchObject({ ids: [received.id] });
  });

  it('refuses a server whose certificate is not the pinned one, says why in Vietnamese, and sends nothing', async () => {
    const events: AppEvent[] = [];
    const wrong = server.fingerprint.replace(/^../, server.fingerprint.startsWith('00') ? '11' : '00');
    const client = makeClient(wrong, events);
    const before = await server.call<{ total: number }>('dossiers.list', {}, await adminSession());
    const reply = await client.invoke(
      'auth.login',
      { username: office.clerk.username, password: 'sai mật khẩu' },
      null,
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(reply.ok ? '' : reply.error.message).toMatch(/chứng chỉ khác/);
    expect(events).toContainEqual(
      expect.objectContaining({
        type: 'connection.changed',
        payload: expect.objectContaining({ state: 'refused' }),
      }),
    );
    // Nothing reached the server: no failed login was counted against the clerk (5 would lock her out).
    for (let i = 0; i < 6; i += 1)
      await client.invoke('auth.login', { username: office.clerk.username, password: 'sai' }, null);
    expect(
      (
        await server.envelope('auth.login', {
          username: office.clerk.username,
          password: office.clerk.password,
        })
      ).ok,
    ).toBe(true);
    expect((await server.call<{ total: number }>('dossiers.list', {}, await adminSession())).total).toBe(
      before.total,
    );
  });

  it('keeps retrying while the server is down and delivers the call once it is back, exactly once', async () => {
    const events: AppEvent[] = [];
    const client = makeClient(server.fingerprint, events, 60_000);
    const session = await loginThrough(client, office.clerk);
    const call: Call = async (method, input, token) => {
      const reply = await client.invoke(method, input, token);
      if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
      return reply.data as never;
    };
    const procedure = await pickProcedure(call, session);
    const before = (await call<{ total: number }>('dossiers.list', {}, session)).total;

    await server.stop({ keepData: true });
    const pending = client.invoke(
      'dossiers.receive',
      receiveInput(procedure, randomUUID(), 'Nhà in Mất Điện'),
      session,
    );
    await expect
      .poll(() => events.some((e) => e.type === 'connection.changed' && e.payload.state === 'offline'))
      .toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    server = await startOfficeServer({ entry: child.entry, env: child.env, dataDir, port });

    const reply = await pending;
    expect(reply).toMatchObject({ ok: true });
    expect(events.at(-1)).toMatchObject({ type: 'connection.changed', payload: { state: 'online' } });
    // The session survived the restart, and the dossier is there once.
    expect((await call<{ total: number }>('dossiers.list', {}, session)).total).toBe(before + 1);
  }, 90_000);

  it('sends a call again with the same request id when the answer was lost, and it is done once', async () => {
    // A relay that cuts the first connection as soon as the server starts answering: the server has done the
    // work, the client never hears of it.
    let cutOne = false;
    const relay = net.createServer((inbound) => {
      const outbound = net.connect(port, '127.0.0.1');
      inbound.pipe(outbound);
      outbound.on('data', (chunk: Buffer) => {
        if (!cutOne && chunk.length > 0 && chunk[0] === 0x17 && outbound.bytesRead > 2000) {
          cutOne = true;
          inbound.destroy();
          outbound.destroy();
          return;
        }
        inbound.write(chunk);
      });
      inbound.on('error', () => outbound.destroy());
      outbound.on('error', () => inbound.destroy());
      inbound.on('close', () => outbound.destroy());
    });
    await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', () => resolve()));
    const relayPort = (relay.address() as net.AddressInfo).port;
    try {
      const direct = makeClient(server.fingerprint);
      const leader = await loginThrough(direct, office.leader);
      const clerk = await loginThrough(direct, office.clerk);
      const call: Call = async (method, input, token) => {
        const reply = await direct.invoke(method, input, token);
        if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
        return reply.data as never;
      };
      const procedure = await pickProcedure(call, clerk);
      const d = await call<{ id: number }>(
        'dossiers.receive',
        receiveInput(procedure, randomUUID(), 'Nhà in Đứt Dây'),
        clerk,
      );
      const view = await call<{ version: number }>('workflow.view', { dossierId: d.id }, leader);
      const appraisers = await call<Array<{ id: number }>>('workflow.appraisers', {}, leader);

      const viaRelay = createOfficeClient({
        url: server.url,
        dial: { host: '127.0.0.1', port: relayPort },
        fingerprint: server.fingerprint,
        log: createMemoryLogger(),
        onEvent: () => undefined,
        maxBackoffMs: 300,
      });
      clients.push(viaRelay);
      const reply = await viaRelay.invoke(
        'workflow.perform',
        {
          dossierId: d.id,
          version: view.version,
          action: 'assign',
          input: { assigneeId: String(appraisers[0]!.id) },
        },
        leader,
      );
      expect(cutOne).toBe(true);
      // Without the replay the retry would have met its own change: CONFLICT. It gets the first outcome.
      expect(reply).toMatchObject({ ok: true, data: { status: 'appraising' } });
      const after = await call<{ version: number; events: unknown[] }>(
        'workflow.view',
        { dossierId: d.id },
        leader,
      );
      expect(after.version).toBe(view.version + 1);
      expect(after.events).toHaveLength(2);
    } finally {
      relay.close();
    }
  });

  it('gives up after its retry budget with a message that says the action may not be saved', async () => {
    await server.stop({ keepData: true });
    try {
      const client = makeClient(server.fingerprint, [], 1500);
      const reply = await client.invoke('app.info', {}, null);
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
      expect(reply.ok ? '' : reply.error.message).toMatch(/có thể chưa được lưu/);
    } finally {
      server = await startOfficeServer({ entry: child.entry, env: child.env, dataDir, port });
    }
  }, 60_000);

  it('refuses a regenerated certificate after a reinstall of the server', async () => {
    const pinned = server.fingerprint;
    await server.stop({ keepData: true });
    fs.rmSync(path.join(dataDir, 'tls'), { recursive: true, force: true });
    server = await startOfficeServer({ entry: child.entry, env: child.env, dataDir, port });
    expect(server.fingerprint).not.toBe(pinned);
    const client = makeClient(pinned);
    const reply = await client.invoke('app.info', {}, null);
    expect(reply).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(reply.ok ? '' : reply.error.message).toContain(server.fingerprint.slice(0, 23));
  }, 60_000);
});

async function adminSession(): Promise<string> {
  return (
    await server.call<{ sessionToken: string }>('auth.login', {
      username: office.admin.username,
      password: office.admin.password,
    })
  ).sessionToken;
}
