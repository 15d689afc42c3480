// The office server as the network sees it (issue 10): a real `licence-desk serve --office` child on 127.0.0.1,
// called over real HTTPS. Plain HTTP, foreign Host and Origin, missing sessions, password guessing, app.info,
// deactivated and re-roled users, a restart, the event stream and retried requests.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { randomUUID, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOfficeServer, type OfficeServer } from '../../../test/helpers/office-server';
import { bundleOfficeChild } from '../../../test/helpers/office-child-bundle';
import { prepareOffice, type PreparedOffice } from '../../../test/helpers/web-edition';
import { httpsRequest } from '../../../test/helpers/https-request';
import { pickProcedure, receiveInput, versionOf, type Call } from '../../../test/helpers/office-flow';
import { readEventStream } from '../../../test/helpers/event-stream-reader';

let child: { entry: string; env: NodeJS.ProcessEnv };
let server: OfficeServer;
let office: PreparedOffice;
const sessions: Record<string, string> = {};

const call: Call = (method, input, session) => server.call(method, input, session);
const login = async (username: string, password: string) =>
  (await server.call<{ sessionToken: string }>('auth.login', { username, password })).sessionToken;

beforeAll(async () => {
  child = bundleOfficeChild();
  server = await startOfficeServer({ entry: child.entry, env: child.env });
  office = await prepareOffice(server);
  for (const role of ['admin', 'clerk', 'leader', 'appraiser', 'director'] as const)
    sessions[role] = await login(office[role].username, office[role].password);
}, 120_000);

afterAll(async () => {
  await server?.stop();
});

function plainHttp(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('end', () => resolve(Buffer.concat(chunks).toString()));
    socket.on('error', reject);
  });
}

const api = (method: string, headers: Record<string, string>, body = '{}') =>
  httpsRequest({
    port: server.port,
    ca: server.ca,
    path: `/api/${method}`,
    method: 'POST',
    headers,
    body,
    // The certificate is checked against the address dialled, whatever Host header the test forges.
    servername: 'localhost',
  });

const adminLogin = (s: OfficeServer) => ({
  username: s.firstRun!.username,
  password: s.firstRun!.temporaryPassword,
});

describe('office server: transport', () => {
  it('prints its address and the fingerprint of the certificate it serves, and keeps the key private', () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/$/);
    const pem = fs.readFileSync(path.join(server.dataDir, 'tls', 'office-cert.pem'), 'utf8');
    expect(new X509Certificate(pem).fingerprint256).toBe(server.fingerprint);
    expect(new X509Certificate(pem).subjectAltName).toContain('IP Address:127.0.0.1');
    expect(fs.statSync(path.join(server.dataDir, 'tls', 'office-key.pem')).mode & 0o777).toBe(0o600);
  });

  it('answers plain HTTP with a 400 naming the https address, and never runs the call', async () => {
    const reply = await plainHttp(
      server.port,
      'POST /api/app.info HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}',
    );
    expect(reply).toMatch(/^HTTP\/1\.1 400 /);
    expect(reply).toContain(`https://127.0.0.1:${server.port}/`);
    expect(reply).not.toContain('"ok"');
  });

  it('refuses TLS 1.1', async () => {
    const tls = await import('node:tls');
    const outcome = await new Promise<string>((resolve) => {
      const socket = tls.connect({
        port: server.port,
        host: '127.0.0.1',
        ca: server.ca,
        maxVersion: 'TLSv1.1',
        minVersion: 'TLSv1',
      });
      socket.once('secureConnect', () => resolve('connected'));
      socket.once('error', (error) => resolve(`refused: ${error.message}`));
    });
    expect(outcome).toMatch(/^refused/);
  });

  it('refuses a foreign Host (DNS rebinding) and a foreign Origin (another site)', async () => {
    const host = await api('app.info', { 'content-type': 'application/json', host: 'evil.example:443' });
    expect(host.status).toBe(421);
    const origin = await api('app.info', {
      'content-type': 'application/json',
      origin: 'https://evil.example',
    });
    expect(origin.status).toBe(403);
    const ours = await api('app.info', {
      'content-type': 'application/json',
      origin: `https://127.0.0.1:${server.port}`,
    });
    expect(ours.status).toBe(200);
    const http = await api('app.info', {
      'content-type': 'application/json',
      origin: `http://127.0.0.1:${server.port}`,
    });
    expect(http.status).toBe(403);
  });

  it('refuses a form post (no JSON content type): no cross-site request without a preflight', async () => {
    const res = await api('app.info', { 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
  });
});

