import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  makeReceiveInput,
  makeTestBackend,
  sampleSettings,
  type TestBackend,
} from '../../../test/helpers/test-backend';
import { downloadThroughApi, sha256Of, uploadThroughApi } from '../../../test/helpers/attachment-upload';
import {
  fakePdfOfSize,
  makeEncryptedPdf,
  makeJpeg,
  makePdf,
  makePng,
  makeTiff,
} from '../../../test/helpers/scan-fixtures';
import { verifyAuditChain } from '../audit/audit-chain';
import { filesDirOf } from '../files/content-store';

let t: TestBackend;
let dossierId: number;
beforeEach(async () => {
  t = await makeTestBackend();
  await t.call('settings.update', sampleSettings);
  dossierId = (await t.call('dossiers.receive', await makeReceiveInput(t))).id;
});
afterEach(() => t.close());

const db = () => t.backend.ctx.db;
const one = async (sql: string, params: unknown[] = []) =>
  (await db().get<{ n: number }>(sql, params))?.n ?? 0;

/** Everything an attach may change: refusals must leave all of it as it was. */
async function snapshotState() {
  return {
    files: await one('SELECT count(*) AS n FROM dossier_files'),
    stored: await one('SELECT count(*) AS n FROM stored_files'),
    audit: await one('SELECT count(*) AS n FROM audit_events'),
    scans: await one('SELECT scans_attached AS n FROM dossiers WHERE id = ?', [dossierId]),
    staging: fs.existsSync(path.join(filesDirOf(t.dataDir), '.staging'))
      ? fs.readdirSync(path.join(filesDirOf(t.dataDir), '.staging')).length
      : 0,
  };
}

function storedPath(sha: string) {
  return path.join(filesDirOf(t.dataDir), sha.slice(0, 2), sha.slice(2, 4), sha);
}

