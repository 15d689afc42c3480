import { headingOf } from '../../../shared/domain/authority-names';
import { nfc } from './document-layout';

/*
 * A licence (giấy phép, giấy xác nhận, văn bản chấp thuận) described as data, so that each procedure version
 * can carry its own template and an administrator can correct the wording without a new release
 * (domain.md §0: every legal parameter is versioned data; §5.3: the body must follow the sector's Mẫu giấy
 * phép, which was not retrieved for any procedure — the defaults below are a reasonable skeleton only).
 *
 * Template strings may name placeholders in braces: `{holder}`, `{number}`, `{issueDate}`,
 * `{applicationDate}`, `{validUntil}`, `{place}`, or any licence field key (`{documentTitle}`). Dates are
 * printed as 'ngày 05 tháng 3 năm 2026'. A placeholder without a value stops the build (see
 * `LicenceFieldsMissingError`), so a licence never leaves the printer with a hole in it.
 */

export type LicenceIssuer = 'so' | 'ubnd';

/** Who signs: the head of the body, or a deputy signing on the head's behalf (ký thay). */
export type SignerCapacity = 'head' | 'deputy';

/**
 * NĐ 30/2020/NĐ-CP Điều 13: a Sở works under chế độ thủ trưởng (the head signs, or a deputy signs 'KT.');
 * a UBND under chế độ tập thể (signed 'TM.' the collective, by the chair or a vice-chair).
 */
export type SignatureMode = 'head' | 'deputy' | 'collective';

export interface LicenceSignature {
  readonly mode: SignatureMode;
  /** Printed upper case, bold, one per line, above the signature space. */
  readonly lines: readonly string[];
}

export interface LicenceField {
  readonly key: string;
  readonly label: string;
  /** A required field without a value stops the build; an optional one is left out of the list. */
  readonly required?: boolean;
}

export interface LicenceAuthority {
  /** Cơ quan chủ quản, printed above the issuing body (e.g. 'UBND tỉnh Bắc Ninh'); none for a UBND. */
  readonly governingBody?: string;
  /**
   * Cơ quan ban hành as written in a sentence, e.g. 'Sở Văn hóa, Thể thao và Du lịch' or 'Ủy ban nhân dân tỉnh
   * Bắc Ninh'; the header prints it upper case (issue 12 §4).
   */
  readonly issuingBody: string;
  /**
   * The issuing body named in full, with its province, as written in a sentence (the QR payload's issuer):
   * 'Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh'. Absent in licences issued before issue 12.
   */
  readonly fullName?: string;
  readonly issuer: LicenceIssuer;
  /**
   * Thẩm quyền ban hành under the title: 'GIÁM ĐỐC SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH TỈNH BẮC NINH' or
   * 'ỦY BAN NHÂN DÂN TỈNH BẮC NINH'.
   */
  readonly authorityLine: string;
}

export interface LicenceTemplate {
  /** Tên loại, e.g. 'Giấy phép xuất bản tài liệu không kinh doanh' (printed upper case). */
  readonly title: string;
  readonly authority: LicenceAuthority;
  /** The 'Căn cứ' texts; 'Căn cứ ' is prefixed and the ';' / ',' punctuation added where missing. */
  readonly legalBasis: readonly string[];
  /** 'Xét đơn đề nghị {applicationDate} của {holder}', 'Theo đề nghị của Trưởng phòng …'. */
  readonly considerations: readonly string[];
  /** 'CHO PHÉP:', 'XÁC NHẬN:', 'CHẤP THUẬN:', 'QUYẾT ĐỊNH:'. */
  readonly decisionWord: string;
  /** Printed as a numbered list 'label: value' in this order. */
  readonly fields: readonly LicenceField[];
  /** Paragraphs after the list; the last one ends with './.' (added where missing). */
  readonly closing: readonly string[];
  /** Nơi nhận, e.g. ['Như trên', 'Cục Xuất bản, In và Phát hành (để báo cáo)', 'Lưu: VT, QLBC']. */
  readonly recipients: readonly string[];
  readonly signature: LicenceSignature;
}

