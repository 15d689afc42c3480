import { isAllUpperCase, sentenceCaseFromHeading } from '../../../shared/domain/authority-names';

/*
 * Settings are stored as JSON (settings table, key 'app') in the shape of the day they were saved. Older
 * shapes are read by upgrading them here, before validation, so an office that upgrades LicenceDesk keeps
 * working without a visit to the settings screen (issue 12 §3–4):
 * - `signers` (one list) became `authorities.so.signers`: every signer an office had was the Sở's;
 *   `authorities.ubnd` gets its name from the governing body ('UBND tỉnh Bắc Ninh' -> 'Ủy ban nhân dân tỉnh
 *   Bắc Ninh') and no signers — an administrator adds the Chủ tịch and Phó Chủ tịch before issuing a licence
 *   of the UBND (issuing refuses until then).
 * - names stored in upper case ('SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH') are put in sentence case by the known-word
 *   rules of NĐ 30/2020 Phụ lục II (authority-names.ts). That is a proposal, not a certainty: every field
 *   converted is listed in `needsReview`, which the settings screen shows until the administrator saves.
 */

export interface UpgradedSettings {
  readonly value: unknown;
  /** Paths of the fields that were converted and should be checked by an administrator. */
  readonly needsReview: string[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** 'UBND tỉnh Bắc Ninh' -> 'Ủy ban nhân dân tỉnh Bắc Ninh' (the committee's own name, spelled out). */
export function committeeNameOf(governingBody: string): string {
  return sentenceCaseFromHeading(governingBody).replace(/^UBND(?=\s)/u, 'Ủy ban nhân dân');
}

export function upgradeStoredSettings(stored: unknown): UpgradedSettings {
  if (!isObject(stored)) return { value: stored, needsReview: [] };
  const needsReview: string[] = [];
  const value: Json = { ...stored };
  const agency = isObject(value.agency) ? { ...value.agency } : undefined;
  if (agency !== undefined) {
    for (const key of ['governingBody', 'name'] as const) {
      const name = agency[key];
      if (typeof name === 'string' && isAllUpperCase(name)) {
        agency[key] = sentenceCaseFromHeading(name);
        needsReview.push(`agency.${key}`);
      }
    }
    value.agency = agency;
  }
  if (!isObject(value.authorities)) {
    const governingBody = typeof agency?.governingBody === 'string' ? agency.governingBody : '';
    value.authorities = {
      so: { signers: Array.isArray(value.signers) ? value.signers : [] },
      ubnd: { name: committeeNameOf(governingBody), signers: [] },
    };
    delete value.signers;
    needsReview.push('authorities.ubnd.name');
  }
  return { value, needsReview };
}
