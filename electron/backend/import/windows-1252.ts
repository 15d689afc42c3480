// Windows-1252, written out: Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as C1 controls
// (Latin-1), unlike browsers and the WHATWG Encoding Standard, so the table is not left to the platform.

const HIGH: readonly number[] = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

const DECODE: readonly string[] = Array.from({ length: 256 }, (_, byte) =>
  String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? (HIGH[byte - 0x80] as number) : byte),
);

let encodeTable: Map<string, number> | null = null;

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  const chunk: string[] = [];
  for (let i = 0; i < bytes.length; i += 1) {
    chunk.push(DECODE[bytes[i] as number] as string);
    if (chunk.length === 8192) {
      out += chunk.join('');
      chunk.length = 0;
    }
  }
  return out + chunk.join('');
}

/** The Windows-1252 byte of a character, or undefined when the code page has none. */
export function windows1252Byte(char: string): number | undefined {
  encodeTable ??= new Map(DECODE.map((c, byte) => [c, byte]));
  return encodeTable.get(char);
}