/** Placeholders the builder fills from LicenceData itself rather than from the licence fields. */
export const RESERVED_LICENCE_KEYS = [
  'number',
  'issueDate',
  'holder',
  'applicationDate',
  'validUntil',
  'place',
] as const;
export type ReservedLicenceKey = (typeof RESERVED_LICENCE_KEYS)[number];

/** Vietnamese names of the reserved values, for error messages. */
export const RESERVED_LICENCE_LABELS: Readonly<Record<ReservedLicenceKey, string>> = {
  number: 'Số giấy phép',
  issueDate: 'Ngày cấp',
  holder: 'Tổ chức, cá nhân được cấp',
  applicationDate: 'Ngày của đơn đề nghị',
  validUntil: 'Thời hạn hiệu lực (đến ngày)',
  place: 'Địa danh',
};

export interface MissingLicenceField {
  readonly key: string;
  readonly label: string;
}

/** A licence cannot be printed because values are missing. Carries the list for the UI. */
export class LicenceFieldsMissingError extends Error {
  readonly code = 'LICENCE_FIELDS_MISSING' as const;
  readonly missing: readonly MissingLicenceField[];
  /** Vietnamese, for the clerk. */
  readonly userMessage: string;
  /** Field key -> Vietnamese message, in the shape of AppError's fieldErrors. */
  readonly fieldErrors: Readonly<Record<string, string>>;

  constructor(missing: readonly MissingLicenceField[]) {
    const labels = missing.map((m) => m.label).join('; ');
    const keys = missing.map((m) => m.key).join(', ');
    const userMessage = `Thiếu thông tin bắt buộc để in giấy phép: ${labels}.`;
    super(`${userMessage} (Missing required licence fields: ${keys}.)`);
    this.name = 'LicenceFieldsMissingError';
    this.missing = missing;
    this.userMessage = userMessage;
    this.fieldErrors = Object.fromEntries(missing.map((m) => [m.key, `Chưa nhập: ${m.label}.`]));
  }
}

/**
 * The authority and position lines of the signature block (NĐ 30/2020/NĐ-CP Điều 13 and Phụ lục I ô 7a):
 * - Sở (chế độ thủ trưởng): head 'GIÁM ĐỐC'; deputy 'KT. GIÁM ĐỐC' / 'PHÓ GIÁM ĐỐC' (ký thay).
 * - UBND (chế độ tập thể): 'TM. ỦY BAN NHÂN DÂN' / 'CHỦ TỊCH', or for a vice-chair
 *   'TM. ỦY BAN NHÂN DÂN' / 'KT. CHỦ TỊCH' / 'PHÓ CHỦ TỊCH' (Điều 13 k2: deputies sign KT. the head).
 */
export function signatureLines(issuer: LicenceIssuer, capacity: SignerCapacity): string[] {
  if (issuer === 'so') return capacity === 'head' ? ['GIÁM ĐỐC'] : ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'];
  return capacity === 'head'
    ? ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']
    : ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'];
}

/** The signature of a template for a signer of the given capacity. */
export function licenceSignature(issuer: LicenceIssuer, capacity: SignerCapacity): LicenceSignature {
  const mode: SignatureMode = issuer === 'ubnd' ? 'collective' : capacity;
  return { mode, lines: signatureLines(issuer, capacity) };
}

/** What `defaultLicenceTemplate` needs of a procedure version (the shape of procedure-details.json). */
export interface LicenceProcedure {
  readonly id: string;
  readonly name: string;
  readonly sector?: 'bao_chi' | 'xuat_ban';
  /** e.g. 'Giấy phép xuất bản tài liệu không kinh doanh'; bare nouns ('Giấy phép') are completed. */
  readonly resultDocument: string | null;
  /** 'giay_phep' | 'giay_xac_nhan' | 'van_ban_chap_thuan' | 'van_ban_tra_loi'. */
  readonly resultKind: string;
  readonly issuer: LicenceIssuer;
  readonly legalBasis: readonly string[];
  readonly licenceFields: readonly LicenceField[];
}

