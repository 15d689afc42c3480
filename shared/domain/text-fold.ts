// Search and duplicate detection run on a folded key, never on the stored text (reliability.md §0.11):
// NFC alone does not make "Hòa" equal "Hoà" (old vs new tone placement), and SQLite's FTS5
// remove_diacritics does not fold đ/Đ (toolchain.md §5).

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Lower-case, accent-free, đ→d, single-spaced key for search and duplicate detection. */
export function foldVietnamese(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words of a folded search query, ready to be used as FTS5 prefix terms. */
export function foldedSearchTerms(query: string): string[] {
  const folded = foldVietnamese(query);
  return folded === '' ? [] : folded.split(' ');
}
