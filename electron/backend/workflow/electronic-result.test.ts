import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  makeReceiveInput,
  makeTestBackend,
  sampleSettings,
  type TestBackend,
} from '../../../test/helpers/test-backend';
import { makeOffice } from '../../../test/helpers/test-users';
import { downloadThroughApi, sha256Of } from '../../../test/helpers/attachment-upload';
import type { Caller } from '../context';
import { pdfToFlatText } from '../documents/pdf-test-support';
import { filesDirOf } from '../files/content-store';

let t: TestBackend;
let office: Awaited<ReturnType<typeof makeOffice>>;

beforeEach(async () => {
  t = await makeTestBackend({ now: '2026-11-02T09:00:00+07:00' });
  await t.call('settings.update', {
    ...sampleSettings,
    authorities: {
      ...sampleSettings.authorities,
      so: { signers: [{ name: 'Phạm Quốc Dũng', title: 'Phó Giám đốc', capacity: 'deputy' }] },
    },
  });
  office = await makeOffice(t);
});
afterEach(() => t.close());

async function must(caller: Caller, dossierId: number, action: string, input: Record<string, unknown> = {}) {
  const view = await t.call('workflow.view', { dossierId });
  const reply = await t.raw('workflow.perform', { dossierId, version: view.version, action, input }, caller);
  if (!reply.ok) throw new Error(`${action} refused: ${reply.error.code} ${reply.error.message}`);
}

const licenceFields = {
  organizationName: 'Công ty TNHH Sách Đặng Hòa',
  organizationAddress: 'Số 5 đường Nguyễn Trãi, phường Võ Cường, tỉnh Bắc Ninh',
  documentTitle: 'Kỷ yếu 20 năm thành lập Hội Khuyến học tỉnh',
  author: 'Hội Khuyến học tỉnh Bắc Ninh',
  documentForm: 'Sách in',
  pageCount: '120 trang',
  trimSize: '19 x 27',
  printQuantity: '500 bản',
  language: 'Tiếng Việt',
  printerName: 'Công ty TNHH In Kinh Bắc',
  printerAddress: 'Số 5 Lý Thái Tổ, phường Kinh Bắc, tỉnh Bắc Ninh',
  purpose: 'Lưu hành nội bộ, không kinh doanh',
};

async function proposed(proposal: 'approve' | 'refuse') {
  const d = await t.call('dossiers.receive', await makeReceiveInput(t));
  await must(office.leader.caller, d.id, 'assign', { assigneeId: String(office.appraiser.id) });
  if (proposal === 'approve') {
    const view = await t.call('workflow.view', { dossierId: d.id });
    const set = await t.raw(
      'workflow.setLicenceFields',
      { dossierId: d.id, version: view.version, fields: licenceFields },
      office.appraiser.caller,
    );
    if (!set.ok) throw new Error(set.error.message);
    await must(office.appraiser.caller, d.id, 'propose', { proposal, opinion: 'Đủ điều kiện' });
  } else {
    await must(office.appraiser.caller, d.id, 'propose', {
      proposal,
      opinion: 'Không đủ điều kiện',
      reasons: ['Nội dung tài liệu vi phạm khoản 2 Điều 9 Luật Xuất bản'],
    });
  }
  return d.id;
}

describe('the electronic result stored at issue time', () => {
  it('stores the licence PDF with its hash in the register; the original print and the download are byte-identical', async () => {
    const id = await proposed('approve');
    await must(office.director.caller, id, 'approve');
    await must(office.clerk.caller, id, 'issue');

    const files = await t.call('attachments.list', { dossierId: id });
    expect(files.results).toHaveLength(1);
    const result = files.results[0]!;
    expect(result).toMatchObject({ resultKind: 'licence', mediaType: 'application/pdf', source: 'issue' });
    const register = await t.backend.ctx.db.get<{ result_sha256: string; formatted: string }>(
      'SELECT result_sha256, formatted FROM licences WHERE dossier_id = ?',
      [id],
    );
    expect(register?.result_sha256).toBe(result.sha256);
    const dossier = await t.backend.ctx.db.get<{ e_result_sha256: string }>(
      'SELECT e_result_sha256 FROM dossiers WHERE id = ?',
      [id],
    );
    expect(dossier?.e_result_sha256).toBe(result.sha256);

    const downloaded = await downloadThroughApi(t, result.id);
    expect(sha256Of(downloaded)).toBe(result.sha256);
    const text = pdfToFlatText(downloaded);
    expect(text).toContain(register!.formatted);
    expect(text).toContain('Công ty TNHH Sách Đặng Hòa');
    expect(text).not.toContain('BẢN SAO');

    const original = await t.call('documents.licence', { dossierId: id });
    expect(Buffer.from(original.base64, 'base64').equals(downloaded)).toBe(true);
    const copy = await t.call('documents.licence', { dossierId: id });
    expect(pdfToFlatText(Buffer.from(copy.base64, 'base64'))).toContain('BẢN SAO');
    // Still the same file, whatever is printed later.
    expect((await downloadThroughApi(t, result.id)).equals(downloaded)).toBe(true);

    const audit = await t.backend.ctx.db.get<{ payload: string }>(
      "SELECT payload FROM audit_events WHERE action = 'workflow.issue'",
    );
    expect(JSON.parse(audit!.payload)).toMatchObject({ resultSha256: result.sha256 });
    const stored = path.join(
      filesDirOf(t.dataDir),
      result.sha256.slice(0, 2),
      result.sha256.slice(2, 4),
      result.sha256,
    );
    expect(fs.existsSync(stored)).toBe(true);
  });

  it("stores a refusal's notice as the dossier's electronic result", async () => {
    const id = await proposed('refuse');
    await must(office.director.caller, id, 'refuse', {
      reasons: ['Nội dung tài liệu vi phạm khoản 2 Điều 9 Luật Xuất bản'],
    });
    const files = await t.call('attachments.list', { dossierId: id });
    expect(files.results.map((f) => f.resultKind)).toEqual(['refusal_notice']);
    const bytes = await downloadThroughApi(t, files.results[0]!.id);
    expect(pdfToFlatText(bytes)).toContain('Nội dung tài liệu vi phạm khoản 2 Điều 9 Luật Xuất bản');
    const printed = await t.call('documents.form', { dossierId: id, kind: 'refusal' });
    expect(Buffer.from(printed.base64, 'base64').equals(bytes)).toBe(true);
  });
});
