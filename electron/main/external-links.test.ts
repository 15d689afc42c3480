import { describe, expect, it } from 'vitest';
import { EXTERNAL_URL_ALLOW_LIST, isAllowedExternalUrl } from './external-links';

describe('isAllowedExternalUrl', () => {
  it('allows nothing with the shipped (empty, frozen) allow-list', () => {
    expect(EXTERNAL_URL_ALLOW_LIST).toEqual([]);
    expect(Object.isFrozen(EXTERNAL_URL_ALLOW_LIST)).toBe(true);
    expect(isAllowedExternalUrl('https://dichvucong.gov.vn/')).toBe(false);
  });

  const allowList = ['https://dichvucong.gov.vn/p/home/dvc-trang-chu.html'];

  it('allows an exact, https, allow-listed URL only', () => {
    expect(isAllowedExternalUrl('https://dichvucong.gov.vn/p/home/dvc-trang-chu.html', allowList)).toBe(true);
    expect(isAllowedExternalUrl('HTTPS://DICHVUCONG.GOV.VN/p/home/dvc-trang-chu.html', allowList)).toBe(true);
  });

  it.each([
    'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html.attacker.com',
    'https://dichvucong.gov.vn.attacker.com/p/home/dvc-trang-chu.html',
    'https://dichvucong.gov.vn/p/home/dvc-trang-chu.html?x=1',
    'https://user@dichvucong.gov.vn/p/home/dvc-trang-chu.html',
    'http://dichvucong.gov.vn/p/home/dvc-trang-chu.html',
    'file:///C:/Windows/System32/calc.exe',
    'ms-msdt:/id PCWDiagnostic',
    'smb://server/share',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url, allowList)).toBe(false);
  });
});
