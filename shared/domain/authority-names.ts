/*
 * Names of authorities, as written in a sentence and as printed in a heading (issue 12 §4).
 *
 * NĐ 30/2020/NĐ-CP Phụ lục I prints the agency names of the header, the thẩm quyền line and the signature
 * block in upper case; Phụ lục II (viết hoa) writes the same names inside a sentence with capitals only where
 * the name needs them: "Theo đề nghị của Giám đốc Sở Văn hóa, Thể thao và Du lịch", "Ủy ban nhân dân tỉnh
 * Bắc Ninh". So the settings store each name as written in a sentence and every heading is derived from it
 * with `headingOf`; the reverse is not derivable, which is why names typed in upper case are refused.
 */

/** The heading form: NFC, upper case by Vietnamese rules (đ -> Đ, ư -> Ư; tone marks kept). */
export function headingOf(name: string): string {
  return name.normalize('NFC').toLocaleUpperCase('vi').normalize('NFC');
}

/** True when a name has letters and none of them is lower case ('SỞ VĂN HÓA…', 'UBND TỈNH BẮC NINH'). */
export function isAllUpperCase(text: string): boolean {
  return /\p{L}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** Abbreviations NĐ 30/2020 Phụ lục I allows in the name of a governing body; kept upper case. */
const ABBREVIATIONS = new Set(['UBND', 'HĐND', 'TP.', 'TP']);

/** Types of body (loại hình cơ quan) whose name continues with its fields (chức năng, lĩnh vực). */
const BODY_TYPES: readonly string[] = [
  'ủy ban nhân dân',
  'uỷ ban nhân dân',
  'hội đồng nhân dân',
  'văn phòng',
  'tổng cục',
  'chi cục',
  'trung tâm',
  'sở',
  'bộ',
  'cục',
  'phòng',
  'ban',
];
/** Bodies named by their type and locality only: nothing between them is a field. */
const LOCAL_BODIES = new Set(['ủy ban nhân dân', 'uỷ ban nhân dân', 'hội đồng nhân dân']);

/** Administrative units: written lower case before the place name (Phụ lục II, tên địa lý). */
const LOCALITY_WORDS: readonly string[] = [
  'thành phố',
  'thị xã',
  'thị trấn',
  'tỉnh',
  'huyện',
  'quận',
  'xã',
  'phường',
  'đặc khu',
];

function capitaliseFirst(text: string): string {
  const first = text.charAt(0);
  return `${first.toLocaleUpperCase('vi')}${text.slice(first.length)}`;
}

function capitaliseEachSyllable(text: string): string {
  return text
    .split(' ')
    .map((word) =>
      ABBREVIATIONS.has(word.toLocaleUpperCase('vi')) ? word.toLocaleUpperCase('vi') : capitaliseFirst(word),
    )
    .join(' ');
}

/** Where the locality starts in a lower-cased name (abbreviations kept): ' tỉnh ', ' thành phố ', 'TP. ' … */
function localityStart(lower: string): { index: number; word: string } | null {
  let best: { index: number; word: string } | null = null;
  for (const word of [...LOCALITY_WORDS, 'TP.', 'TP']) {
    const match = new RegExp(`(^|\\s)(${word.replace('.', '\\.')})(\\s)`, 'u').exec(lower);
    if (match && (best === null || match.index < best.index)) {
      best = { index: match.index + (match[1]?.length ?? 0), word };
    }
  }
  return best;
}

/**
 * The sentence form of a name stored in upper case by an older LicenceDesk (settings migration, issue 12 §4),
 * by the capitalisation rules of NĐ 30/2020 Phụ lục II for names of bodies and places: capital initial on
 * the type of body ('Sở', 'Ủy ban nhân dân') and on each field of a Sở or Bộ ('Văn hóa, Thể thao và Du
 * lịch'); administrative units lower case ('tỉnh', 'thành phố'); every syllable of a place name capitalised
 * ('Bắc Ninh'); the abbreviations UBND, HĐND, TP. kept. Names with a lower-case letter are returned as they
 * are. The result is a proposal: the settings screen asks the administrator to check it.
 */
export function sentenceCaseFromHeading(name: string): string {
  const text = name.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (!isAllUpperCase(text)) return text;
  const lower = text
    .split(' ')
    .map((word) => (ABBREVIATIONS.has(word) ? word : word.toLocaleLowerCase('vi')))
    .join(' ');
  const locality = localityStart(lower);
  const body = locality === null ? lower : lower.slice(0, locality.index).trimEnd();
  const place =
    locality === null
      ? ''
      : `${locality.word === 'TP' ? 'TP.' : locality.word} ${capitaliseEachSyllable(
          lower.slice(locality.index + locality.word.length).trim(),
        )}`;
  const type = BODY_TYPES.find((t) => body === t || body.startsWith(`${t} `));
  let named: string;
  if (body === '') {
    named = '';
  } else if (ABBREVIATIONS.has(body.split(' ')[0]?.toLocaleUpperCase('vi') ?? '')) {
    named = body;
  } else if (type === undefined || LOCAL_BODIES.has(type)) {
    named = capitaliseFirst(body);
  } else {
    // 'sở văn hóa, thể thao và du lịch' -> 'Sở' + each field, split at ', ' and ' và '.
    const fields = body.slice(type.length).trim();
    const parts = fields.split(/(, | và )/u).map((part, i) => (i % 2 === 0 ? capitaliseFirst(part) : part));
    named = `${capitaliseFirst(type)}${fields === '' ? '' : ` ${parts.join('')}`}`;
  }
  return [named, place].filter((part) => part !== '').join(' ');
}