/** Office settings the default template uses (a superset of the app's Settings['agency'] is fine). */
export interface LicenceTemplateSettings {
  readonly agency: {
    /** As written in a sentence, e.g. 'UBND tỉnh Bắc Ninh'. */
    readonly governingBody: string;
    /** As written in a sentence, e.g. 'Sở Văn hóa, Thể thao và Du lịch'. */
    readonly name: string;
  };
  /**
   * The province's people's committee in full, as written in a sentence ('Ủy ban nhân dân tỉnh Bắc Ninh';
   * settings.authorities.ubnd.name); default: governingBody with 'UBND' spelled out.
   */
  readonly provincialCommittee?: string;
  /** Who proposes inside the Sở, e.g. 'Trưởng phòng Quản lý Báo chí, Xuất bản'. */
  readonly proposer: string;
  /** Ký hiệu of the drafting unit for the file copy: 'Lưu: VT, <unit>.' (e.g. 'QLBC'). */
  readonly draftingUnit: string;
  /**
   * Provincial texts on the issuer's powers: for 'ubnd' (e.g. the Luật Tổ chức chính quyền địa phương) they
   * come first, for 'so' (the UBND decision on the Sở's functions) after the sector texts, as in domain.md §5.3.
   */
  readonly authorityLegalBasis?: Partial<Record<LicenceIssuer, readonly string[]>>;
  /** Default signer; the licence data may override it per licence. */
  readonly signerCapacity?: SignerCapacity;
}

const BARE_RESULT = /^(giấy phép|giấy xác nhận|giấy xác nhận đăng ký|văn bản chấp thuận|văn bản trả lời)$/iu;
const LEADING_VERB = /^(cấp lại|cấp đổi|cấp|cho phép|chấp thuận|văn bản chấp thuận)\s+/iu;

/**
 * A starting template for a procedure version, built from its catalogue details and the office settings.
 * It is a skeleton (domain.md §5.3), not the sector's official Mẫu: store it as data and let an administrator
 * correct it.
 */
export function defaultLicenceTemplate(
  procedure: LicenceProcedure,
  settings: LicenceTemplateSettings,
): LicenceTemplate {
  const issuer = procedure.issuer;
  const committee = nfc(
    settings.provincialCommittee ?? spellOutCommittee(settings.agency.governingBody),
  ).trim();
  const province = committee.replace(/^(ủy|uỷ) ban nhân dân\s+/iu, '');
  const agencyName = nfc(settings.agency.name).trim();
  // 'Sở Văn hóa, Thể thao và Du lịch tỉnh Bắc Ninh': the Sở named with its province, unless its name has it.
  const agencyFullName = /(^|\s)(tỉnh|thành phố)(\s|$)/iu.test(agencyName)
    ? agencyName
    : `${agencyName} ${province}`;
  const hasValidity = procedure.licenceFields.some((f) => f.key === 'validUntil');
  const noun = documentNoun(procedure.resultKind);
  // 'Giấy phép có hiệu lực …' reads well alone; a bare 'Văn bản' needs 'này'.
  const subject = noun === 'Văn bản' ? 'Văn bản này' : noun;
  const authorityBasis = settings.authorityLegalBasis?.[issuer] ?? [];
  const legalBasis =
    issuer === 'ubnd'
      ? [...authorityBasis, ...procedure.legalBasis]
      : [...procedure.legalBasis, ...authorityBasis];
  const sectorLaw =
    procedure.sector === 'bao_chi'
      ? 'các quy định của pháp luật về báo chí'
      : procedure.sector === 'xuat_ban'
        ? 'các quy định của pháp luật về xuất bản, in và phát hành xuất bản phẩm'
        : 'các quy định của pháp luật có liên quan';
  const superior =
    procedure.sector === 'bao_chi'
      ? 'Cục Báo chí (để báo cáo)'
      : 'Cục Xuất bản, In và Phát hành (để báo cáo)';
  const reserved = new Set<string>(RESERVED_LICENCE_KEYS);
  return {
    title: licenceTitle(procedure),
    // Names are kept as written in a sentence; only the header and thẩm quyền lines are upper case.
    authority:
      issuer === 'ubnd'
        ? { issuingBody: committee, fullName: committee, issuer, authorityLine: upper(committee) }
        : {
            governingBody: nfc(settings.agency.governingBody).trim(),
            issuingBody: agencyName,
            fullName: agencyFullName,
            issuer,
            authorityLine: upper(`Giám đốc ${agencyFullName}`),
          },
    legalBasis,
    considerations: [
      'Xét đơn đề nghị {applicationDate} của {holder}',
      issuer === 'ubnd' ? `Theo đề nghị của Giám đốc ${agencyName}` : `Theo đề nghị của ${settings.proposer}`,
    ],
    decisionWord: decisionWord(procedure.resultKind),
    // Số and ngày cấp sit in the header and the validity in the closing clause; they are not list items.
    fields: procedure.licenceFields
      .filter((f) => !reserved.has(f.key))
      .map((f) => ({ key: f.key, label: printLabel(f.label), required: f.required })),
    closing: [
      `{holder} có trách nhiệm thực hiện đúng nội dung ghi trong ${noun.toLocaleLowerCase('vi')} này và ${sectorLaw}.`,
      hasValidity ? `${subject} có hiệu lực đến {validUntil}./.` : `${subject} có hiệu lực kể từ ngày ký./.`,
    ],
    recipients:
      issuer === 'ubnd'
        ? ['Như trên', agencyName, `Lưu: VT, ${settings.draftingUnit}`]
        : ['Như trên', superior, `Lưu: VT, ${settings.draftingUnit}`],
    signature: licenceSignature(issuer, settings.signerCapacity ?? 'head'),
  };
}

