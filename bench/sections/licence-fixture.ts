// An issued licence on the bench store, taken through the real workflow (receive → assign → licence fields →
// propose → approve → issue) the way test/crash/crash-child.ts does it, so documents.licence prints a
// register snapshot like any other. Shared by the documents and LibreOffice sections.
import type { Caller } from '../../electron/backend/context';
import type { LicenceTemplate } from '../../electron/backend/documents/licence-template';
import type { LicenceData } from '../../electron/backend/documents/licence-pdf';
import { callAs, type BenchContext } from '../bench-context';

/** A trusted in-process caller holding the desk and leader roles (as the crash loop's writer). */
const WORKFLOW_CALLER: Caller = {
  system: { id: 'system:bench', name: 'Bench', roles: ['clerk', 'unit_leader', 'director'] },
};

const APPRAISER = 'bench.thamdinh';
/** Giấy phép xuất bản tài liệu không kinh doanh: a full licence with fourteen numbered fields. */
const PROCEDURE = 'XB-TLKKD';

/** Realistic values for XB-TLKKD's licence fields; other keys get a plain text. */
const FIELD_VALUES: Record<string, string> = {
  organizationName: 'Hội Văn học Nghệ thuật tỉnh Bắc Ninh',
  organizationAddress: 'Số 12 đường Nguyễn Đăng Đạo, phường Suối Hoa, tỉnh Bắc Ninh',
  documentTitle: 'Kỷ yếu 30 năm thành lập Hội Văn học Nghệ thuật tỉnh Bắc Ninh (1996–2026)',
  author: 'Nhiều tác giả',
  translator: 'Không',
  origin: 'Tiếng Việt (nguyên bản)',
  documentForm: 'Sách in',
  pageCount: '248 trang',
  trimSize: '16 × 24 cm',
  printQuantity: '500 bản',
  language: 'Tiếng Việt',
  printerName: 'Công ty TNHH In và Thương mại Kinh Bắc',
  printerAddress: 'Khu công nghiệp Quế Võ, phường Phương Liễu, tỉnh Bắc Ninh',
  purpose: 'Lưu hành nội bộ, tặng hội viên và thư viện trong tỉnh; không kinh doanh',
};

export interface BenchLicence {
  dossierId: number;
  number: string;
  /** The snapshot documents.licence prints: template and data as taken when the number was issued. */
  template: LicenceTemplate;
  data: Omit<LicenceData, 'isCopy' | 'qr'>;
}

/** The desk's calls as the trusted workflow caller. */
const deskOf = (b: BenchContext) => (method: string, input: unknown) =>
  callAs(b.backend, WORKFLOW_CALLER, method, input) as Promise<Record<string, unknown>>;

/**
 * A dossier taken through the real workflow up to the director's approval, ready to be issued; `perform` runs
 * the next action on its current version.
 */
export async function approvedBenchDossier(
  b: BenchContext,
): Promise<{ dossierId: number; perform: (action: string, input: unknown) => Promise<unknown> }> {
  const admin = (method: string, input: unknown) => b.call(method, input);
  const desk = deskOf(b);

  // One person may take a dossier through every step on this store (settings.workflow.requireTwoPeople),
  // and both authorities have a signer: the system caller approving is no user, so the licence names the
  // signer from the settings (with none, issuing refuses, or for the Sở the licence would be issued with an
  // empty signature and fail to print).
  const {
    isConfigured: _isConfigured,
    needsReview: _needsReview,
    ...settings
  } = (await admin('settings.get', {})) as Record<string, unknown> & {
    workflow: { requireTwoPeople: boolean };
    authorities: { so: { signers: unknown[] }; ubnd: { name: string; signers: unknown[] } };
  };
  const { so, ubnd } = settings.authorities;
  if (settings.workflow.requireTwoPeople || so.signers.length === 0 || ubnd.signers.length === 0) {
    await admin('settings.update', {
      ...settings,
      workflow: { ...settings.workflow, requireTwoPeople: false },
      authorities: {
        so: {
          signers:
            so.signers.length > 0
              ? so.signers
              : [{ name: 'Trần Văn Bình', title: 'Phó Giám đốc', capacity: 'deputy' }],
        },
        ubnd: {
          name: ubnd.name,
          signers:
            ubnd.signers.length > 0
              ? ubnd.signers
              : [{ name: 'Nguyễn Hữu An', title: 'Chủ tịch', capacity: 'head' }],
        },
      },
    });
  }
  const users = (await admin('users.list', {})) as Array<{ id: number; username: string }>;
  const appraiserId =
    users.find((u) => u.username === APPRAISER)?.id ??
    (
      (await admin('users.create', {
        username: APPRAISER,
        fullName: 'Chuyên viên Thẩm định Bench',
        title: 'Chuyên viên',
        roles: ['appraiser'],
        temporaryPassword: 'mật khẩu tạm thời bench',
      })) as { id: number }
    ).id;

  const procedures = (await desk('procedures.list', { includeUnconfigured: false })) as unknown as Array<{
    id: string;
    components: Array<{ name: string; copies: number; original: boolean }>;
  }>;
  const procedure = procedures.find((p) => p.id === PROCEDURE);
  if (!procedure) throw new Error(`procedure ${PROCEDURE} is not configured on the bench store`);
  const received = await desk('dossiers.receive', {
    requestId: crypto.randomUUID(),
    procedureId: procedure.id,
    applicant: {
      kind: 'organization',
      name: FIELD_VALUES.organizationName,
      address: FIELD_VALUES.organizationAddress,
    },
    components: procedure.components.map((c) => ({
      name: c.name,
      copies: c.copies,
      isProvided: true,
      isOriginal: c.original,
    })),
    setCount: 1,
    channel: 'direct',
    returnMethod: 'desk',
  });
  const dossierId = received.id as number;
  const version = async () => (await desk('workflow.view', { dossierId })).version as number;
  const perform = async (action: string, input: unknown) =>
    desk('workflow.perform', { dossierId, version: await version(), action, input });

  await perform('assign', { assigneeId: String(appraiserId) });
  const spec = (await desk('workflow.view', { dossierId })).licenceFieldSpec as Array<{ key: string }>;
  const fields = Object.fromEntries(
    spec
      .filter((f) => f.key !== 'number' && f.key !== 'issueDate')
      .map((f) => [f.key, FIELD_VALUES[f.key] ?? `Nội dung ${f.key}`]),
  );
  await desk('workflow.setLicenceFields', { dossierId, version: await version(), fields });
  await perform('propose', { proposal: 'approve', opinion: 'Đủ điều kiện cấp phép.' });
  await perform('approve', {});
  return { dossierId, perform };
}

/** Issues one licence (once per bench run; cached in b.shared). */
export async function benchLicence(b: BenchContext): Promise<BenchLicence> {
  const cached = b.shared.get('licence') as BenchLicence | undefined;
  if (cached) return cached;
  const desk = deskOf(b);
  const { dossierId, perform } = await approvedBenchDossier(b);
  await perform('issue', {});
  const licence = (await desk('workflow.view', { dossierId })).licence as { number: string };
  const row = (await b.backend.ctx.db.get(
    'SELECT content FROM licences WHERE dossier_id = ? ORDER BY id DESC LIMIT 1',
    [dossierId],
  )) as { content: string };
  const content = JSON.parse(row.content) as BenchLicence;
  const issued: BenchLicence = {
    dossierId,
    number: licence.number,
    template: content.template,
    data: content.data,
  };
  b.shared.set('licence', issued);
  return issued;
}