describe('attachments: upload through the API', () => {
  it('stores each accepted type content-addressed, audits the hash and reads it back byte for byte', async () => {
    const files = [
      { name: 'Đơn đề nghị.pdf', bytes: await makePdf('Don de nghi', 3), type: 'application/pdf' },
      { name: 'ban-thao.jpg', bytes: await makeJpeg('Ban thao'), type: 'image/jpeg' },
      { name: 'trang 2.png', bytes: makePng(), type: 'image/png' },
      { name: 'scan.tif', bytes: makeTiff(), type: 'image/tiff' },
    ];
    for (const [i, file] of files.entries()) {
      const result = await uploadThroughApi(
        t,
        { dossierId, componentNo: (i % 2) + 1, fileName: file.name },
        file.bytes,
      );
      expect(result.ok, JSON.stringify(result)).toBe(true);
      if (!result.ok) continue;
      expect(result.data).toMatchObject({
        mediaType: file.type,
        sha256: sha256Of(file.bytes),
        version: 1,
        fileName: file.name,
      });
      expect(fs.readFileSync(storedPath(sha256Of(file.bytes))).equals(file.bytes)).toBe(true);
      expect((fs.statSync(storedPath(sha256Of(file.bytes))).mode & 0o222) === 0).toBe(true);
      expect((await downloadThroughApi(t, result.data.id)).equals(file.bytes)).toBe(true);
      const audit = await db().get<{ action: string; payload: string }>(
        'SELECT action, payload FROM audit_events ORDER BY seq DESC LIMIT 1',
      );
      expect(audit?.action).toBe('attachments.attach');
      expect(JSON.parse(audit!.payload)).toMatchObject({
        sha256: sha256Of(file.bytes),
        componentNo: (i % 2) + 1,
      });
    }
    const list = await t.call('attachments.list', { dossierId });
    expect(list.components[0]?.files).toHaveLength(2);
    expect(list.components[1]?.files).toHaveLength(2);
    expect((await verifyAuditChain(db())).ok).toBe(true);
    expect((await snapshotState()).staging).toBe(0);
  });

  it('uploads a multi-chunk file (3.5 MiB) and keeps the name with Vietnamese letters, dropping folders', async () => {
    const bytes = fakePdfOfSize(3.5 * 1024 * 1024);
    const result = await uploadThroughApi(
      t,
      { dossierId, componentNo: 1, fileName: 'C:\\Quét\\..\\Bản thảo – Đặng Hòa.pdf' },
      bytes,
    );
    expect(result.ok && result.data.fileName).toBe('Bản thảo – Đặng Hòa.pdf');
    const other = await uploadThroughApi(
      t,
      { dossierId, componentNo: 2, fileName: '../../etc/passwd' },
      makePng(10, 10, 3),
    );
    expect(other.ok && other.data.fileName).toBe('passwd.png');
    expect(fs.existsSync(path.join(t.dataDir, '..', 'passwd.png'))).toBe(false);
  });

  it('a replaced scan is a new version; the old version and its file stay', async () => {
    const first = await uploadThroughApi(
      t,
      { dossierId, componentNo: 1, fileName: 'don.pdf' },
      await makePdf('v1'),
    );
    if (!first.ok) throw new Error(first.error.message);
    const v2 = await makePdf('v2');
    const second = await uploadThroughApi(
      t,
      { dossierId, componentNo: 1, fileName: 'don-moi.pdf', replacesId: first.data.id },
      v2,
    );
    expect(second.ok && second.data.version).toBe(2);
    const files = (await t.call('attachments.list', { dossierId })).components[0]!.files;
    expect(files.map((f) => [f.version, f.supersededById === null])).toEqual([
      [1, false],
      [2, true],
    ]);
    expect(fs.existsSync(storedPath(first.data.sha256))).toBe(true);
    const audit = await db().get<{ action: string }>(
      'SELECT action FROM audit_events ORDER BY seq DESC LIMIT 1',
    );
    expect(audit?.action).toBe('attachments.replace');
    // Replacing a version that was already replaced is refused.
    const stale = await uploadThroughApi(
      t,
      { dossierId, componentNo: 1, fileName: 'x.pdf', replacesId: first.data.id },
      await makePdf('v3'),
    );
    expect(!stale.ok && stale.error.code).toBe('CONFLICT');
    // The store refuses to rewrite history.
    await expect(db().run('DELETE FROM dossier_files')).rejects.toThrow(/append-only/);
    await expect(db().run("UPDATE stored_files SET media_type = 'image/png'")).rejects.toThrow(/append-only/);
  });

  it('counts scanned components and marks the dossier list while scans are missing', async () => {
    const provided = (await t.call('attachments.list', { dossierId })).components.filter((c) => c.isProvided);
    expect(provided.length).toBeGreaterThan(0);
    let row = (await t.call('dossiers.list', {})).items.find((d) => d.id === dossierId);
    expect(row?.scansMissing).toBe(provided.length);
    for (const c of provided) {
      const r = await uploadThroughApi(
        t,
        { dossierId, componentNo: c.no, fileName: `tp${c.no}.png` },
        makePng(8, 8, c.no),
      );
      expect(r.ok).toBe(true);
    }
    row = (await t.call('dossiers.list', {})).items.find((d) => d.id === dossierId);
    expect(row?.scansMissing).toBe(0);
    expect((await t.call('attachments.list', { dossierId })).scansMissing).toBe(0);
  });
});

