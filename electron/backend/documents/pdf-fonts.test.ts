import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  makeReceiveInput,
  makeTestBackend,
  sampleSettings,
  type TestBackend,
} from '../../../test/helpers/test-backend';
import { advanceTo, makeOffice } from '../../../test/helpers/test-users';
import type { Caller } from '../context';
import { pdfFonts, pdfToFlatText } from './pdf-test-support';

/*
 * Issue 12 §5: every PDF LicenceDesk produces embeds every font it uses (a standard Courier or Times left to
 * the viewer prints differently from machine to machine and cannot be archived). Every kind of document is
 * produced here through the API, as the app produces it, and checked with poppler's pdffonts.
 *
 * Issue 12 §4 on the same documents: a name in upper case is a heading; inside a sentence the name is
 * written as in the settings ("Sở Văn hóa, Thể thao và Du lịch"), never in capitals.
 */

let t: TestBackend;
let office: Awaited<ReturnType<typeof makeOffice>>;
const documents = new Map<string, Uint8Array>();

async function must(caller: Caller, dossierId: number, action: string, input: Record<string, unknown> = {}) {
  const view = await t.call('workflow.view', { dossierId });
  const reply = await t.raw('workflow.perform', { dossierId, version: view.version, action, input }, caller);
  if (!reply.ok) throw new Error(`${action} refused: ${reply.error.code} ${reply.error.message}`);
}

async function fetchPdf(kind: string, method: string, input: Record<string, unknown>, caller: Caller) {
  const reply = await t.raw(method, input, caller);
  if (!reply.ok) throw new Error(`${kind}: ${reply.error.message}`);
  documents.set(kind, Buffer.from((reply.data as { base64: string }).base64, 'base64'));
}

async function fillLicence(dossierId: number) {
  const view = await t.call('workflow.view', { dossierId });
  const fields = Object.fromEntries(
    view.licenceFieldSpec.filter((f) => f.key !== 'validUntil').map((f) => [f.key, `Nội dung ${f.label}`]),
  );
  const saved = await t.raw(
    'workflow.setLicenceFields',
    { dossierId, version: view.version, fields },
    office.appraiser.caller,
  );
  if (!saved.ok) throw new Error(saved.error.message);
}

beforeAll(async () => {
  t = await makeTestBackend({ now: '2026-11-02T09:00:00+07:00' });
  await t.call('settings.update', sampleSettings);
  office = await makeOffice(t);
  const clerk = office.clerk.caller;
  const assign = (id: number) =>
    must(office.leader.caller, id, 'assign', { assigneeId: String(office.appraiser.id) });

  // A licence of the UBND tỉnh, with a supplement on the way.
  const licensed = await t.call('dossiers.receive', await makeReceiveInput(t));
  await fetchPdf('receipt', 'documents.receipt', { dossierId: licensed.id }, clerk);
  await assign(licensed.id);
  await must(office.appraiser.caller, licensed.id, 'requestSupplement', {
    reason: 'Thiếu bản thảo',
    missingComponents: ['Bản thảo tài liệu'],
  });
  await fetchPdf(
    'supplementRequest',
    'documents.form',
    { dossierId: licensed.id, kind: 'supplementRequest' },
    clerk,
  );
  await must(clerk, licensed.id, 'receiveSupplement');
  await fillLicence(licensed.id);
  await must(office.appraiser.caller, licensed.id, 'propose', {
    proposal: 'approve',
    opinion: 'Đủ điều kiện',
  });
  await must(office.director.caller, licensed.id, 'approve');
  await must(clerk, licensed.id, 'issue', { signer: 'Nguyễn Hữu An' });
  await fetchPdf('licence', 'documents.licence', { dossierId: licensed.id }, clerk);
  await fetchPdf('licenceCopy', 'documents.licence', { dossierId: licensed.id }, clerk);
  await fetchPdf('controlSheet', 'documents.form', { dossierId: licensed.id, kind: 'controlSheet' }, clerk);

  // A refusal, by the Sở.
  const refused = await t.call('dossiers.receive', await makeReceiveInput(t, { procedureId: 'IN-DK-TD' }));
  await assign(refused.id);
  await must(office.appraiser.caller, refused.id, 'propose', {
    proposal: 'refuse',
    opinion: 'Không đủ điều kiện',
    reasons: ['Cơ sở in không còn hoạt động'],
  });
  await must(office.director.caller, refused.id, 'refuse', { reasons: ['Cơ sở in không còn hoạt động'] });
  await fetchPdf('refusal', 'documents.form', { dossierId: refused.id, kind: 'refusal' }, clerk);

  // A late dossier and its apology (IN-DK-TD: 3 working days from Tue 03/11 -> Thu 05/11).
  const late = await t.call('dossiers.receive', await makeReceiveInput(t, { procedureId: 'IN-DK-TD' }));
  await assign(late.id);
  await fetchPdf('dailyRegister', 'documents.dailyRegister', { date: '2026-11-02' }, clerk);
  await advanceTo(t, office, '2026-11-09T09:00:00+07:00');
  await must(office.appraiser.caller, late.id, 'apologise', {
    reason: 'Cần xác minh thêm tại cơ sở in',
    newAppointment: '2026-11-12T16:00:00+07:00',
  });
  await fetchPdf('apology', 'documents.form', { dossierId: late.id, kind: 'apology' }, office.clerk.caller);

  const period = { from: '2026-11-01', to: '2026-11-09', format: 'pdf' };
  await fetchPdf('bieu06', 'stats.exportReport', period, office.director.caller);
  await fetchPdf('register', 'stats.exportRegister', period, office.director.caller);
}, 120_000);
afterAll(() => t.close());

