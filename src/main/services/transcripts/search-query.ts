/**
 * Turns what the user typed into an FTS5 query. FTS5 has its own syntax (quotes, AND/OR/NOT, NEAR,
 * column filters, `*`), and a stray quote is a syntax error, so the text is never passed through:
 * each word becomes a quoted term (all must occur), and the last one also matches as a prefix so
 * results appear while typing.
 */
const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

export function ftsQuery(typed: string): string | null {
  const words = (typed.match(WORD) ?? []).slice(0, 12).map((w) => w.replace(/['’]/g, ''));
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `"${w}"*` : `"${w}"`)).join(' ');
}

const OPEN = '\u0002';
const CLOSE = '\u0003';
export const SNIPPET_MARKS = { open: OPEN, close: CLOSE } as const;

/** Splits FTS5 snippet() output (marked with the two control characters) into plain and matched parts. */
export function snippetParts(marked: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  let rest = marked;
  while (rest.length > 0) {
    const open = rest.indexOf(OPEN);
    if (open < 0) {
      parts.push({ text: rest, match: false });
      break;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), match: false });
    const close = rest.indexOf(CLOSE, open + 1);
    const end = close < 0 ? rest.length : close;
    parts.push({ text: rest.slice(open + 1, end), match: true });
    rest = close < 0 ? '' : rest.slice(close + 1);
  }
  return parts.filter((p) => p.text.length > 0);
}
