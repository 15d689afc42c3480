import details from '../../../resources/seed/procedure-details.json';
import seed from '../../../resources/seed/procedures.seed.json';
import { generateSigningKey, signLicencePayload } from '../signing/licence-signature';
import type { SigningKey } from '../signing/licence-signature';
import type { LicenceData } from './licence-pdf';
import { defaultLicenceTemplate } from './licence-template';
import type {
  LicenceField,
  LicenceProcedure,
  LicenceTemplate,
  LicenceTemplateSettings,
} from './licence-template';

/*
 * Fixtures for the licence tests: templates built from the seeded catalogue (as the app builds them) and
 * licence data with a payload signed by a throwaway key. Not imported by production code.
 */

export const TEMPLATE_SETTINGS: LicenceTemplateSettings = {
  agency: { governingBody: 'UBND tỉnh Bắc Ninh', name: 'Sở Văn hóa, Thể thao và Du lịch' },
  proposer: 'Trưởng phòng Quản lý Báo chí, Xuất bản',
  draftingUnit: 'QLBC',
};

interface DetailsRow {
  readonly sector: 'bao_chi' | 'xuat_ban';
  readonly issuer: 'so' | 'ubnd';
  readonly resultKind: string;
  readonly legalBasis: string[];
  readonly licenceFields: LicenceField[];
}

/** A procedure version as the catalogue seeds it. */
export function seededProcedure(id: string): LicenceProcedure {
  const row = (details.procedures as Record<string, DetailsRow>)[id];
  const base = seed.procedures.find((p) => p.id === id);
  if (row === undefined || base === undefined) throw new Error(`no seed entry for ${id}`);
  return {
    id,
    name: base.name,
    sector: row.sector,
    resultDocument: base.result,
    resultKind: row.resultKind,
    issuer: row.issuer,
    legalBasis: row.legalBasis,
    licenceFields: row.licenceFields,
  };
}

export function seededTemplate(id: string, settings: Partial<LicenceTemplateSettings> = {}): LicenceTemplate {
  return defaultLicenceTemplate(seededProcedure(id), { ...TEMPLATE_SETTINGS, ...settings });
}

let key: SigningKey | undefined;

/** One throwaway office key per test file. */
export function testSigningKey(): SigningKey {
  key ??= generateSigningKey();
  return key;
}

export const PRINTER = 'Công ty TNHH In ấn Mỹ Thuật Nguyễn Ngọc Ánh';

/** A typical printing licence (IN-XBP-CAP): the fields an appraiser fills in, none of the optional extras. */
export const PRINTING_LICENCE_FIELDS: Readonly<Record<string, string>> = {
  printerName: PRINTER,
  entityType: 'Doanh nghiệp',
  headOfficeAddress: 'Số 27 đường Lý Thái Tổ, phường Kinh Bắc, tỉnh Bắc Ninh',
  productionAddress: 'Lô 5, khu công nghiệp Quế Võ, phường Phương Liễu, tỉnh Bắc Ninh',
  phone: '0222 3811 999',
  headName: 'Nguyễn Ngọc Ánh',
  registrationNumber: '2300123456 do Sở Tài chính tỉnh Bắc Ninh cấp ngày 12 tháng 5 năm 2019',
  activityScope: 'Chế bản, in, gia công sau in xuất bản phẩm',
  productTypes: 'Sách, tài liệu, tranh, ảnh, lịch',
};

/** Licence data whose QR payload is signed for exactly this licence. */
export function licenceData(overrides: Partial<LicenceData> & { procedure?: string } = {}): LicenceData {
  const { procedure = 'IN-XBP-CAP', ...rest } = overrides;
  const base: Omit<LicenceData, 'qr'> = {
    number: '12/GP-SVHTTDL',
    place: 'Bắc Ninh',
    issueDate: '2026-03-05',
    holder: PRINTER,
    applicationDate: '2026-02-20',
    fieldValues: PRINTING_LICENCE_FIELDS,
    signerName: 'Lê Thị Thu Hằng',
    signerCapacity: 'deputy',
    isCopy: false,
    ...rest,
  };
  const signer = testSigningKey();
  const payloadText = signLicencePayload(
    {
      v: 1,
      no: base.number.normalize('NFC'),
      holder: base.holder.normalize('NFC').trim(),
      procedure,
      issuedOn: base.issueDate.slice(0, 10),
      ...(base.validUntil === undefined ? {} : { validUntil: base.validUntil }),
      issuer: 'Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh',
      keyId: signer.keyId,
    },
    signer.privateKeyPem,
  );
  return { ...base, qr: rest.qr ?? { payloadText } };
}
