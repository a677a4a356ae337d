import {
  AlignmentType,
  LevelFormat,
  Paragraph,
  TabStopType,
  TextRun,
  type ILevelsOptions,
  type IParagraphOptions,
  type INumberingOptions,
  type Table,
} from 'docx';
import { blocksHaveText, bodyHeading, type MinutesBlock } from '../../../shared/minutes';
import { stripNonXml } from '../../../shared/primitives';
import { actionsDocTable } from './actions-files';
import { estimateTextWidthPt } from './metrics';
import type { MinutesDocData, MinutesHeaderField } from './minutes-docx';
import { cmToTwips, ptToHalfPoints, type PageSettings } from './page';
import { signatureColumns } from './signature-block';

/**
 * The parts of the minutes above the annexes: title and number, the header block, the sections
 * A–E as paragraphs and real Word lists (never "- " typed as text), the signature block.
 */

/** What an empty section says. */
export const EMPTY_SECTION_TEXT = '—';

/** Text under a section heading is indented as far as "A. " reaches. */
const CONTENT_INDENT = cmToTwips(0.63);
const LIST_HANGING = cmToTwips(0.63);

export const BULLET_REF = 'minutes-bullet';
export const NUMBER_REF = 'minutes-number';

const level = (format: (typeof LevelFormat)[keyof typeof LevelFormat], text: string): ILevelsOptions => ({
  level: 0,
  format,
  text,
  alignment: AlignmentType.LEFT,
  style: { paragraph: { indent: { left: CONTENT_INDENT + LIST_HANGING, hanging: LIST_HANGING } } },
});

/** The document's list definitions: bullets, and decimal numbers ("1.") restarting in each list. */
export const LIST_NUMBERING: INumberingOptions['config'] = [
  { reference: BULLET_REF, levels: [level(LevelFormat.BULLET, '•')] },
  { reference: NUMBER_REF, levels: [level(LevelFormat.DECIMAL, '%1.')] },
];

/** Text runs of a value, its "\n" as line breaks inside the paragraph. */
function runs(value: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun[] {
  return stripNonXml(value.replace(/\r\n?/g, '\n'))
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }));
}

/** The title ("NOTULEN RAPAT"), bold and centred, and "Nomor: …" under it when set. */
export function minutesTitle(title: string, number: string, settings: PageSettings): Paragraph[] {
  const out = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: number.trim() ? 0 : 240 },
      children: runs(title.trim() || 'NOTULEN RAPAT', { bold: true, size: ptToHalfPoints(settings.fontSizePt + 2) }),
    }),
  ];
  if (number.trim()) {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: runs(`Nomor: ${number.trim()}`),
      }),
    );
  }
  return out;
}

/** A numbered or bulleted line of a header value ("1. Pembukaan", "- …"): its marker and its text. */
const MARKED_LINE = /^\s*(\d{1,3}[.)]|[a-z][.)]|[-•–])\s+(.*)$/;

/**
 * "Label : value" lines, colons aligned after the longest label; a value's further lines and its
 * wrapped text start where the value starts, after the colon. Numbered lines ("1. Pembukaan", the
 * agenda) hang: their wrapped text starts after the number.
 */
export function headerBlock(fields: readonly MinutesHeaderField[], settings: PageSettings): Paragraph[] {
  const longest = Math.max(0, ...fields.map((f) => estimateTextWidthPt(f.label, settings.fontSizePt)));
  const colon = Math.max(cmToTwips(2.5), Math.ceil(longest * 20 * 1.05) + cmToTwips(0.2));
  const value = colon + cmToTwips(0.4);
  const markers = fields.flatMap((f) =>
    f.value.split('\n').flatMap((l) => {
      const m = MARKED_LINE.exec(l);
      return m ? [estimateTextWidthPt(m[1], settings.fontSizePt)] : [];
    }),
  );
  const marker = Math.max(cmToTwips(0.6), Math.ceil(Math.max(0, ...markers) * 20 * 1.05) + cmToTwips(0.15));
  const out: Paragraph[] = [];
  for (const f of fields) {
    const lines = stripNonXml(f.value.replace(/\r\n?/g, '\n'))
      .split('\n')
      .filter((l) => l.trim() !== '');
    // A value without text still prints its label: "Narasumber : -".
    if (lines.length === 0) lines.push('-');
    lines.forEach((line, i) => {
      const m = MARKED_LINE.exec(line);
      const left = m ? value + marker : value;
      const head = i === 0 ? [new TextRun(stripNonXml(`${f.label}\t:\t`))] : [];
      out.push(
        new Paragraph({
          tabStops: [
            { type: TabStopType.LEFT, position: colon },
            { type: TabStopType.LEFT, position: value },
            ...(m ? [{ type: TabStopType.LEFT, position: value + marker }] : []),
          ],
          indent: { left, hanging: i === 0 ? left : left - value },
          spacing: { after: i === lines.length - 1 ? 40 : 0 },
          children: [...head, new TextRun(m ? `${m[1]}\t${m[2]}` : line.trim())],
        }),
      );
    });
  }
  out.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
  return out;
}

