import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  makeReceiveInput,
  makeTestBackend,
  sampleSettings,
  type TestBackend,
} from '../../../test/helpers/test-backend';
import { makeOffice } from '../../../test/helpers/test-users';
import type { Caller } from '../context';
import { decodeLicencePayload } from '../signing/licence-signature';
import { pdfToFlatText, pdfToText } from '../documents/pdf-test-support';

/*
 * Issue 12 §3–4: each issuing authority signs with its own people, and names are written as in a sentence
 * except in headings. Licences of both authorities go through the real workflow and are read back from the
 * PDF with pdftotext, and from the signed QR payload.
 */

let t: TestBackend;
let office: Awaited<ReturnType<typeof makeOffice>>;

beforeEach(async () => {
  t = await makeTestBackend({ now: '2026-11-02T09:00:00+07:00' });
  await t.call('settings.update', sampleSettings);
  office = await makeOffice(t);
}, 30_000); // four accounts with scrypt passwords: slow on a loaded two-core machine
afterEach(() => t.close());

async function perform(
  caller: Caller,
  dossierId: number,
  action: string,
  input: Record<string, unknown> = {},
) {
  const view = await t.call('workflow.view', { dossierId });
  return t.raw('workflow.perform', { dossierId, version: view.version, action, input }, caller);
}

async function must(caller: Caller, dossierId: number, action: string, input: Record<string, unknown> = {}) {
  const reply = await perform(caller, dossierId, action, input);
  if (!reply.ok) throw new Error(`${action} refused: ${reply.error.code} ${reply.error.message}`);
}

/** Receives a dossier and takes it to 'approved' with every licence field filled in. */
async function approved(procedureId: string): Promise<number> {
  const d = await t.call('dossiers.receive', await makeReceiveInput(t, { procedureId }));
  await must(office.leader.caller, d.id, 'assign', { assigneeId: String(office.appraiser.id) });
  const view = await t.call('workflow.view', { dossierId: d.id });
  const fields = Object.fromEntries(
    view.licenceFieldSpec.filter((f) => f.key !== 'validUntil').map((f) => [f.key, `Nội dung ${f.label}`]),
  );
  const saved = await t.raw(
    'workflow.setLicenceFields',
    { dossierId: d.id, version: view.version, fields },
    office.appraiser.caller,
  );
  if (!saved.ok) throw new Error(saved.error.message);
  await must(office.appraiser.caller, d.id, 'propose', { proposal: 'approve', opinion: 'Đủ điều kiện' });
  await must(office.director.caller, d.id, 'approve');
  return d.id;
}

async function licenceText(dossierId: number) {
  const reply = await t.raw('documents.licence', { dossierId }, office.clerk.caller);
  if (!reply.ok) throw new Error(reply.error.message);
  const bytes = Buffer.from((reply.data as { base64: string }).base64, 'base64');
  return { flat: pdfToFlatText(bytes), layout: pdfToText(bytes) };
}

async function payloadOf(dossierId: number) {
  const row = (await t.backend.ctx.db.get('SELECT payload FROM licences WHERE dossier_id = ?', [
    dossierId,
  ])) as {
    payload: string;
  };
  return decodeLicencePayload(row.payload);
}

