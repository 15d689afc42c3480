import { describe, expect, it } from 'vitest';
import { isAppUrl } from './app-origin';
import { isTrustedSender, type FrameLike } from './trusted-sender';

const top = (url: string): FrameLike => ({ url, parent: null });

describe('isTrustedSender', () => {
  it('accepts only the top frame of app://bundle/', () => {
    expect(isTrustedSender(top('app://bundle/index.html'))).toBe(true);
    expect(isTrustedSender(top('app://bundle/'))).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'app://bundle.evil/',
    'app://evil.bundle/',
    'app://bundle:8080/index.html',
    'app://user@bundle/index.html',
    'app://BUNDLE/index.html',
    'apps://bundle/index.html',
    'file:///C:/x',
    'file:///home/user/index.html',
    'about:blank',
    'blob:app://bundle/8d1c5a',
    'data:text/html,<h1>x</h1>',
    'http://127.0.0.1:4173/',
    'not a url',
    '',
  ])('refuses a top frame showing %s', (url) => {
    expect(isTrustedSender(top(url))).toBe(false);
  });

  it('refuses a frame with a non-null parent, even one showing our own page', () => {
    const parent = top('app://bundle/index.html');
    expect(isTrustedSender({ url: 'app://bundle/index.html', parent })).toBe(false);
  });

  it('refuses a missing frame', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('refuses a frame whose getters throw (disposed WebFrameMain) or whose url is not a string', () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
      parent: null,
    };
    expect(isTrustedSender(disposed)).toBe(false);
    expect(isTrustedSender({ url: 42 as unknown as string, parent: null })).toBe(false);
  });

  it('does not rely on origin, which is "null" for every custom-scheme URL', () => {
    expect(new URL('app://bundle/').origin).toBe('null');
    expect(new URL('app://bundle.evil/').origin).toBe('null');
    expect(isAppUrl('app://bundle.evil/')).toBe(false);
  });
});