describe('attachments: bad input and faults leave the dossier unchanged', () => {
  const refusals: Array<[string, () => Promise<{ name: string; bytes: Buffer }>, RegExp]> = [
    ['a zero-byte file', async () => ({ name: 'rong.pdf', bytes: Buffer.alloc(0) }), /rỗng/],
    [
      'a truncated PDF',
      async () => ({ name: 'cut.pdf', bytes: (await makePdf('x')).subarray(0, 400) }),
      /cắt cụt/,
    ],
    ['a password-protected PDF', async () => ({ name: 'khoa.pdf', bytes: makeEncryptedPdf() }), /mật khẩu/],
    [
      'a truncated JPEG',
      async () => ({ name: 'a.jpg', bytes: (await makeJpeg()).subarray(0, 300) }),
      /cắt cụt/,
    ],
    ['a truncated PNG', async () => ({ name: 'a.png', bytes: makePng().subarray(0, 60) }), /cắt cụt/],
    [
      'a Word file named .pdf',
      async () => ({ name: 'don.pdf', bytes: Buffer.from('PK\u0003\u0004word/document.xml') }),
      /không phải PDF, JPEG/,
    ],
    [
      'a JPEG named .pdf',
      async () => ({ name: 'don.pdf', bytes: await makeJpeg() }),
      /nội dung thực là ảnh JPEG/,
    ],
  ];
  for (const [label, make, message] of refusals) {
    it(`refuses ${label} with a clear Vietnamese message`, async () => {
      const before = await snapshotState();
      const { name, bytes } = await make();
      const result = await uploadThroughApi(t, { dossierId, componentNo: 1, fileName: name }, bytes);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message).toMatch(message);
      expect(await snapshotState()).toEqual(before);
    });
  }

  it('refuses an oversized file before any byte is sent, and a dossier over its total', async () => {
    await t.call('attachments.settings.update', { maxFileMb: 1, maxDossierMb: 2, dropFolders: [] });
    const before = await snapshotState();
    const big = await t.raw('attachments.begin', {
      dossierId,
      componentNo: 1,
      fileName: 'lon.pdf',
      sizeBytes: 1024 * 1024 + 1,
      sha256: '0'.repeat(64),
    });
    expect(!big.ok && big.error.message).toMatch(/vượt giới hạn 1 MB cho mỗi tệp/);
    expect(await snapshotState()).toEqual(before);
    expect(
      (await uploadThroughApi(t, { dossierId, componentNo: 1, fileName: 'a.pdf' }, fakePdfOfSize(900_000, 1)))
        .ok,
    ).toBe(true);
    expect(
      (await uploadThroughApi(t, { dossierId, componentNo: 1, fileName: 'b.pdf' }, fakePdfOfSize(900_000, 2)))
        .ok,
    ).toBe(true);
    const third = await uploadThroughApi(
      t,
      { dossierId, componentNo: 2, fileName: 'c.pdf' },
      fakePdfOfSize(900_000, 3),
    );
    expect(!third.ok && third.error.message).toMatch(/vượt giới hạn 2 MB mỗi hồ sơ/);
  });

  it('refuses the same file twice in one dossier', async () => {
    const bytes = makePng(20, 20, 9);
    expect((await uploadThroughApi(t, { dossierId, componentNo: 1, fileName: 'a.png' }, bytes)).ok).toBe(
      true,
    );
    const before = await snapshotState();
    const again = await uploadThroughApi(t, { dossierId, componentNo: 2, fileName: 'b.png' }, bytes);
    expect(!again.ok && again.error.message).toMatch(/giống hệt một tệp đã đính kèm cho thành phần số 1/);
    expect(await snapshotState()).toEqual(before);
  });

  it('an upload cut off midway commits nothing and its staging file goes on abort', async () => {
    const before = await snapshotState();
    const cut = await uploadThroughApi(
      t,
      { dossierId, componentNo: 1, fileName: 'dai.pdf' },
      fakePdfOfSize(2.5 * 1024 * 1024),
      { stopAfterChunks: 2 },
    );
    expect(!cut.ok && cut.error.message).toMatch(/chưa được gửi hết/);
    expect(await snapshotState()).toEqual(before);
    // A session left open (window closed) is removed by abort; a later chunk for it is refused.
    const begin = await t.call('attachments.begin', {
      dossierId,
      componentNo: 1,
      fileName: 'x.png',
      sizeBytes: 100,
      sha256: 'a'.repeat(64),
    });
    expect((await snapshotState()).staging).toBe(1);
    await t.call('attachments.abort', { uploadId: begin.uploadId });
    expect(await snapshotState()).toEqual(before);
    const late = await t.raw('attachments.chunk', { uploadId: begin.uploadId, index: 0, base64: 'AAAA' });
    expect(!late.ok && late.error.code).toBe('NOT_FOUND');
  });

  it("a file altered in transit (hash differs from the sender's) is refused", async () => {
    const before = await snapshotState();
    const bytes = makePng(30, 30, 4);
    const result = await uploadThroughApi(t, { dossierId, componentNo: 1, fileName: 'a.png' }, bytes, {
      declaredSha256: 'f'.repeat(64),
    });
    expect(!result.ok && result.error.message).toMatch(/SHA-256/);
    expect(await snapshotState()).toEqual(before);
  });

  it('a disk that fills during an upload: clear message, nothing stored', async () => {
    const before = await snapshotState();
    const begin = await t.call('attachments.begin', {
      dossierId,
      componentNo: 1,
      fileName: 'a.pdf',
      sizeBytes: 2 * 1024 * 1024,
      sha256: 'a'.repeat(64),
    });
    // Simulate ENOSPC on the staging file's write (a full disk cannot be made here without root).
    const realWrite = fs.writeSync;
    (fs as { writeSync: unknown }).writeSync = () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    try {
      const chunk = await t.raw('attachments.chunk', {
        uploadId: begin.uploadId,
        index: 0,
        base64: Buffer.alloc(1024).toString('base64'),
      });
      expect(!chunk.ok && chunk.error.code).toBe('STORAGE_FULL');
      expect(!chunk.ok && chunk.error.message).toMatch(/Ổ đĩa lưu tệp đính kèm đã đầy/);
    } finally {
      (fs as { writeSync: unknown }).writeSync = realWrite;
    }
    expect(await snapshotState()).toEqual(before);
  });

  it("another user cannot continue someone else's upload", async () => {
    const begin = await t.call('attachments.begin', {
      dossierId,
      componentNo: 1,
      fileName: 'a.png',
      sizeBytes: 10,
      sha256: 'a'.repeat(64),
    });
    const stranger = { system: { id: 'test:other', name: 'Người khác', roles: ['admin' as const] } };
    const chunk = await t.raw(
      'attachments.chunk',
      { uploadId: begin.uploadId, index: 0, base64: 'AAAA' },
      stranger,
    );
    expect(!chunk.ok && chunk.error.code).toBe('NOT_FOUND');
  });
});

