import { describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../backend/log';
import { createInvokeHandler, type InvokeEventLike } from './invoke-handler';
import { OPEN_PDF_METHOD } from './open-pdf';

function makeHandler() {
  const callBackend = vi.fn(async (_method: string, _input: unknown, _sessionToken: string | null) => ({
    ok: true as const,
    data: 'backend',
  }));
  const openPdf = vi.fn(async (_input: unknown) => ({ ok: true as const, data: { opened: true } }));
  const log = createMemoryLogger();
  return { handler: createInvokeHandler({ callBackend, openPdf, log }), callBackend, openPdf, log };
}

const event = (url: string, parent: unknown = null): InvokeEventLike => ({ senderFrame: { url, parent } });

describe('the api:invoke handler', () => {
  it.each([
    ['https://evil.example/', event('https://evil.example/')],
    ['app://bundle.evil/', event('app://bundle.evil/')],
    ['file:///C:/x', event('file:///C:/x')],
    ['about:blank', event('about:blank')],
    [
      'a subframe of our page',
      event('app://bundle/index.html', { url: 'app://bundle/index.html', parent: null }),
    ],
    ['no frame', { senderFrame: null }],
  ])('refuses %s with FORBIDDEN and runs nothing', async (_label, fakeEvent) => {
    const { handler, callBackend, openPdf, log } = makeHandler();
    for (const method of ['app.info', 'dossiers.receive', OPEN_PDF_METHOD]) {
      const reply = await handler(fakeEvent, method, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(callBackend).not.toHaveBeenCalled();
    expect(openPdf).not.toHaveBeenCalled();
    expect(log.lines.filter((line) => line.level === 'warn')).toHaveLength(3);
  });

  it('refuses when reading senderFrame throws (frame disposed)', async () => {
    const { handler, callBackend } = makeHandler();
    const disposed = {
      get senderFrame(): never {
        throw new Error('disposed');
      },
    };
    expect(await handler(disposed, 'app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(callBackend).not.toHaveBeenCalled();
  });

  it('passes a trusted call to dispatch with the method and input untouched', async () => {
    const { handler, callBackend, openPdf } = makeHandler();
    const input = { id: 7 };
    expect(await handler(event('app://bundle/index.html'), 'dossiers.get', input)).toEqual({
      ok: true,
      data: 'backend',
    });
    expect(callBackend).toHaveBeenCalledWith('dossiers.get', input, null);
    expect(openPdf).not.toHaveBeenCalled();
  });

  it('routes shell.openPdf to the main-process handler, not to dispatch', async () => {
    const { handler, callBackend, openPdf } = makeHandler();
    const input = { fileName: 'a.pdf', base64: 'JVBERi0x' };
    expect(await handler(event('app://bundle/'), OPEN_PDF_METHOD, input)).toEqual({
      ok: true,
      data: { opened: true },
    });
    expect(openPdf).toHaveBeenCalledWith(input);
    expect(callBackend).not.toHaveBeenCalled();
  });

  it('hands a non-string method to dispatch as an unknown name', async () => {
    const { handler, callBackend } = makeHandler();
    await handler(event('app://bundle/'), { evil: true }, {});
    expect(callBackend).toHaveBeenCalledWith('', {}, null);
  });

  it('passes a string session token on and drops anything else', async () => {
    const { handler, callBackend } = makeHandler();
    await handler(event('app://bundle/'), 'auth.me', {}, 'tok-123');
    expect(callBackend).toHaveBeenLastCalledWith('auth.me', {}, 'tok-123');
    await handler(event('app://bundle/'), 'auth.me', {}, { forged: true });
    expect(callBackend).toHaveBeenLastCalledWith('auth.me', {}, null);
  });

  it('never rejects: a throwing transport dependency becomes an INTERNAL envelope', async () => {
    const log = createMemoryLogger();
    const handler = createInvokeHandler({
      callBackend: async () => {
        throw new Error('boom');
      },
      openPdf: async () => {
        throw new Error('boom');
      },
      log,
    });
    await expect(handler(event('app://bundle/'), 'app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    await expect(handler(event('app://bundle/'), OPEN_PDF_METHOD, {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    expect(JSON.stringify(await handler(event('app://bundle/'), 'app.info', {}))).not.toContain('boom');
  });
});
