import { translate } from '../i18n';
import type { Language } from '../languages';
import {
  choiceLabel,
  listItems,
  tableRows,
  type CellValue,
  type ColumnField,
  type FormDef,
  type OutputValues,
} from './types';

/**
 * A group output laid out for the projector: any form and its values become pages of blocks, so
 * a long list or a long table runs onto "Halaman 2/3" instead of off the screen. Only what the
 * group wrote is shown (empty cells are left out), signatures as "✓ ditandatangani", never the
 * image; help texts for the capture form are not shown. Line counts are estimates for large type
 * on the projector (`charsPerLine` characters to a line); a block that does not fit the rest of a
 * page starts the next one, and a block taller than a page is split, its heading repeated
 * "(lanjutan)". Nothing is dropped: every value appears once across the pages.
 */

export type PresentBlock =
  /** The form's instructions, on the first page. */
  | { kind: 'intro'; text: string }
  /** A field's or table's label; `continued` on a page that carries on from the one before. */
  | { kind: 'heading'; text: string; continued?: boolean }
  /** A short field: "Dimensi: Smart Governance". */
  | { kind: 'pair'; label: string; value: string }
  /** A long text (or a part of one), under its heading. */
  | { kind: 'text'; text: string }
  /** One numbered item of a list. */
  | { kind: 'item'; n: number; text: string }
  /** The group label of fixed rows ("Struktur"). */
  | { kind: 'group'; text: string }
  /**
   * A table row as lines of "label: value" cells, titled by its number or fixed label; short cells
   * share a line ("Tahun mulai: 2025 · Tahun selesai: 2027"), a long one has its line to itself.
   */
  | { kind: 'row'; title: string; lines: PresentCell[][]; continued?: boolean }
  /** Nothing written yet. */
  | { kind: 'empty'; text: string };

export interface PresentCell {
  label: string;
  value: string;
}

/** How cells sharing a line are separated. */
export const CELL_SEPARATOR = ' · ';

const cellText = (c: PresentCell) => `${c.label}: ${c.value}`;
const lineText = (line: PresentCell[]) => line.map(cellText).join(CELL_SEPARATOR);

/** Cells packed into lines of at most `width` characters, in their order. */
function packCells(cells: PresentCell[], width: number): PresentCell[][] {
  const lines: PresentCell[][] = [];
  for (const c of cells) {
    const last = lines.at(-1);
    if (last && lineText([...last, c]).length <= width) last.push(c);
    else lines.push([c]);
  }
  return lines;
}

export interface PresentPage {
  blocks: PresentBlock[];
}

/** Lines to a projector page and characters to a line when not given (4:3 at the projector's type). */
export const PRESENT_LINES_PER_PAGE = 11;
export const PRESENT_CHARS_PER_LINE = 60;

/** The words of a text wrapped to lines of at most `width` characters (longer words are cut). */
function wrap(text: string, width: number): { text: string; endsParagraph: boolean }[] {
  const out: { text: string; endsParagraph: boolean }[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    const words = para.split(/\s+/).filter(Boolean);
    for (let word of words) {
      while (word.length > width) {
        if (line) out.push({ text: line, endsParagraph: false });
        out.push({ text: word.slice(0, width), endsParagraph: false });
        word = word.slice(width);
        line = '';
      }
      if (!line) line = word;
      else if (line.length + 1 + word.length <= width) line += ` ${word}`;
      else {
        out.push({ text: line, endsParagraph: false });
        line = word;
      }
    }
    if (line) out.push({ text: line, endsParagraph: true });
    else if (out.length) out[out.length - 1].endsParagraph = true;
  }
  return out;
}

const joinLines = (lines: { text: string; endsParagraph: boolean }[]) =>
  lines.map((l, i) => l.text + (i === lines.length - 1 ? '' : l.endsParagraph ? '\n' : ' ')).join('');

const linesOf = (text: string, width: number) => Math.max(1, wrap(text, width).length);

/** What a cell shows, or '' when it is empty. */
export function presentValue(field: ColumnField, value: CellValue | undefined, language: Language): string {
  if (value === undefined || value === null) return '';
  switch (field.kind) {
    case 'text':
    case 'longText':
      return typeof value === 'string' ? value.trim() : '';
    case 'list':
      return listItems(value).join('; ');
    case 'rating': {
      if (typeof value !== 'number') return '';
      const anchor = field.anchors[value - 1]?.[language];
      return anchor ? `${value} – ${anchor}` : String(value);
    }
    case 'choice':
      return typeof value === 'string' && value !== '' ? choiceLabel(field, value, language) : '';
    case 'number': {
      if (typeof value !== 'number') return '';
      const n = language === 'id' ? String(value).replace('.', ',') : String(value);
      return field.unit ? `${n} ${field.unit[language]}` : n;
    }
    case 'year':
      return typeof value === 'number' ? String(value) : '';
    case 'signature':
      return typeof value === 'string' && value !== '' ? translate(language, 'groupwork.signedShort') : '';
  }
}