/**
 * Blocks as paragraphs and Word lists. Every numbered list restarts at 1 (its own numbering
 * instance); a section without text says "—". `keepWithNext` keeps the last paragraph with what
 * follows (the closing words with the signature block, which never stands alone on a page).
 */
export function blockParagraphs(
  blocks: readonly MinutesBlock[],
  instance: { next: number },
  depth = 0,
  keepWithNext = false,
): Paragraph[] {
  const left = CONTENT_INDENT + depth * LIST_HANGING;
  const indent = { left };
  const out: IParagraphOptions[] = [];
  for (const b of blocksHaveText(blocks) ? blocks : []) {
    if (b.kind === 'p') {
      if (b.text.trim() === '') continue;
      out.push({ indent, alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 }, children: runs(b.text) });
      continue;
    }
    const items = b.items.filter((i) => i.trim() !== '');
    const numbering = b.kind === 'ol' ? { reference: NUMBER_REF, level: 0, instance: instance.next++ } : null;
    items.forEach((item, i) =>
      out.push({
        numbering: numbering ?? { reference: BULLET_REF, level: 0 },
        indent: { left: left + LIST_HANGING, hanging: LIST_HANGING },
        alignment: AlignmentType.JUSTIFIED,
        spacing: { after: i === items.length - 1 ? 120 : 40 },
        children: runs(item),
      }),
    );
  }
  if (out.length === 0) out.push({ indent, spacing: { after: 120 }, children: runs(EMPTY_SECTION_TEXT) });
  if (keepWithNext) out[out.length - 1] = { ...out[out.length - 1], keepNext: true };
  return out.map((o) => new Paragraph(o));
}

function sectionHeading(text: string): Paragraph {
  return new Paragraph({
    keepNext: true,
    keepLines: true,
    spacing: { before: 240, after: 120 },
    children: runs(text, { bold: true }),
  });
}

/** B. Pembahasan: per agenda step "1. title", the subtitle (day and times) and what was discussed. */
function discussion(data: MinutesDocData, instance: { next: number }): Paragraph[] {
  const steps = data.discussion;
  if (steps.length === 0) return blockParagraphs([], instance);
  const out: Paragraph[] = [];
  steps.forEach((s, i) => {
    const number = `${i + 1}.`;
    out.push(
      new Paragraph({
        keepNext: true,
        keepLines: true,
        indent: { left: CONTENT_INDENT + LIST_HANGING, hanging: LIST_HANGING },
        tabStops: [{ type: TabStopType.LEFT, position: CONTENT_INDENT + LIST_HANGING }],
        spacing: { before: i === 0 ? 0 : 200, after: s.subtitle.trim() ? 0 : 80 },
        children: [
          new TextRun({ text: number, bold: true }),
          new TextRun({ text: '\t', bold: true }),
          ...runs(s.title, { bold: true }),
        ],
      }),
    );
    if (s.subtitle.trim()) {
      out.push(
        new Paragraph({
          keepNext: true,
          indent: { left: CONTENT_INDENT + LIST_HANGING },
          spacing: { after: 80 },
          children: runs(s.subtitle, { italics: true }),
        }),
      );
    }
    // The step's text sits under its title, one step further in than the section's.
    out.push(...blockParagraphs(s.blocks, instance, 1));
  });
  return out;
}

/** Sections A–E and the signature block. */
export function minutesBody(data: MinutesDocData, settings: PageSettings): (Paragraph | Table)[] {
  const instance = { next: 1 };
  const out: (Paragraph | Table)[] = [
    sectionHeading(bodyHeading('opening')),
    ...blockParagraphs(data.opening, instance),
    sectionHeading(bodyHeading('discussion')),
    ...discussion(data, instance),
    sectionHeading(bodyHeading('decisions')),
    ...blockParagraphs(data.decisions, instance),
    sectionHeading(bodyHeading('followUps')),
  ];
  if (data.followUps.length > 0) out.push(actionsDocTable(data.followUps, settings));
  else out.push(...blockParagraphs([], instance));
  out.push(sectionHeading(bodyHeading('closing')), ...blockParagraphs(data.closing, instance, 0, true));
  const s = data.signatures;
  out.push(
    new Paragraph({ keepNext: true, spacing: { before: 240, after: 240 }, children: [] }),
    signatureColumns(
      { signatory: s.chair, opening: [''] },
      { signatory: s.noteTaker, opening: [s.placeDate] },
      settings,
    ),
  );
  return out;
}