/**
 * The catalogue's labels are written for the input form ('Người đứng đầu (họ và tên)', 'Cơ quan chủ quản (nếu
 * có)'); the parenthesised hints guide whoever types the value and have no place on the licence itself.
 */
export function printLabel(label: string): string {
  const stripped = nfc(label)
    .replace(/\s*\([^)]*\)/gu, '')
    .replace(/\s+,/gu, ',')
    .replace(/\s{2,}/gu, ' ')
    .trim();
  return stripped === '' ? nfc(label).trim() : stripped;
}

function licenceTitle(procedure: LicenceProcedure): string {
  const result = nfc(procedure.resultDocument ?? '').trim();
  const name = nfc(procedure.name)
    .trim()
    .replace(/\s*\([^)]*\)$/u, '');
  if (result !== '' && !BARE_RESULT.test(result)) return result;
  // A bare 'Giấy phép' / 'Văn bản chấp thuận' is completed with the object of the procedure's name:
  // 'Cấp giấy phép in gia công xuất bản phẩm cho nước ngoài' -> 'Giấy phép in gia công …'.
  const licence = /(giấy phép .+)$/iu.exec(name);
  if (licence?.[1] !== undefined && /^giấy phép$/iu.test(result)) return capitalise(licence[1]);
  const noun = result === '' ? 'Giấy phép' : result.replace(/\s+đăng ký$/iu, '');
  const object = name.replace(LEADING_VERB, '');
  return `${noun} ${object.charAt(0).toLocaleLowerCase('vi')}${object.slice(1)}`;
}

function decisionWord(resultKind: string): string {
  switch (resultKind) {
    case 'giay_phep':
      return 'CHO PHÉP:';
    case 'giay_xac_nhan':
      return 'XÁC NHẬN:';
    case 'van_ban_chap_thuan':
      return 'CHẤP THUẬN:';
    case 'van_ban_tra_loi':
      return 'TRẢ LỜI:';
    default:
      return 'QUYẾT ĐỊNH:';
  }
}

function documentNoun(resultKind: string): string {
  if (resultKind === 'giay_phep') return 'Giấy phép';
  if (resultKind === 'giay_xac_nhan') return 'Giấy xác nhận';
  return 'Văn bản';
}

function spellOutCommittee(governingBody: string): string {
  return nfc(governingBody)
    .trim()
    .replace(/^UBND\b/u, 'Ủy ban nhân dân');
}

function capitalise(text: string): string {
  return `${text.charAt(0).toLocaleUpperCase('vi')}${text.slice(1)}`;
}

function upper(text: string): string {
  return headingOf(text);
}