/** The blocks of a form before paging; each with its estimated height in lines. */
function blocksOf(form: FormDef, values: OutputValues, language: Language, width: number): PresentBlock[] {
  const blocks: PresentBlock[] = [];
  for (const f of form.fields) {
    const label = f.label[language];
    if (f.kind === 'table') {
      const rows = tableRows(f, values);
      const body: PresentBlock[] = [];
      let lastGroup: string | undefined;
      rows.forEach((r, i) => {
        const cells = f.columns
          .map((c) => ({
            label: c.label[language],
            value: presentValue(c, values[`${f.key}/${r.key}/${c.key}`], language),
          }))
          .filter((c) => c.value !== '');
        if (cells.length === 0) return;
        const group = r.group?.[language];
        if (group && group !== lastGroup) body.push({ kind: 'group', text: group });
        lastGroup = group;
        const title =
          r.label?.[language] ?? `${f.rowLabel?.[language] ?? translate(language, 'groupwork.row')} ${i + 1}`;
        body.push({ kind: 'row', title, lines: packCells(cells, width - 2) });
      });
      if (body.length) blocks.push({ kind: 'heading', text: label }, ...body);
      continue;
    }
    const v = values[f.key];
    if (f.kind === 'list') {
      const items = listItems(v);
      if (items.length)
        blocks.push(
          { kind: 'heading', text: label },
          ...items.map((text, i) => ({ kind: 'item' as const, n: i + 1, text })),
        );
      continue;
    }
    const shown = presentValue(f, v, language);
    if (!shown) continue;
    // A long text gets its own heading; a short one fits beside its label.
    if (f.kind === 'longText' && linesOf(`${label}: ${shown}`, width) > 1)
      blocks.push({ kind: 'heading', text: label }, { kind: 'text', text: shown });
    else blocks.push({ kind: 'pair', label, value: shown });
  }
  return blocks;
}

/** The space between two blocks, in lines. */
const BLOCK_GAP = 0.12;

/** Estimated height of a block in lines, with the gap after it. */
function heightOf(b: PresentBlock, width: number): number {
  return BLOCK_GAP + bareHeight(b, width);
}

function bareHeight(b: PresentBlock, width: number): number {
  switch (b.kind) {
    case 'intro':
      // Set a size smaller than the body.
      return 0.86 * linesOf(b.text, Math.floor(width / 0.86));
    case 'heading':
      return 1.5;
    case 'group':
      return 1.3;
    case 'pair':
      return linesOf(`${b.label}: ${b.value}`, width);
    case 'text':
      return linesOf(b.text, width);
    case 'item':
      return linesOf(b.text, width - 4);
    case 'row':
      return 1 + b.lines.reduce((sum, l) => sum + linesOf(lineText(l), width - 2), 0);
    case 'empty':
      return 1;
  }
}

/**
 * Splits a block so that its first part takes at most `room` lines; null when it cannot be split
 * (or not usefully: nothing would fit).
 */
function split(b: PresentBlock, room: number, width: number): [PresentBlock, PresentBlock] | null {
  if (b.kind === 'text' || b.kind === 'item') {
    const lines = wrap(b.text, b.kind === 'item' ? width - 4 : width);
    room = Math.floor(room);
    if (room < 1 || lines.length <= room) return null;
    const head = joinLines(lines.slice(0, room));
    const tail = joinLines(lines.slice(room));
    return b.kind === 'text'
      ? [
          { kind: 'text', text: head },
          { kind: 'text', text: tail },
        ]
      : [
          { ...b, text: head },
          { kind: 'text', text: tail },
        ];
  }
  if (b.kind === 'row') {
    let used = 1;
    const first: PresentCell[][] = [];
    const rest = [...b.lines];
    while (rest.length) {
      const h = linesOf(lineText(rest[0]), width - 2);
      if (used + h <= room) {
        first.push(rest.shift()!);
        used += h;
        continue;
      }
      // A single long cell taller than the room left: cut its value at a line.
      const fit = Math.floor(room - used);
      const [cell] = rest[0];
      if (fit >= 1 && first.length === 0 && rest[0].length === 1) {
        // Where the first part of the value ends (wrapping normalised the spaces; words are kept).
        const headText = joinLines(wrap(cellText(cell), width - 2).slice(0, fit)).slice(cell.label.length + 2);
        const words = cell.value.split(/\s+/).filter(Boolean);
        const taken = headText.split(/\s+/).filter(Boolean).length;
        if (taken > 0 && taken < words.length) {
          first.push([{ label: cell.label, value: words.slice(0, taken).join(' ') }]);
          rest[0] = [{ label: cell.label, value: words.slice(taken).join(' ') }];
        }
      }
      break;
    }
    if (first.length === 0 || rest.length === 0) return null;
    return [
      { ...b, lines: first },
      { ...b, lines: rest, continued: true },
    ];
  }
  return null;
}