describe('attachments: scanner drop folder', () => {
  it('lists the folder of the backend machine and attaches from it, moving the file aside', async () => {
    const folder = fs.mkdtempSync(path.join(t.dataDir, 'scanner-'));
    await t.call('attachments.settings.update', {
      maxFileMb: 25,
      maxDossierMb: 250,
      dropFolders: [{ userId: null, folder }],
    });
    const png = makePng(40, 40, 7);
    fs.writeFileSync(path.join(folder, 'Quét 001.png'), png);
    fs.writeFileSync(path.join(folder, 'ghi-chu.txt'), 'not a scan');
    const listing = await t.call('attachments.dropFolder.list', {});
    expect(listing.folder).toBe(folder);
    expect(listing.files.map((f) => f.name)).toEqual(['Quét 001.png']);
    const file = await t.call('attachments.dropFolder.attach', {
      dossierId,
      componentNo: 1,
      name: 'Quét 001.png',
    });
    expect(file).toMatchObject({ source: 'drop_folder', sha256: sha256Of(png) });
    expect((await t.call('attachments.dropFolder.list', {})).files).toEqual([]);
    expect(fs.existsSync(path.join(folder, 'da-dinh-kem', 'Quét 001.png'))).toBe(true);
    const escape = await t.raw('attachments.dropFolder.attach', {
      dossierId,
      componentNo: 1,
      name: '../licence-desk.db',
    });
    expect(!escape.ok && escape.error.code).toBe('VALIDATION_FAILED');
  });
});