describe('office server: logins and sessions', () => {
  it('needs no token but refuses every non-public method without a session', async () => {
    expect(await server.envelope('app.info')).toMatchObject({ ok: true, data: { edition: 'office' } });
    expect(await server.envelope('dossiers.list', {})).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
    expect(await server.envelope('dossiers.list', {}, 'not-a-session')).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    });
  });

  it('app.info never reveals the one-time password nor the data folder', async () => {
    const fresh = await startOfficeServer({ entry: child.entry, env: child.env });
    try {
      expect(fresh.firstRun?.temporaryPassword).toMatch(/\S{8,}/);
      const info = await httpsRequest({
        port: fresh.port,
        ca: fresh.ca,
        path: '/api/app.info',
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(info.body).not.toContain(fresh.firstRun!.temporaryPassword);
      expect(JSON.parse(info.body)).toMatchObject({ ok: true, data: { firstRun: null, dataDir: '' } });
      // The password printed on the console works.
      const login = await fresh.envelope('auth.login', adminLogin(fresh));
      expect(login.ok).toBe(true);
    } finally {
      await fresh.stop();
    }
  }, 60_000);

  it('locks an account after 5 wrong passwords, even for the right one', async () => {
    const fresh = await startOfficeServer({ entry: child.entry, env: child.env });
    try {
      const { username, temporaryPassword } = fresh.firstRun!;
      for (let i = 0; i < 5; i += 1)
        expect(await fresh.envelope('auth.login', { username, password: `sai-${i}` })).toMatchObject({
          ok: false,
        });
      const locked = await fresh.envelope('auth.login', { username, password: temporaryPassword });
      expect(locked).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(locked.error?.message).toMatch(/Đăng nhập sai quá nhiều lần/);
    } finally {
      await fresh.stop();
    }
  }, 60_000);

  it('locks a client address after 20 wrong passwords spread over many names', async () => {
    const fresh = await startOfficeServer({ entry: child.entry, env: child.env });
    try {
      for (let i = 0; i < 20; i += 1)
        await fresh.envelope('auth.login', { username: `ten-${i}`, password: 'sai' });
      const locked = await fresh.envelope('auth.login', adminLogin(fresh));
      expect(locked).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    } finally {
      await fresh.stop();
    }
  }, 60_000);

  it('cuts off a deactivated user at the next call, and tells them why', async () => {
    const username = `tam.${Date.now() % 100000}`;
    const created = await server.call<{ id: number; version: number }>(
      'users.create',
      {
        username,
        fullName: 'Người Tạm Thời',
        title: null,
        roles: ['clerk'],
        temporaryPassword: 'tam thoi 12345',
      },
      sessions.admin,
    );
    const first = await login(username, 'tam thoi 12345');
    await server.call(
      'auth.changePassword',
      { currentPassword: 'tam thoi 12345', newPassword: 'mật khẩu riêng 2026' },
      first,
    );
    const own = await login(username, 'mật khẩu riêng 2026');
    expect(await server.envelope('dossiers.list', {}, own)).toMatchObject({ ok: true });
    const user = await server.call<{ version: number }>('auth.me', {}, own);
    await server.call(
      'users.update',
      {
        id: created.id,
        fullName: 'Người Tạm Thời',
        title: null,
        roles: ['clerk'],
        isActive: false,
        version: user.version,
      },
      sessions.admin,
    );
    const refused = await server.envelope('dossiers.list', {}, own);
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(refused.error?.message).toMatch(/đã bị khóa/);
  }, 60_000);

  it('applies changed roles at the next call', async () => {
    const username = `doi.${Date.now() % 100000}`;
    const created = await server.call<{ id: number }>(
      'users.create',
      {
        username,
        fullName: 'Người Đổi Vai',
        title: null,
        roles: ['appraiser'],
        temporaryPassword: 'tam thoi 12345',
      },
      sessions.admin,
    );
    const first = await login(username, 'tam thoi 12345');
    await server.call(
      'auth.changePassword',
      { currentPassword: 'tam thoi 12345', newPassword: 'mật khẩu riêng 2026' },
      first,
    );
    const own = await login(username, 'mật khẩu riêng 2026');
    const procedure = await pickProcedure(call, sessions.clerk!);
    const intake = receiveInput(procedure, randomUUID(), 'Nhà xuất bản Đổi Vai');
    expect(await server.envelope('dossiers.receive', intake, own)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const me = await server.call<{ version: number }>('auth.me', {}, own);
    await server.call(
      'users.update',
      {
        id: created.id,
        fullName: 'Người Đổi Vai',
        title: null,
        roles: ['clerk'],
        isActive: true,
        version: me.version,
      },
      sessions.admin,
    );
    expect(await server.envelope('dossiers.receive', intake, own)).toMatchObject({ ok: true });
    expect(await server.call('auth.me', {}, own)).toMatchObject({ roles: ['clerk'] });
  }, 60_000);

  it('keeps sessions and the certificate across a restart', async () => {
    const fresh = await startOfficeServer({ entry: child.entry, env: child.env });
    const dataDir = fresh.dataDir;
    try {
      const session = (await fresh.call<{ sessionToken: string }>('auth.login', adminLogin(fresh)))
        .sessionToken;
      expect(await fresh.envelope('auth.me', {}, session)).toMatchObject({ ok: true });
      await fresh.stop({ keepData: true });
      const again = await startOfficeServer({ entry: child.entry, env: child.env, dataDir });
      try {
        expect(again.fingerprint).toBe(fresh.fingerprint);
        expect(await again.envelope('auth.me', {}, session)).toMatchObject({
          ok: true,
          data: { username: 'admin' },
        });
        // Only the hash of the token is in the store.
        const db = fs.readFileSync(path.join(dataDir, 'licence-desk.db'));
        expect(db.includes(Buffer.from(session))).toBe(false);
      } finally {
        await again.stop();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});

describe('office server: live updates and retries', () => {
  it('streams a dossier change to every signed-in desk, and refuses the stream without a session', async () => {
    const refused = await httpsRequest({ port: server.port, ca: server.ca, path: '/events' });
    expect(refused.status).toBe(401);
    const stream = readEventStream({ port: server.port, ca: server.ca, sessionToken: sessions.appraiser! });
    try {
      await stream.connected;
      const procedure = await pickProcedure(call, sessions.clerk!);
      const received = await server.call<{ id: number }>(
        'dossiers.receive',
        receiveInput(procedure, randomUUID(), 'Nhà in Trực Tiếp'),
        sessions.clerk,
      );
      const event = await stream.next((e) => e.type === 'dossiers.changed');
      expect(event.payload).toMatchObject({
        ids: [received.id],
        action: 'receive',
        actorName: office.clerk.fullName,
      });
    } finally {
      stream.close();
    }
  });

  it('answers a retried write with its first outcome, and a stale one with CONFLICT naming who and when', async () => {
    const procedure = await pickProcedure(call, sessions.clerk!);
    const d = await server.call<{ id: number }>(
      'dossiers.receive',
      receiveInput(procedure, randomUUID(), 'Nhà in Gửi Lại'),
      sessions.clerk,
    );
    const appraisers = await server.call<Array<{ id: number }>>('workflow.appraisers', {}, sessions.leader);
    const input = {
      dossierId: d.id,
      version: await versionOf(call, sessions.leader!, d.id),
      action: 'assign',
      input: { assigneeId: String(appraisers[0]!.id) },
    };
    const requestId = randomUUID();
    const first = await server.envelope('workflow.perform', input, sessions.leader, {
      'x-licence-desk-request-id': requestId,
    });
    const retried = await server.envelope('workflow.perform', input, sessions.leader, {
      'x-licence-desk-request-id': requestId,
    });
    expect(first.ok).toBe(true);
    expect(retried).toEqual(first);
    const stale = await server.envelope('workflow.perform', input, sessions.leader, {
      'x-licence-desk-request-id': randomUUID(),
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(stale.error?.message).toContain(office.leader.fullName);
    expect(stale.error?.message).toMatch(/lúc \d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
  });
});
