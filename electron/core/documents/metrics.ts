/**
 * Rough Arial text widths, good enough to choose a type size before the word processor lays the
 * text out: a letterhead line that should stay on one line, a table cell whose longest word
 * should not be broken in the middle ("Perencana-an").
 */

/**
 * Arial advance widths in thousandths of an em (the same as Helvetica's published metrics), for
 * the printable ASCII characters from space (32) to tilde (126), regular and bold.
 */
const REGULAR = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];
const BOLD = [
  278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 333, 333, 584, 584, 584, 611, 975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556, 333, 556, 611, 556, 611,
  556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611, 611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389,
  280, 389, 584,
];

/** Width of one character in em; letters outside ASCII ("é", "–") count as a typical letter. */
function charWidthEm(ch: string, bold: boolean): number {
  const code = ch.charCodeAt(0);
  const table = bold ? BOLD : REGULAR;
  if (code >= 32 && code <= 126) return table[code - 32] / 1000;
  return 0.6;
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

/** Kerning, rounding and the word processor's own spacing: keep a little slack. */
const SLACK = 0.98;

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