const KINDS = [
  'receipt',
  'supplementRequest',
  'refusal',
  'apology',
  'controlSheet',
  'licence',
  'licenceCopy',
  'dailyRegister',
  'bieu06',
  'register',
];

describe('every PDF embeds every font it uses (pdffonts)', () => {
  it('produced every kind of document', () => {
    expect([...documents.keys()].sort()).toEqual([...KINDS].sort());
  });

  it.each(KINDS)('%s: every font embedded, from the shipped Liberation faces', (kind) => {
    const fonts = pdfFonts(documents.get(kind) ?? new Uint8Array());
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect({ kind, font: font.name, embedded: font.isEmbedded }).toEqual({
        kind,
        font: font.name,
        embedded: true,
      });
      // pdf-lib names its subsets '<PostScript name>-<n>' (no 'ABCDEF+' tag).
      expect(font.name).toMatch(/^Liberation(Serif|Serif-Bold|Serif-Italic|Serif-BoldItalic|Mono)-\d+$/);
    }
  });

  it('sets the licence verification code in the embedded Liberation Mono, not Courier', () => {
    const names = pdfFonts(documents.get('licence') ?? new Uint8Array()).map((f) => f.name);
    expect(names.some((name) => name.startsWith('LiberationMono-'))).toBe(true);
    expect(names.some((name) => /courier/i.test(name))).toBe(false);
  });
});

describe('names in headings and in sentences (issue 12 §4)', () => {
  it.each(KINDS)('%s: an authority named inside a sentence is not in capitals', (kind) => {
    const text = pdfToFlatText(documents.get(kind) ?? new Uint8Array()).replace(/\s+/g, ' ');
    // A heading-case name right after a lower-case word is a name inside a sentence.
    expect(text).not.toMatch(/\p{Ll}[,;:]? (SỞ VĂN HÓA|ỦY BAN NHÂN DÂN|UBND TỈNH)/u);
    if (kind !== 'bieu06' && kind !== 'register') {
      // Every document but the statistics carries the NĐ 30/2020 header, upper case.
      expect(text).toMatch(/SỞ VĂN HÓA, THỂ THAO|ỦY BAN NHÂN DÂN TỈNH BẮC NINH/);
    }
  });

  it('refusal and apology name the Sở in sentence case', () => {
    for (const kind of ['refusal', 'apology']) {
      const text = pdfToFlatText(documents.get(kind) ?? new Uint8Array()).replace(/\s+/g, ' ');
      expect(text).toContain('Sở Văn hóa, Thể thao và Du lịch');
    }
  });
});
