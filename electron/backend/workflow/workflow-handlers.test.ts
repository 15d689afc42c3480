import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  makeReceiveInput,
  makeTestBackend,
  sampleSettings,
  type TestBackend,
} from '../../../test/helpers/test-backend';
import { advanceTo, makeOffice } from '../../../test/helpers/test-users';
import type { Caller } from '../context';
import { verifyAuditChain } from '../audit/audit-chain';
import { verifyLicencePayload } from '../signing/licence-signature';
import { publicKeys } from '../signing/key-store';

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

async function act(caller: Caller, dossierId: number, action: string, input: Record<string, unknown> = {}) {
  const view = await t.call('workflow.view', { dossierId });
  return t.raw('workflow.perform', { dossierId, version: view.version, action, input }, caller);
}

async function must(caller: Caller, dossierId: number, action: string, input: Record<string, unknown> = {}) {
  const reply = await act(caller, dossierId, action, input);
  if (!reply.ok) throw new Error(`${action} refused: ${reply.error.code} ${reply.error.message}`);
  return reply.data as { status: string; dueDate: string | null; timeliness: string | null };
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

async function receive() {
  return t.call('dossiers.receive', await makeReceiveInput(t));
}

describe('workflow through the API', () => {
  it('takes a dossier from intake to the returned licence with three people, on time', async () => {
    const d = await receive();
    expect(d.dueDate).toBe('2026-11-16');
    await must(office.leader.caller, d.id, 'assign', { assigneeId: String(office.appraiser.id) });
    await advanceTo(t, office, '2026-11-04T10:00:00+07:00');
    const paused = await must(office.appraiser.caller, d.id, 'requestSupplement', {
      reason: 'Bản thảo chưa đóng dấu',
      missingComponents: ['Bản thảo có đóng dấu của tổ chức đề nghị'],
    });
    expect(paused).toMatchObject({ status: 'awaiting_supplement', dueDate: null, timeliness: 'paused' });
    await advanceTo(t, office, '2026-11-09T09:00:00+07:00');
    const resumed = await must(office.clerk.caller, d.id, 'receiveSupplement');
    // 2 working days were used (3, 4/11 minus the request day rule); the rest runs from 10/11.
    expect(resumed.status).toBe('appraising');
    expect(resumed.dueDate! > '2026-11-16').toBe(true);
    const view = await t.call('workflow.view', { dossierId: d.id });
    const setFields = await t.raw(
      'workflow.setLicenceFields',
      { dossierId: d.id, version: view.version, fields: licenceFields },
      office.appraiser.caller,
    );
    expect(setFields.ok).toBe(true);
    await must(office.appraiser.caller, d.id, 'propose', {
      proposal: 'approve',
      opinion: 'Đủ điều kiện cấp phép.',
    });
    await advanceTo(t, office, '2026-11-10T14:00:00+07:00');
    await must(office.director.caller, d.id, 'approve');
    await must(office.clerk.caller, d.id, 'issue');
    const done = await must(office.clerk.caller, d.id, 'returnResult', {
      collectedBy: 'Nguyễn Văn An (giấy giới thiệu số 12)',
      collectedAt: '2026-11-10T15:00:00+07:00',
      method: 'desk',
    });
    expect(done).toMatchObject({ status: 'returned', timeliness: 'early' });

    const final = await t.call('workflow.view', { dossierId: d.id });
    // XB-TLKKD is licensed by the provincial People's Committee since NĐ 138/2025 (catalogue data).
    expect(final.licence?.number).toBe('01/GP-UBND');
    expect(final.events.map((e) => e.kind)).toEqual([
      'received',
      'assign',
      'requestSupplement',
      'receiveSupplement',
      'propose',
      'approve',
      'issue',
      'returnResult',
    ]);
    expect(new Set(final.events.map((e) => e.actorName))).toEqual(
      new Set(['Nguyễn Thị Lan', 'Trần Văn Bình', 'Lê Thị Hoà', 'Phạm Quốc Dũng']),
    );
    const licence = (await t.backend.ctx.db.get('SELECT payload FROM licences')) as { payload: string };
    expect(verifyLicencePayload(licence.payload, await publicKeys(t.backend.ctx.db))).toMatchObject({
      ok: true,
      payload: { no: '01/GP-UBND', holder: 'Công ty TNHH Sách Đặng Hòa' },
    });
    expect((await verifyAuditChain(t.backend.ctx.db)).ok).toBe(true);
  });

  it('refuses an invalid transition and writes nothing', async () => {
    const d = await receive();
    const before = ((await t.backend.ctx.db.get('SELECT count(*) AS n FROM audit_events')) as { n: number })
      .n;
    const reply = await act(office.director.caller, d.id, 'approve');
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_TRANSITION' } });
    expect(((await t.backend.ctx.db.get('SELECT count(*) AS n FROM audit_events')) as { n: number }).n).toBe(
      before,
    );
    expect((await t.call('dossiers.get', { id: d.id })).status).toBe('received');
  });

  it('checks roles in the backend: a clerk cannot assign', async () => {
    const d = await receive();
    expect(
      await act(office.clerk.caller, d.id, 'assign', { assigneeId: String(office.appraiser.id) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });

  it('gives the second of two windows a CONFLICT', async () => {
    const d = await receive();
    const view = await t.call('workflow.view', { dossierId: d.id });
    const first = await t.raw(
      'workflow.perform',
      {
        dossierId: d.id,
        version: view.version,
        action: 'assign',
        input: { assigneeId: String(office.appraiser.id) },
      },
      office.leader.caller,
    );
    expect(first.ok).toBe(true);
    const second = await t.raw(
      'workflow.perform',
      {
        dossierId: d.id,
        version: view.version,
        action: 'assign',
        input: { assigneeId: String(office.appraiser.id) },
      },
      office.leader.caller,
    );
    expect(second).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('refuses a refusal without reasons, and issuing without the licence fields', async () => {
    const d = await receive();
    await must(office.leader.caller, d.id, 'assign', { assigneeId: String(office.appraiser.id) });
    await must(office.appraiser.caller, d.id, 'propose', {
      proposal: 'refuse',
      opinion: 'Không đủ điều kiện',
      reasons: ['Nội dung vi phạm'],
    });
    expect(await act(office.director.caller, d.id, 'refuse', {})).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    await must(office.director.caller, d.id, 'returnToAppraiser', { note: 'Xem lại' });
    await must(office.appraiser.caller, d.id, 'propose', { proposal: 'approve', opinion: 'Đủ điều kiện' });
    await must(office.director.caller, d.id, 'approve');
    const issue = await act(office.clerk.caller, d.id, 'issue');
    expect(issue).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(await t.backend.ctx.db.get('SELECT count(*) AS n FROM licences')).toEqual({ n: 0 });
  });

  it('numbers licences gaplessly when several are issued at once', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const d = await receive();
      await must(office.leader.caller, d.id, 'assign', { assigneeId: String(office.appraiser.id) });
      const v = await t.call('workflow.view', { dossierId: d.id });
      await t.raw(
        'workflow.setLicenceFields',
        { dossierId: d.id, version: v.version, fields: licenceFields },
        office.appraiser.caller,
      );
      await must(office.appraiser.caller, d.id, 'propose', { proposal: 'approve', opinion: 'Đủ điều kiện' });
      await must(office.director.caller, d.id, 'approve');
      ids.push(d.id);
    }
    const replies = await Promise.all(ids.map((id) => act(office.clerk.caller, id, 'issue')));
    expect(replies.filter((r) => !r.ok)).toEqual([]);
    const numbers = (
      (await t.backend.ctx.db.all('SELECT number FROM licences ORDER BY number')) as Array<{
        number: number;
      }>
    ).map((r) => r.number);
    expect(numbers).toEqual([1, 2, 3, 4, 5]);
  });

  it('voids a licence with a reason, keeps its number and never reuses it; honours a mid-year start', async () => {
    const issueOne = async () => {
      const d = await receive();
      await must(office.leader.caller, d.id, 'assign', { assigneeId: String(office.appraiser.id) });
      const v = await t.call('workflow.view', { dossierId: d.id });
      await t.raw(
        'workflow.setLicenceFields',
        { dossierId: d.id, version: v.version, fields: licenceFields },
        office.appraiser.caller,
      );
      await must(office.appraiser.caller, d.id, 'propose', { proposal: 'approve', opinion: 'Đủ điều kiện' });
      await must(office.director.caller, d.id, 'approve');
      await must(office.clerk.caller, d.id, 'issue');
      return d.id;
    };
    // The paper register of GP-UBND reached 41 before the go-live.
    await t.call('licences.setSeriesStart', { series: 'GP-UBND', year: 2026, startNumber: 42 });
    const first = await issueOne();
    expect((await t.call('workflow.view', { dossierId: first })).licence?.number).toBe('42/GP-UBND');
    expect(
      await t.raw('licences.setSeriesStart', { series: 'GP-UBND', year: 2026, startNumber: 1 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(
      await t.raw('licences.void', { dossierId: first, reason: '   ' }, office.director.caller),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
    expect(
      await t.raw('licences.void', { dossierId: first, reason: 'x' }, office.clerk.caller),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    const voided = await t.raw(
      'licences.void',
      { dossierId: first, reason: 'Cấp nhầm tên tổ chức' },
      office.director.caller,
    );
    expect(voided).toMatchObject({
      ok: true,
      data: { licence: { number: '42/GP-UBND', isVoid: true, voidReason: 'Cấp nhầm tên tổ chức' } },
    });
    const second = await issueOne();
    expect((await t.call('workflow.view', { dossierId: second })).licence?.number).toBe('43/GP-UBND');
    const { verifyLicenceRegister } = await import('../store/verify-store');
    expect(await verifyLicenceRegister(t.backend.ctx.db)).toMatchObject({ ok: true });
    expect(await t.raw('documents.licence', { dossierId: first }, office.clerk.caller)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_TRANSITION' },
    });
  });
});
