import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TabStopType, TextRun, type Table } from 'docx';
import type { MinutesBlock } from '../../../shared/minutes';
import { stripNonXml } from '../../../shared/primitives';
import type { ActionExportRow } from './actions-files';
import type { AttendanceBodyData } from './attendance-docx';
import type { GroupOutputsBodyData } from './group-outputs-docx';
import { buildLetterhead, type LetterheadSettings } from './letterhead';
import { annexBlocks, annexTitles } from './minutes-annexes';
import { headerBlock, LIST_NUMBERING, minutesBody, minutesTitle } from './minutes-body';
import { documentStyles, ptToHalfPoints, sectionPage, textWidthTwips, type PageSettings } from './page';
import type { Signatory } from './signature-block';

/**
 * The minutes (notulen rapat) of a workshop as an editable DOCX, as the regional secretariat
 * files them: letterhead, title and number, the header block (Sidang/Rapat … Peserta), the body
 * A. Pembukaan, B. Pembahasan (per agenda step), C. Keputusan/Kesimpulan, D. Tindak Lanjut (a
 * table), E. Penutup, the signatures of the chair and the note-taker, then the annexes, each on a
 * new page and left out when it has nothing: Daftar Hadir (per day), Hasil Diskusi Kelompok,
 * Tindak Lanjut (the engagement's register), Peringkat Quick Win, Dokumentasi. The footer of
 * every page carries the version (or DRAF), the verification code and "Halaman x dari y".
 *
 * A pure function of (data, settings): every value comes formatted (dates "Rabu, 28 Agustus
 * 2019", times "09.00–10.30 WIB"), images as bytes with their pixel size.
 */

/** An image as bytes with its pixel size (for the aspect). */
export interface MinutesImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** One line of the header block: "Hari/Tanggal : Rabu, 28 Agustus 2019"; "\n" splits a value into lines. */
export interface MinutesHeaderField {
  label: string;
  value: string;
}

/** The Pembahasan of one agenda step. */
export interface MinutesDiscussion {
  /** "Paparan: Konsep Smart City (Narasumber)". */
  title: string;
  /** "Hari ke-1 · 09.05–10.20 WIB"; may be empty. */
  subtitle: string;
  blocks: MinutesBlock[];
}

/** The signature block: "Kediri, 28 Agustus 2019", then the chair (left) and the note-taker (right). */
export interface MinutesSignatures {
  /** "Kediri, 28 Agustus 2019" (MinutesView.signing.placeDate). */
  placeDate: string;
  /** Role "Pimpinan Rapat". */
  chair: Signatory;
  /** Role "Notulis". */
  noteTaker: Signatory;
}

/** Lampiran IV: one ranked quick win. */
export interface MinutesQuickWinRow {
  /** "1". */
  rank: string;
  proposal: string;
  /** "Kelompok 2 — Smart Governance". */
  group: string;
  /** "4,35". */
  score: string;
}

export interface MinutesQuickWins {
  /** The ranking chart (PNG), fitted to the text width. */
  chart: MinutesImage | null;
  rows: MinutesQuickWinRow[];
}

/** Lampiran V: a photo and its caption. */
export interface MinutesPhotoDoc extends MinutesImage {
  caption: string;
  /** The bytes' format: JPEG unless said (photos are stored as JPEG). */
  type?: 'jpg' | 'png';
}

export interface MinutesAnnexes {
  /** Lampiran Daftar Hadir: one daftar hadir per day (left out when no day has a row). */
  attendance: AttendanceBodyData[];
  /** Lampiran Hasil Diskusi Kelompok (left out when there are no steps). */
  groupOutputs: GroupOutputsBodyData;
  /** Lampiran Tindak Lanjut: the engagement's register (left out when empty). */
  actions: ActionExportRow[];
  /** Lampiran Peringkat Quick Win (left out without chart and rows). */
  quickWins: MinutesQuickWins;
  /** Lampiran Dokumentasi (left out without photos). */
  photos: MinutesPhotoDoc[];
}

/** What the footer says of the version: "Versi 2 · Kode verifikasi 7F3A-91C2" or "DRAF · …". */
export interface MinutesVersionMark {
  final: boolean;
  /** The version number of a finalized version. */
  version: number;
  /** Verification code ("7F3A-91C2"); may be empty for a draft. */
  code: string;
}

export interface MinutesDocData {
  letterhead: LetterheadSettings;
  /** "NOTULEN RAPAT" or "NOTULA". */
  title: string;
  /** Nomor; "Nomor: …" is printed only when set. */
  number: string;
  /** Sidang/Rapat, Hari/Tanggal, Surat Undangan, Waktu, Tempat, Acara, Pimpinan Rapat, Narasumber, Notulis, Peserta. */
  header: MinutesHeaderField[];
  opening: MinutesBlock[];
  discussion: MinutesDiscussion[];
  decisions: MinutesBlock[];
  /** D. Tindak Lanjut: this workshop's items. */
  followUps: ActionExportRow[];
  closing: MinutesBlock[];
  signatures: MinutesSignatures;
  annexes: MinutesAnnexes;
  version: MinutesVersionMark;
}

/** The footer's version text. */
export function versionMark(v: MinutesVersionMark): string {
  const code = v.code.trim() ? ` · Kode verifikasi ${v.code.trim()}` : '';
  return `${v.final ? `Versi ${v.version}` : 'DRAF'}${code}`;
}

/** "Versi 2 · Kode verifikasi 7F3A-91C2" on the left, "Halaman 2 dari 9" on the right, 9 pt. */
function minutesFooter(v: MinutesVersionMark, settings: PageSettings): Footer {
  const size = ptToHalfPoints(9);
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.LEFT,
        tabStops: [{ type: TabStopType.RIGHT, position: textWidthTwips(settings) }],
        children: [
          new TextRun({ text: stripNonXml(versionMark(v)), size, bold: !v.final }),
          new TextRun({ text: '\tHalaman ', size }),
          new TextRun({ children: [PageNumber.CURRENT], size }),
          new TextRun({ text: ' dari ', size }),
          new TextRun({ children: [PageNumber.TOTAL_PAGES], size }),
        ],
      }),
    ],
  });
}

export { annexTitles as minutesAnnexTitles };
export type { Signatory } from './signature-block';

/** Builds the minutes as DOCX bytes. */
export async function buildMinutesDocx(data: MinutesDocData, settings: PageSettings): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [
    ...buildLetterhead(data.letterhead, { textWidthTwips: textWidthTwips(settings), imageId: 1 }),
    ...minutesTitle(data.title, data.number, settings),
    ...headerBlock(data.header, settings),
    ...minutesBody(data, settings),
    ...annexBlocks(data.annexes, settings),
  ];
  const doc = new Document({
    creator: 'Bimtek Studio',
    title: stripNonXml(`${data.title} – ${data.header[0]?.value.split('\n')[0] ?? ''}`),
    styles: documentStyles(settings),
    numbering: { config: LIST_NUMBERING },
    sections: [
      {
        properties: { page: sectionPage(settings) },
        footers: { default: minutesFooter(data.version, settings) },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
