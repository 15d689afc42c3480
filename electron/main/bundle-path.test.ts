import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, isClientRoute, resolveBundlePath } from './bundle-path';

const root = path.resolve('/opt/licence-desk/dist/renderer');

describe('resolveBundlePath', () => {
  it('serves files under the renderer folder, and index.html for /', () => {
    expect(resolveBundlePath(root, 'app://bundle/')).toBe(path.join(root, 'index.html'));
    expect(resolveBundlePath(root, 'app://bundle')).toBe(path.join(root, 'index.html'));
    expect(resolveBundlePath(root, 'app://bundle/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveBundlePath(root, 'app://bundle/assets/index-abc123.js')).toBe(
      path.join(root, 'assets', 'index-abc123.js'),
    );
    expect(resolveBundlePath(root, 'app://bundle/assets/app.css?v=2#x')).toBe(
      path.join(root, 'assets', 'app.css'),
    );
    expect(resolveBundlePath(root, 'app://bundle/fonts/Gi%E1%BA%A5y%20ph%C3%A9p.woff2')).toBe(
      path.join(root, 'fonts', 'Giấy phép.woff2'),
    );
  });

  it.each([
    'app://bundle/../x',
    'app://bundle/../../Windows/win.ini',
    'app://bundle/%2e%2e/x',
    'app://bundle/%2E%2E/%2e%2e/etc/passwd',
    'app://bundle/assets/..%2f..%2f..%2fetc/passwd',
    'app://bundle/..%2fpackage.json',
    'app://bundle/%2e%2e%2fpackage.json',
    'app://bundle/..%5c..%5cWindows%5cwin.ini',
    'app://bundle/assets%5c..%5c..%5cx',
    'app://bundle/C:/Windows/win.ini',
    'app://bundle/C%3A%5CWindows%5Cwin.ini',
    'app://bundle/index.html%3A%3A%24DATA',
    'app://bundle/index.html%00.png',
    'app://bundle/CON',
    'app://bundle/assets/nul.txt',
    'app://bundle/%E0%A4%A',
  ])('never leaves the renderer folder: %s', (url) => {
    const resolved = resolveBundlePath(root, url);
    // Either refused, or (plain `..` folded away by the URL parser) strictly inside the root.
    expect(resolved === null || resolved.startsWith(root + path.sep)).toBe(true);
  });

  it('folds parser-level dot segments inside the root instead of escaping it', () => {
    expect(resolveBundlePath(root, 'app://bundle/../x')).toBe(path.join(root, 'x'));
    expect(resolveBundlePath(root, 'app://bundle/%2e%2e/x')).toBe(path.join(root, 'x'));
    expect(resolveBundlePath(root, 'app://bundle/assets/../index.html')).toBe(path.join(root, 'index.html'));
  });

  it('refuses what only becomes traversal after percent-decoding', () => {
    for (const url of [
      'app://bundle/assets/..%2f..%2f..%2fetc/passwd',
      'app://bundle/..%2fpackage.json',
      'app://bundle/%2e%2e%2fpackage.json',
      'app://bundle/..%5c..%5cWindows%5cwin.ini',
      'app://bundle/C%3A%5CWindows%5Cwin.ini',
      'app://bundle/C:/Windows/win.ini',
      'app://bundle/index.html%3A%3A%24DATA',
      'app://bundle/index.html%00.png',
      'app://bundle/CON',
      'app://bundle/assets/nul.txt',
      'app://bundle/%E0%A4%A',
    ]) {
      expect(resolveBundlePath(root, url), url).toBeNull();
    }
  });

  it.each([
    'app://other/index.html',
    'app://bundle.evil/index.html',
    'app://bundle:1234/index.html',
    'app://u:p@bundle/index.html',
    'https://bundle/index.html',
    'file:///opt/licence-desk/dist/renderer/index.html',
    'not a url',
  ])('refuses other hosts and schemes: %s', (url) => {
    expect(resolveBundlePath(root, url)).toBeNull();
  });

  it('applies the Windows path rules with path.win32', () => {
    const winRoot = 'C:\\Program Files\\LicenceDesk\\resources\\app.asar\\dist\\renderer';
    expect(resolveBundlePath(winRoot, 'app://bundle/assets/a.js', path.win32)).toBe(
      `${winRoot}\\assets\\a.js`,
    );
    for (const url of [
      'app://bundle/..%5c..%5cwin.ini',
      'app://bundle/D:/secret.txt',
      'app://bundle/%5c%5cserver%5cshare%5cx',
      'app://bundle/AUX.js',
      'app://bundle/com1',
    ]) {
      expect(resolveBundlePath(winRoot, url, path.win32), url).toBeNull();
    }
  });
});

describe('isClientRoute and contentTypeFor', () => {
  it('treats extension-less paths as client routes only', () => {
    expect(isClientRoute(path.join(root, 'dossiers', '12'))).toBe(true);
    expect(isClientRoute(path.join(root, 'assets', 'missing.js'))).toBe(false);
  });

  it('maps known types and keeps unknown ones opaque', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/f.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/blob.bin')).toBe('application/octet-stream');
  });
});