/** The label a continued page repeats: the last heading before the block. */
function continuation(heading: string | undefined, language: Language): PresentBlock | null {
  return heading
    ? { kind: 'heading', text: translate(language, 'groupwork.continued', { label: heading }), continued: true }
    : null;
}

/**
 * A form and its values as pages for the projector. An output with nothing in it is one page
 * saying "belum diisi".
 */
export function presentPages(
  form: FormDef,
  values: OutputValues,
  language: Language,
  linesPerPage = PRESENT_LINES_PER_PAGE,
  charsPerLine = PRESENT_CHARS_PER_LINE,
): PresentPage[] {
  const perPage = Math.max(4, Math.floor(linesPerPage));
  const width = Math.max(20, Math.floor(charsPerLine));
  const body = blocksOf(form, values, language, width);
  const intro: PresentBlock = { kind: 'intro', text: form.instructions[language] };
  if (body.length === 0) return [{ blocks: [intro, { kind: 'empty', text: translate(language, 'groupwork.empty') }] }];

  const pages: PresentPage[] = [];
  let page: PresentBlock[] = [];
  let used = 0;
  let heading: string | undefined;
  let group: string | undefined;
  const queue: PresentBlock[] = [intro, ...body];

  const newPage = () => {
    pages.push({ blocks: page });
    page = [];
    used = 0;
    const c = continuation(heading, language);
    if (c) {
      page.push(c);
      used += heightOf(c, width);
    }
    // Rows of a group carry on under their group label too.
    if (group && queue[0]?.kind === 'row') {
      const g: PresentBlock = { kind: 'group', text: group };
      page.push(g);
      used += heightOf(g, width);
    }
  };

  while (queue.length) {
    const b = queue.shift()!;
    if (b.kind === 'heading') {
      heading = b.text;
      group = undefined;
      // Keep a heading with the first line of what it heads.
      const next = queue[0];
      const need = heightOf(b, width) + (next ? Math.min(heightOf(next, width), 2) : 0);
      if (page.length && used + need > perPage) {
        pages.push({ blocks: page });
        page = [];
        used = 0;
      }
      page.push(b);
      used += heightOf(b, width);
      continue;
    }
    if (b.kind === 'pair' || b.kind === 'intro') heading = group = undefined;
    if (b.kind === 'group') group = b.text;
    const h = heightOf(b, width);
    // A group label keeps with the first row under it.
    const keep = b.kind === 'group' && queue[0] ? Math.min(heightOf(queue[0], width), 2) : 0;
    if (used + h + keep <= perPage) {
      page.push(b);
      used += h;
      continue;
    }
    // Does not fit what is left. Under a heading that would stand alone at the foot of the page,
    // split it here, or else take the heading along to the next page.
    const last = page.at(-1);
    if (last && (last.kind === 'group' || (last.kind === 'heading' && !last.continued))) {
      const parts = split(b, perPage - used, width);
      if (parts) {
        page.push(parts[0]);
        queue.unshift(parts[1]);
        newPage();
        continue;
      }
      const carried: PresentBlock[] = [];
      while (page.length && ['heading', 'group'].includes(page.at(-1)!.kind)) carried.unshift(page.pop()!);
      if (page.length) {
        pages.push({ blocks: page });
        page = [];
        used = 0;
        queue.unshift(...carried, b);
        continue;
      }
      page = carried;
    }
    // Split it here when it would not fit a page of its own either, or start a new page with it.
    const fresh = perPage - (heading ? 1.5 : 0);
    if (h > fresh || page.length === 0) {
      const parts = split(b, perPage - used, width);
      if (parts) {
        page.push(parts[0]);
        queue.unshift(parts[1]);
        newPage();
        continue;
      }
      if (page.length === 0 || (page.length === 1 && page[0].kind === 'heading')) {
        // Nothing smaller to make of it: it gets the page to itself (and may run long).
        page.push(b);
        used += h;
        continue;
      }
    }
    queue.unshift(b);
    newPage();
  }
  if (page.length && !(page.length === 1 && page[0].kind === 'heading' && page[0].continued))
    pages.push({ blocks: page });
  return pages;
}
