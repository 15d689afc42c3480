import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryLogger } from '../backend/log';
import { MAX_PDF_BYTES, createOpenPdf, pruneOldPdfs, safePdfFileName } from './open-pdf';

const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

let baseDir: string;
beforeEach(() => {
  baseDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'open-pdf-test-')), 'licence-desk');
});
afterEach(() => {
  fs.rmSync(path.dirname(baseDir), { recursive: true, force: true });
});

function makeOpenPdf(result = '') {
  const openPath = vi.fn(async (_filePath: string) => result);
  const log = createMemoryLogger();
  return { openPdf: createOpenPdf({ baseDir, openPath, log }), openPath, log };
}

describe('shell.openPdf', () => {
  it('writes the PDF under the private temp folder with its Vietnamese name and opens it', async () => {
    const { openPdf, openPath } = makeOpenPdf();
    const reply = await openPdf({ fileName: 'Giấy tiếp nhận hồ sơ 000123', base64: PDF.toString('base64') });
    expect(reply).toEqual({ ok: true, data: { opened: true } });
    expect(openPath).toHaveBeenCalledTimes(1);
    const filePath = openPath.mock.calls[0]?.[0] ?? '';
    expect(path.basename(filePath)).toBe('Giấy tiếp nhận hồ sơ 000123.pdf');
    expect(path.dirname(path.dirname(filePath))).toBe(baseDir);
    expect(fs.readFileSync(filePath).equals(PDF)).toBe(true);
  });

  it('keeps two prints with the same name apart', async () => {
    const { openPdf, openPath } = makeOpenPdf();
    await openPdf({ fileName: 'a.pdf', base64: PDF.toString('base64') });
    await openPdf({ fileName: 'a.pdf', base64: PDF.toString('base64') });
    const [first, second] = openPath.mock.calls.map((call) => call[0]);
    expect(first).not.toBe(second);
  });

  it.each([
    ['not an object', 'x'],
    ['missing base64', { fileName: 'a.pdf' }],
    ['empty name', { fileName: '   ', base64: PDF.toString('base64') }],
    ['extra key', { fileName: 'a.pdf', base64: PDF.toString('base64'), path: '/etc/passwd' }],
    ['not base64', { fileName: 'a.pdf', base64: 'JVBER i0x!!' }],
    ['not a PDF', { fileName: 'a.pdf', base64: Buffer.from('MZ\x90\x00 this is an exe').toString('base64') }],
  ])('refuses %s with VALIDATION_FAILED and writes nothing', async (_label, input) => {
    const { openPdf, openPath } = makeOpenPdf();
    const reply = await openPdf(input);
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(openPath).not.toHaveBeenCalled();
    expect(fs.existsSync(baseDir)).toBe(false);
  });

  it('refuses a PDF over the size cap before decoding it', async () => {
    const { openPdf, openPath } = makeOpenPdf();
    const tooBig = 'A'.repeat(Math.ceil(MAX_PDF_BYTES / 3) * 4 + 4);
    const reply = await openPdf({ fileName: 'big.pdf', base64: tooBig });
    expect(reply).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', fieldErrors: { base64: expect.stringContaining('MB') } },
    });
    expect(openPath).not.toHaveBeenCalled();
  });

  it('reports an OS viewer failure in Vietnamese without leaking the path', async () => {
    const { openPdf, log } = makeOpenPdf('No application is associated with the specified file');
    const reply = await openPdf({ fileName: 'a.pdf', base64: PDF.toString('base64') });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(reply)).not.toContain(baseDir);
    expect(log.lines.some((line) => line.level === 'warn')).toBe(true);
  });
});

describe('safePdfFileName', () => {
  it.each([
    ['Giấy phép xuất bản số 12/GP-STTTT', 'Giấy phép xuất bản số 12-GP-STTTT.pdf'],
    ['..\\..\\Windows\\evil', '-..-Windows-evil.pdf'],
    ['../../etc/passwd', '-..-etc-passwd.pdf'],
    ['báo cáo: quý 3 <2026>?', 'báo cáo_ quý 3 _2026__.pdf'],
    ['Biên nhận.PDF', 'Biên nhận.pdf'],
    ['tên có dấu chấm cuối...', 'tên có dấu chấm cuối.pdf'],
    ['CON', 'tai-lieu.pdf'],
    ['nul.bao-cao', 'tai-lieu.pdf'],
    ['', 'tai-lieu.pdf'],
    ['...', 'tai-lieu.pdf'],
    ['a\u0000b\u202Ecd\nef', 'abcd ef.pdf'],
  ])('%j -> %j', (raw, expected) => {
    expect(safePdfFileName(raw)).toBe(expected);
  });

  it('stores names in NFC and caps their length', () => {
    const decomposed = 'Hòa'.normalize('NFD');
    expect(safePdfFileName(decomposed)).toBe('Hòa.pdf'.normalize('NFC'));
    expect(Array.from(safePdfFileName('ữ'.repeat(500))).length).toBe(104);
  });
});

describe('pruneOldPdfs', () => {
  it('removes print folders older than a day and keeps recent ones and foreign files', async () => {
    fs.mkdirSync(path.join(baseDir, 'pdf-old'), { recursive: true });
    fs.mkdirSync(path.join(baseDir, 'pdf-new'));
    fs.mkdirSync(path.join(baseDir, 'other-old'));
    const now = Date.now();
    const twoDaysAgo = new Date(now - 2 * 24 * 60 * 60 * 1000);
    fs.utimesSync(path.join(baseDir, 'pdf-old'), twoDaysAgo, twoDaysAgo);
    fs.utimesSync(path.join(baseDir, 'other-old'), twoDaysAgo, twoDaysAgo);
    expect(await pruneOldPdfs(baseDir, now)).toBe(1);
    expect(fs.readdirSync(baseDir).sort()).toEqual(['other-old', 'pdf-new']);
  });

  it('is a no-op when the folder does not exist', async () => {
    expect(await pruneOldPdfs(path.join(baseDir, 'missing'), Date.now())).toBe(0);
  });
});
