import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  makeReceiveInput,
  makeTestBackend,
  sampleSettings,
  type TestBackend,
} from '../../../test/helpers/test-backend';
import { advanceTo, makeOffice } from '../../../test/helpers/test-users';
import type { Caller } from '../context';
import { pdfToFlatText } from './pdf-test-support';

let t: TestBackend;
let office: Awaited<ReturnType<typeof makeOffice>>;
beforeEach(async () => {
  t = await makeTestBackend({ now: '2026-11-02T09:00:00+07:00' });
  await t.call('settings.update', sampleSettings);
  office = await makeOffice(t);
});
afterEach(() => t.close());

async function step(caller: Caller, dossierId: number, action: string, input: Record<string, unknown> = {}) {
  const v = await t.call('workflow.view', { dossierId });
  const r = await t.raw('workflow.perform', { dossierId, version: v.version, action, input }, caller);
  if (!r.ok) throw new Error(`${action}: ${r.error.message}`);
}

async function pdf(
  method: 'documents.form' | 'documents.licence' | 'documents.dailyRegister',
  input: Record<string, unknown>,
  caller: Caller,
) {
  const reply = await t.raw(method, input, caller);
  if (!reply.ok) {
    const lines = (t.backend.ctx.log as unknown as { lines: Array<{ message: string }> }).lines;
    throw new Error(`${method}: ${reply.error.message} ${JSON.stringify(lines.slice(-2))}`);
  }
  return pdfToFlatText(Buffer.from((reply.data as { base64: string }).base64, 'base64'));
}

describe('printed documents of a dossier', () => {
  it('prints the supplement request, the control sheet, the licence and then a BẢN SAO', async () => {
    const d = await t.call('dossiers.receive', await makeReceiveInput(t, { procedureId: 'PH-DK' }));
    await step(office.leader.caller, d.id, 'assign', { assigneeId: String(office.appraiser.id) });
    await step(office.appraiser.caller, d.id, 'requestSupplement', {
      reason: 'Thiếu hợp đồng thuê trụ sở',
      missingComponents: ['Bản sao hợp đồng thuê địa điểm làm trụ sở'],
    });
    const supplement = await pdf(
      'documents.form',
      { dossierId: d.id, kind: 'supplementRequest' },
      office.clerk.caller,
    );
    expect(supplement).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
    expect(supplement).toContain(d.code);
    expect(supplement).toContain('hợp đồng thuê'); // table cells wrap: check a phrase, not the whole line
    expect(supplement).toContain('Thiếu hợp đồng thuê trụ sở');

    await advanceTo(t, office, '2026-11-04T09:00:00+07:00');
    await step(office.clerk.caller, d.id, 'receiveSupplement');
    const v = await t.call('workflow.view', { dossierId: d.id });
    const fields = Object.fromEntries(v.licenceFieldSpec.map((f) => [f.key, `Giá trị của ${f.label}`]));
    await t.raw(
      'workflow.setLicenceFields',
      { dossierId: d.id, version: v.version, fields },
      office.appraiser.caller,
    );
    await step(office.appraiser.caller, d.id, 'propose', { proposal: 'approve', opinion: 'Đủ điều kiện' });
    await step(office.director.caller, d.id, 'approve');
    await step(office.clerk.caller, d.id, 'issue');

    const control = await pdf(
      'documents.form',
      { dossierId: d.id, kind: 'controlSheet' },
      office.clerk.caller,
    );
    expect(control).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
    expect(control).toContain('Lê Thị Hoà');
    expect(control).toMatch(/Trước hạn|Đúng hạn/);

    const original = await pdf('documents.licence', { dossierId: d.id }, office.clerk.caller);
    expect(original).toContain('01/XN-SVHTTDL');
    expect(original).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(original).not.toContain('BẢN SAO');
    const copy = await pdf('documents.licence', { dossierId: d.id }, office.clerk.caller);
    expect(copy).toContain('BẢN SAO');
    const prints = (await t.call('workflow.view', { dossierId: d.id })).prints;
    expect(prints.filter((p) => p.kind === 'licence').map((p) => p.isCopy)).toEqual([false, true]);
  });

  it('prints the day register with the audit chain head it witnesses', async () => {
    await t.call('dossiers.receive', await makeReceiveInput(t));
    const head = (await t.backend.ctx.db.get(
      'SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1',
    )) as {
      seq: number;
      hash: string;
    };
    const text = await pdf('documents.dailyRegister', { date: '2026-11-02' }, office.clerk.caller);
    expect(text).toContain('BẢN KÊ HỒ SƠ VÀ GIẤY PHÉP TRONG NGÀY');
    expect(text).toContain('000.00.14.H20-261102-0001');
    expect(text).toContain(head.hash);
    expect(text).toContain(`Mục số ${head.seq}`);
    expect(await t.raw('documents.dailyRegister', { date: '2026-12-01' }, office.clerk.caller)).toMatchObject(
      {
        ok: false,
        error: { code: 'VALIDATION_FAILED' },
      },
    );
  });

  it('refuses a form that does not apply yet', async () => {
    const d = await t.call('dossiers.receive', await makeReceiveInput(t));
    expect(
      await t.raw('documents.form', { dossierId: d.id, kind: 'apology' }, office.clerk.caller),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
    expect(await t.raw('documents.licence', { dossierId: d.id }, office.clerk.caller)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
  });
});
