import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebServer, type RunningWebServer } from './web-server';
import { makeTestBackend, type TestBackend } from '../../../test/helpers/test-backend';
import { WEB_TOKEN_HEADER } from '../../../shared/api/bridge';
import { resolveInsideRoot } from './static-files';

let t: TestBackend;
let server: RunningWebServer;
let rendererDir: string;

beforeAll(async () => {
  t = await makeTestBackend();
  rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ld-renderer-'));
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>LicenceDesk</title>');
  fs.writeFileSync(path.join(os.tmpdir(), 'ld-secret.txt'), 'secret');
  server = await startWebServer({ backend: t.backend, rendererDir, port: 0 });
});

afterAll(async () => {
  await server.close();
  await t.close();
  fs.rmSync(rendererDir, { recursive: true, force: true });
});

/** Raw HTTP so that Host and Origin can be set freely (fetch forbids changing Host). */
function request(
  pathname: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        path: pathname,
        method: options.method ?? 'GET',
        headers: options.headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

const apiHeaders = () => ({ [WEB_TOKEN_HEADER]: server.token, 'content-type': 'application/json' });

describe('web edition', () => {
  it('listens on 127.0.0.1 and prints a URL with the token in the fragment', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
  });

  it('serves the API with the token', async () => {
    const res = await request('/api/app.info', { method: 'POST', headers: apiHeaders(), body: '{}' });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, data: { edition: 'cli' } });
  });

  it('refuses a call without the token or with a wrong one', async () => {
    const none = await request('/api/app.info', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(none.status).toBe(401);
    const wrong = await request('/api/app.info', {
      method: 'POST',
      headers: { ...apiHeaders(), [WEB_TOKEN_HEADER]: 'x'.repeat(server.token.length) },
      body: '{}',
    });
    expect(wrong.status).toBe(401);
    expect(JSON.parse(wrong.body)).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin (CSRF)', async () => {
    const host = await request('/api/app.info', {
      method: 'POST',
      headers: { ...apiHeaders(), host: 'attacker.example' },
      body: '{}',
    });
    expect(host.status).toBe(421);
    const origin = await request('/api/app.info', {
      method: 'POST',
      headers: { ...apiHeaders(), origin: 'http://evil.example' },
      body: '{}',
    });
    expect(origin.status).toBe(403);
    expect(origin.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('accepts only JSON posts of bounded size', async () => {
    const form = await request('/api/app.info', {
      method: 'POST',
      headers: { [WEB_TOKEN_HEADER]: server.token, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
    const get = await request('/api/app.info', { headers: apiHeaders() });
    expect(get.status).toBe(405);
    const bad = await request('/api/app.info', { method: 'POST', headers: apiHeaders(), body: '{not json' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const huge = await request('/api/app.info', {
      method: 'POST',
      headers: apiHeaders(),
      body: JSON.stringify({ x: 'a'.repeat(3 * 1024 * 1024) }),
    }).catch(() => ({ status: 413, headers: {}, body: '' }));
    expect(huge.status).toBe(413);
  });

  it('survives a malformed method name', async () => {
    const res = await request('/api/%E0%A4%A', { method: 'POST', headers: apiHeaders(), body: '{}' });
    expect(res.status).toBe(404);
    const after = await request('/api/app.info', { method: 'POST', headers: apiHeaders(), body: '{}' });
    expect(after.status).toBe(200);
  });

  it('serves the renderer with a strict CSP and never a file outside it', async () => {
    const index = await request('/');
    expect(index.status).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    expect(index.headers['content-security-policy']).not.toContain('unsafe-eval');
    for (const attempt of ['/../ld-secret.txt', '/%2e%2e/ld-secret.txt', '/..%2fld-secret.txt']) {
      const res = await request(attempt);
      expect(res.status, attempt).not.toBe(200);
      expect(res.body, attempt).not.toContain('secret');
    }
  });

  it('resolves static paths strictly inside the root', () => {
    expect(resolveInsideRoot('/srv/app', '/index.html')).toBe(path.resolve('/srv/app/index.html'));
    expect(resolveInsideRoot('/srv/app', '/../etc/passwd')).toBeNull();
    expect(resolveInsideRoot('/srv/app', '/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveInsideRoot('/srv/app', '/a%00b')).toBeNull();
    expect(resolveInsideRoot('/srv/app', '/%E0%A4%A')).toBeNull();
  });
});
