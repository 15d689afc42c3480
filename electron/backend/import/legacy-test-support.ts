// Test support: encodes Unicode Vietnamese into the legacy font encodings, as Unikey or an old .VnTime /
// VNI-Times document would have stored it, so that the detector is tested on real-looking samples.

/** TCVN3 (ABC) code points of the Vietnamese letters (ABC font table; capitals only for Ă Â Đ Ê Ô Ơ Ư). */
const TCVN3: Record<string, string> = {
  à: 'µ',
  á: '¸',
  ả: '¶',
  ã: '·',
  ạ: '¹',
  ă: '¨',
  ằ: '»',
  ắ: '¾',
  ẳ: '¼',
  ẵ: '½',
  ặ: 'Æ',
  â: '©',
  ầ: 'Ç',
  ấ: 'Ê',
  ẩ: 'È',
  ẫ: 'É',
  ậ: 'Ë',
  đ: '®',
  è: 'Ì',
  é: 'Ð',
  ẻ: 'Î',
  ẽ: 'Ï',
  ẹ: 'Ñ',
  ê: 'ª',
  ề: 'Ò',
  ế: 'Õ',
  ể: 'Ó',
  ễ: 'Ô',
  ệ: 'Ö',
  ì: '×',
  í: 'Ý',
  ỉ: 'Ø',
  ĩ: 'Ü',
  ị: 'Þ',
  ò: 'ß',
  ó: 'ã',
  ỏ: 'á',
  õ: 'â',
  ọ: 'ä',
  ô: '«',
  ồ: 'å',
  ố: 'è',
  ổ: 'æ',
  ỗ: 'ç',
  ộ: 'é',
  ơ: '¬',
  ờ: 'ê',
  ớ: 'í',
  ở: 'ë',
  ỡ: 'ì',
  ợ: 'î',
  ù: 'ï',
  ú: 'ó',
  ủ: 'ñ',
  ũ: 'ò',
  ụ: 'ô',
  ư: '\u00ad',
  ừ: 'õ',
  ứ: 'ø',
  ử: 'ö',
  ữ: '÷',
  ự: 'ù',
  ỳ: 'ú',
  ý: 'ý',
  ỷ: 'û',
  ỹ: 'ü',
  ỵ: 'þ',
  Ă: '¡',
  Â: '¢',
  Đ: '§',
  Ê: '£',
  Ô: '¤',
  Ơ: '¥',
  Ư: '¦',
};

export function toTcvn3(text: string): string {
  return Array.from(text.normalize('NFC'), (char) => {
    const mapped = TCVN3[char];
    if (mapped !== undefined) return mapped;
    if (char.charCodeAt(0) > 0x7f) throw new Error(`no TCVN3 code for ${char} in this test table`);
    return char;
  }).join('');
}

const TONE_MARKS: Record<string, number> = {
  '\u0301': 0,
  '\u0300': 1,
  '\u0309': 2,
  '\u0303': 3,
  '\u0323': 4,
};
// VNI Windows: tone after a plain vowel (sắc huyền hỏi ngã nặng), after a circumflex vowel, after ă.
const PLAIN = ['ù', 'ø', 'û', 'õ', 'ï'];
const CIRCUMFLEX = ['á', 'à', 'å', 'ã', 'ä'];
const BREVE = ['é', 'è', 'ú', 'ü', 'ë'];
const I_TONED = ['í', 'ì', 'æ', 'ó', 'ò'];

/** VNI Windows (VNI-Times fonts): a base letter followed by mark letters ("Nguyễn" → "Nguyeãn"). */
export function toVni(text: string): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    if (char === 'đ') {
      out += 'ñ';
      continue;
    }
    if (char === 'Đ') {
      out += 'Ñ';
      continue;
    }
    const [base = '', ...marks] = Array.from(char.normalize('NFD'));
    if (marks.length === 0) {
      out += char;
      continue;
    }
    const upper = base !== base.toLowerCase();
    const cased = (s: string) => (upper ? s.toUpperCase() : s);
    const tone = marks.map((m) => TONE_MARKS[m]).find((t) => t !== undefined);
    const hasCircumflex = marks.includes('\u0302');
    const hasBreve = marks.includes('\u0306');
    const hasHorn = marks.includes('\u031b');
    const lower = base.toLowerCase();
    if (lower === 'i') {
      out += cased(tone === undefined ? 'i' : (I_TONED[tone] as string));
    } else if (lower === 'y' && tone === 4) {
      out += cased('î');
    } else if (hasHorn) {
      out += cased(lower === 'o' ? 'ô' : 'ö') + (tone === undefined ? '' : cased(PLAIN[tone] as string));
    } else if (hasCircumflex) {
      out += base + cased(tone === undefined ? 'â' : (CIRCUMFLEX[tone] as string));
    } else if (hasBreve) {
      out += base + cased(tone === undefined ? 'ê' : (BREVE[tone] as string));
    } else if (tone !== undefined) {
      out += base + cased(PLAIN[tone] as string);
    } else {
      throw new Error(`no VNI code for ${char} in this test table`);
    }
  }
  return out;
}

/** Bytes of a text whose characters are all Latin-1 (TCVN3 and VNI texts are), as a legacy file stores them. */
export function latin1Bytes(text: string): Uint8Array {
  return Uint8Array.from(
    Array.from(text, (char) => {
      const code = char.charCodeAt(0);
      if (code > 0xff) throw new Error(`not Latin-1: ${char}`);
      return code;
    }),
  );
}

/** Windows-1258 bytes of simple Vietnamese text (precomposed Latin-1 letters, ă đ ơ ư, combining tones). */
export function windows1258Bytes(text: string): Uint8Array {
  const special: Record<string, number> = {
    Ă: 0xc3,
    ă: 0xe3,
    Đ: 0xd0,
    đ: 0xf0,
    Ơ: 0xd5,
    ơ: 0xf5,
    Ư: 0xdd,
    ư: 0xfd,
  };
  const tones: Record<string, number> = {
    '\u0300': 0xcc,
    '\u0301': 0xec,
    '\u0303': 0xde,
    '\u0309': 0xd2,
    '\u0323': 0xf2,
  };
  const bytes: number[] = [];
  for (const char of text.normalize('NFC')) {
    if (char.charCodeAt(0) < 0x80) {
      bytes.push(char.charCodeAt(0));
      continue;
    }
    if (special[char] !== undefined) {
      bytes.push(special[char]);
      continue;
    }
    if ('ÀÁÂÈÉÊÍÓÔÚàáâèéêíóôú'.includes(char)) {
      bytes.push(char.charCodeAt(0));
      continue;
    }
    // Split off the tone mark; the rest is a Latin-1 letter or one of the specials.
    const nfd = Array.from(char.normalize('NFD'));
    const tone = nfd.find((m) => tones[m] !== undefined);
    const rest = nfd
      .filter((m) => m !== tone)
      .join('')
      .normalize('NFC');
    const restByte = special[rest] ?? (rest.charCodeAt(0) <= 0xff ? rest.charCodeAt(0) : undefined);
    if (restByte === undefined) throw new Error(`no Windows-1258 code for ${char}`);
    bytes.push(restByte);
    if (tone) bytes.push(tones[tone] as number);
  }
  return Uint8Array.from(bytes);
}
