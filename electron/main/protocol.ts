// Serves the built renderer over app://bundle/ (checklist item 18) with the CSP header on every response.
import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import type { Logger } from '../backend/context';
import { APP_SCHEME, CONTENT_SECURITY_POLICY } from './app-origin';
import { contentTypeFor, isClientRoute, resolveBundlePath } from './bundle-path';

/**
 * Must run before app 'ready'. standard: relative URLs, storage and a real (non-opaque) origin in Chromium;
 * secure: a secure context; supportFetchAPI: fetch()/module loads from the page. corsEnabled and bypassCSP
 * stay off on purpose: corsEnabled would let other origins read app:// responses, and our CSP must apply.
 */
export function registerAppSchemeAsPrivileged(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
};

/** After 'ready': answer app:// requests from `rendererDir` only (dist/renderer). */
export function serveRendererBundle(rendererDir: string, log: Logger): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return textResponse(405, 'Method Not Allowed');
    }
    const filePath = resolveBundlePath(root, request.url);
    if (filePath === null) {
      log.warn('app:// request refused', { url: request.url.slice(0, 300) });
      return textResponse(404, 'Not Found');
    }
    const served =
      (await readFileOrNull(filePath)) ?? (isClientRoute(filePath) ? await indexOrNull(root) : null);
    if (served === null) return textResponse(404, 'Not Found');
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(served.bytes), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(served.filePath) },
    });
  });
}

async function readFileOrNull(filePath: string): Promise<{ filePath: string; bytes: Buffer } | null> {
  try {
    return { filePath, bytes: await fs.readFile(filePath) };
  } catch {
    return null; // ENOENT, EISDIR, EACCES: all a plain 404 to the page
  }
}

function indexOrNull(root: string) {
  return readFileOrNull(path.join(root, 'index.html'));
}

function textResponse(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}
