/**
 * Rough Arial text widths, good enough to choose a type size before the word processor lays the
 * text out: a letterhead line that should stay on one line, a table cell whose longest word
 * should not be broken in the middle ("Perencana-an").
 */

/** Average Arial advance widths in em, by kind of character (bold is a little wider). */
function charWidthEm(ch: string, bold: boolean): number {
  const extra = bold ? 1.06 : 1;
  if (ch === ' ') return 0.278;
  if (/[0-9]/.test(ch)) return 0.556 * extra;
  if (/[A-Z]/.test(ch)) return (/[MW]/.test(ch) ? 0.85 : 0.68) * extra;
  if (/[a-z]/.test(ch)) return (/[ijlft]/.test(ch) ? 0.28 : /[mw]/.test(ch) ? 0.8 : 0.53) * extra;
  return 0.34 * extra;
}

/** Estimated printed width of a line of Arial, in points. */
export function estimateTextWidthPt(text: string, sizePt: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charWidthEm(ch, bold);
  return em * sizePt;
}

export interface SizeRange {
  largest: number;
  smallest: number;
}

/** Estimates are a little optimistic; keep some slack. */
const SLACK = 0.97;

/** The largest size (in half-point steps) at which `text` fits `widthPt` on one line, or the smallest. */
export function sizeToFitLine(text: string, widthPt: number, range: SizeRange, bold = false): number {
  for (let pt = range.largest; pt > range.smallest; pt -= 0.5) {
    if (estimateTextWidthPt(text, pt, bold) <= widthPt * SLACK) return pt;
  }
  return range.smallest;
}

/**
 * The largest size at which every word of `text` fits `widthPt`, so lines wrap between words and
 * no word is split; the smallest size when even that is not enough.
 */
export function sizeToFitWords(text: string, widthPt: number, range: SizeRange, bold = false): number {
  let widest = '';
  let widestEm = 0;
  for (const word of text.split(/\s+/)) {
    const em = estimateTextWidthPt(word, 1, bold);
    if (em > widestEm) [widest, widestEm] = [word, em];
  }
  return sizeToFitLine(widest, widthPt, range, bold);
}
