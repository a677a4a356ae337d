import { AlignmentType, Document, Packer, Paragraph, TabStopType, TextRun, type Table } from 'docx';
import type { OutputFormId } from '../../../shared/agenda';
import { formDef, hasContent, type OutputValues } from '../../../shared/forms';
import { pageFooter } from './attendance-docx';
import { formDocx } from './form-docx';
import { buildLetterhead, type LetterheadSettings } from './letterhead';
import { cmToTwips, documentStyles, ptToHalfPoints, sectionPage, textWidthTwips, type PageSettings } from './page';

/**
 * Hasil Diskusi Kelompok: what every group wrote in a workshop, to file with the minutes.
 * Letterhead, title, the event block, then per day → per group-work step → per group its heading
 * (name and dimension, juru bicara and fasilitator: this is the facilitator's document) and its
 * output as the form's table (`formDocx`: the same definition drives the capture form and the
 * projector), signatures of the commitment sheet as images. Each step starts a new page.
 * A pure function of (data, settings).
 */

export interface GroupOutputDoc {
  /** "Kelompok 1". */
  name: string;
  /** The dimension's name or the free topic ("Smart Governance"); may be empty. */
  topic: string;
  rapporteur: string;
  facilitator: string;
  values: OutputValues;
  agencies: string[];
}

export interface GroupOutputsStep {
  /** "Hari ke-2: Kamis, 29 Agustus 2019". */
  day: string;
  /** The agenda step's title ("Diskusi kelompok: analisis SWOT"). */
  title: string;
  formId: OutputFormId;
  groups: GroupOutputDoc[];
}

export interface GroupOutputsDocData {
  letterhead: LetterheadSettings;
  acara: string;
  stage: string;
  region: string;
  venue: string;
  steps: GroupOutputsStep[];
  /** Signature images by content hash (PNG bytes), for the commitment sheet's signature cells. */
  signatures: Record<string, Uint8Array>;
}

/** Said when no group-work step has groups yet. */
export const NO_OUTPUTS_TEXT = 'Belum ada hasil diskusi kelompok.';
/** Said under a group that wrote nothing for the step. */
export const EMPTY_OUTPUT_TEXT = 'Belum diisi.';

function eventBlock(data: GroupOutputsDocData): Paragraph[] {
  const colon = cmToTwips(2.4);
  const value = cmToTwips(2.8);
  const line = (label: string, v: string) =>
    new Paragraph({
      tabStops: [
        { type: TabStopType.LEFT, position: colon },
        { type: TabStopType.LEFT, position: value },
      ],
      indent: { left: value, hanging: value },
      spacing: { after: 40 },
      children: [new TextRun(`${label}\t:\t${v}`)],
    });
  const lines = [line('Acara', data.acara), line('Tahap', data.stage), line('Daerah', data.region)];
  if (data.venue.trim()) lines.push(line('Tempat', data.venue.trim()));
  return lines;
}

/** The step's heading: the day above the step's title, starting a new page after the first. */
function stepHeading(step: GroupOutputsStep, first: boolean, settings: PageSettings): Paragraph[] {
  return [
    new Paragraph({
      pageBreakBefore: !first,
      keepNext: true,
      spacing: { before: first ? 240 : 0, after: 60 },
      children: [new TextRun({ text: step.day, bold: true })],
    }),
    new Paragraph({
      keepNext: true,
      spacing: { after: 200 },
      children: [new TextRun({ text: step.title, bold: true, size: ptToHalfPoints(settings.fontSizePt + 1) })],
    }),
  ];
}

/** A group's heading and who spoke for it, kept with the table that follows. */
function groupHeading(g: GroupOutputDoc): Paragraph[] {
  const who = [g.rapporteur && `Juru bicara: ${g.rapporteur}`, g.facilitator && `Fasilitator: ${g.facilitator}`].filter(
    Boolean,
  ) as string[];
  const out = [
    new Paragraph({
      keepNext: true,
      keepLines: true,
      spacing: { before: 240, after: who.length ? 20 : 100 },
      children: [new TextRun({ text: g.topic ? `${g.name} — ${g.topic}` : g.name, bold: true })],
    }),
  ];
  if (who.length) {
    out.push(new Paragraph({ keepNext: true, spacing: { after: 100 }, children: [new TextRun(who.join(' · '))] }));
  }
  return out;
}

/** The outputs without the document's letterhead and event block: the steps and the signatures. */
export type GroupOutputsBodyData = Pick<GroupOutputsDocData, 'steps' | 'signatures'>;

/**
 * Every step's heading and every group's output, to put under the document's own heading or in
 * an annex of the minutes. Drawing ids start at `imageIdBase` (100 by default), each output
 * getting a range of 1000.
 */
export function groupOutputsBody(
  data: GroupOutputsBodyData,
  settings: PageSettings,
  options: { imageIdBase?: number } = {},
): (Paragraph | Table)[] {
  const widthTwips = textWidthTwips(settings);
  const signature = (hash: string) => {
    const png = data.signatures[hash];
    return png ? Buffer.from(png) : null;
  };
  const body: (Paragraph | Table)[] = [];
  // Drawing ids are unique in a document: the emblem is 1, each output's signatures get a range.
  let imageIdBase = options.imageIdBase ?? 100;
  data.steps.forEach((step, i) => {
    body.push(...stepHeading(step, i === 0, settings));
    const form = formDef(step.formId);
    for (const g of step.groups) {
      body.push(...groupHeading(g));
      if (!hasContent(g.values)) {
        body.push(
          new Paragraph({
            spacing: { after: 120 },
            children: [new TextRun({ text: EMPTY_OUTPUT_TEXT, italics: true })],
          }),
        );
        continue;
      }
      body.push(
        ...formDocx(form, g.values, { language: 'id', agencies: g.agencies, signature, widthTwips, imageIdBase }),
      );
      imageIdBase += 1000;
    }
  });
  if (data.steps.length === 0) body.push(new Paragraph({ spacing: { before: 240 }, text: NO_OUTPUTS_TEXT }));
  return body;
}

/** Builds the Hasil Diskusi Kelompok as DOCX bytes. */
export async function buildGroupOutputsDocx(data: GroupOutputsDocData, settings: PageSettings): Promise<Uint8Array> {
  const widthTwips = textWidthTwips(settings);
  const body = groupOutputsBody(data, settings);
  const doc = new Document({
    creator: 'Bimtek Studio',
    title: `Hasil Diskusi Kelompok – ${data.acara}`,
    styles: documentStyles(settings),
    sections: [
      {
        properties: { page: sectionPage(settings) },
        footers: { default: pageFooter() },
        children: [
          ...buildLetterhead(data.letterhead, { textWidthTwips: widthTwips, imageId: 1 }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [
              new TextRun({
                text: 'HASIL DISKUSI KELOMPOK',
                bold: true,
                size: ptToHalfPoints(settings.fontSizePt + 2),
              }),
            ],
          }),
          ...eventBlock(data),
          ...body,
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