describe('licences of both authorities (issue 12 §3–4)', () => {
  it('a licence of the UBND tỉnh names the UBND signer chosen on the issue screen, never the Sở director', async () => {
    const id = await approved('XB-TLKKD'); // issued by the province since NĐ 138/2025
    const offered = await t.call('licences.signers', { dossierId: id });
    expect(offered).toEqual({
      issuer: 'ubnd',
      authorityName: 'Ủy ban nhân dân tỉnh Bắc Ninh',
      signers: sampleSettings.authorities.ubnd.signers,
      suggested: 'Nguyễn Hữu An',
    });
    // The Sở's signer is not the UBND's: refused, naming the field.
    const wrong = await perform(office.clerk.caller, id, 'issue', { signer: 'Trần Văn Bình' });
    expect(wrong).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        fieldErrors: {
          signer: 'Trần Văn Bình không có trong danh sách người ký của Ủy ban nhân dân tỉnh Bắc Ninh.',
        },
      },
    });
    await must(office.clerk.caller, id, 'issue', { signer: 'Lê Thị Hạnh' });

    const { flat, layout } = await licenceText(id);
    // Headings upper case (NĐ 30/2020 Phụ lục I): the header, the thẩm quyền line and the signing block.
    expect(flat).toContain('ỦY BAN NHÂN DÂN TỈNH BẮC NINH');
    expect(flat).not.toContain('UBND TỈNH BẮC NINH'); // a UBND has no governing body above it
    // The signing block is the right column beside Nơi nhận: one line each, in this order.
    expect(layout).toMatch(/TM\. ỦY BAN NHÂN DÂN\n[^\n]*KT\. CHỦ TỊCH\n[^\n]*PHÓ CHỦ TỊCH\n/);
    expect(flat).toContain('Lê Thị Hạnh');
    expect(flat).not.toContain('Trần Văn Bình');
    expect(flat).not.toContain('Phạm Quốc Dũng'); // the Sở's approving director
    // Names inside sentences keep their case (Phụ lục II).
    expect(flat.replace(/\s+/g, ' ')).toContain('Theo đề nghị của Giám đốc Sở Văn hóa, Thể thao và Du lịch');
    expect(flat).not.toMatch(/Giám đốc SỞ/);
    expect(flat).toContain('- Sở Văn hóa, Thể thao và Du lịch;');

    expect(await payloadOf(id)).toMatchObject({
      issuer: 'Ủy ban nhân dân tỉnh Bắc Ninh',
      signer: 'Lê Thị Hạnh',
      signerTitle: 'Phó Chủ tịch',
      procedure: 'XB-TLKKD',
    });

    // The day's register says who signed for which authority.
    const register = await t.raw('documents.dailyRegister', {}, office.clerk.caller);
    if (!register.ok) throw new Error(register.error.message);
    const registerText = pdfToFlatText(Buffer.from((register.data as { base64: string }).base64, 'base64'));
    expect(registerText).toContain('Cơ quan cấp – người ký');
    expect(registerText).toContain('Ủy ban nhân dân tỉnh Bắc Ninh');
    expect(registerText).toContain('– Lê Thị Hạnh');
  });

  it('a licence of the Sở is signed by the Sở: header with its governing body, KT. Giám đốc', async () => {
    const id = await approved('IN-XBP-CAP');
    const offered = await t.call('licences.signers', { dossierId: id });
    expect(offered).toMatchObject({
      issuer: 'so',
      authorityName: 'Sở Văn hóa, Thể thao và Du lịch',
      suggested: 'Trần Văn Bình',
    });
    await must(office.clerk.caller, id, 'issue');

    const { flat, layout } = await licenceText(id);
    expect(flat).toContain('UBND TỈNH BẮC NINH');
    expect(flat).toMatch(/SỞ VĂN HÓA, THỂ THAO/);
    expect(flat.replace(/\s+/g, ' ')).toContain('GIÁM ĐỐC SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH BẮC NINH');
    expect(layout).toMatch(/KT\. GIÁM ĐỐC\n[^\n]*PHÓ GIÁM ĐỐC\n/);
    expect(flat).not.toContain('ỦY BAN NHÂN DÂN');
    expect(flat).toContain('Trần Văn Bình');
    expect(await payloadOf(id)).toMatchObject({
      issuer: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh',
      signer: 'Trần Văn Bình',
      signerTitle: 'Phó Giám đốc',
    });
  });

  it('refuses to issue a licence of the UBND before its signers are configured', async () => {
    await t.call('settings.update', {
      ...sampleSettings,
      authorities: {
        ...sampleSettings.authorities,
        ubnd: { name: 'Ủy ban nhân dân tỉnh Bắc Ninh', signers: [] },
      },
    });
    const id = await approved('XB-TLKKD');
    const reply = await perform(office.clerk.caller, id, 'issue');
    expect(reply).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (!reply.ok)
      expect(reply.error.message).toContain('người ký giấy phép của Ủy ban nhân dân tỉnh Bắc Ninh');
    expect(await t.backend.ctx.db.get('SELECT count(*) AS n FROM licences')).toEqual({ n: 0 });
  });
});
