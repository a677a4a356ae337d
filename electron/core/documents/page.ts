import { LineRuleType, PageOrientation, type ISectionPropertiesOptions, type IStylesOptions } from 'docx';

/**
 * Paper, margins and type of official documents. F4 (folio, 215 × 330 mm) is what regional
 * offices print on and is missing from most libraries' presets; A4 is the central-government
 * default. Word measures in twips: 1/20 point, 1440 to the inch, 567 to the centimetre.
 */

/** Portrait paper sizes in twips (mm / 25.4 × 1440, rounded). */
export const PAPER = {
  F4: { width: 12189, height: 18709 },
  A4: { width: 11906, height: 16838 },
} as const;
export type PaperSize = keyof typeof PAPER;

/** Page margins; in centimetres in settings, in twips once converted. */
export interface Margins {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * Within the usual ranges of regional *tata naskah dinas* (top 2–3, bottom 2.5–3, left 3–4,
 * right 2–3 cm); each region can set its own.
 */
export const DEFAULT_MARGINS_CM: Margins = { top: 2.5, bottom: 2.5, left: 3, right: 2.5 };

/** How a document is laid out; named like `DocumentSettings` in shared/attendance.ts. */
export interface PageSettings {
  paper: PaperSize;
  /** Portrait unless a region prefers its lists landscape. */
  orientation?: 'portrait' | 'landscape';
  fontFamily: string;
  fontSizePt: number;
  /** Centimetres; missing sides take `DEFAULT_MARGINS_CM`. */
  margins?: Partial<Margins>;
}

export const DEFAULT_PAGE_SETTINGS: PageSettings = {
  paper: 'F4',
  orientation: 'portrait',
  fontFamily: 'Arial',
  fontSizePt: 12,
  margins: DEFAULT_MARGINS_CM,
};

/** Centimetres to twips. */
export function cmToTwips(cm: number): number {
  return Math.round((cm * 1440) / 2.54);
}

/** Points to docx's half-points (font sizes). */
export function ptToHalfPoints(pt: number): number {
  return Math.round(pt * 2);
}

/** The margins of settings with defaults filled in, in twips. */
export function marginsTwips(settings: PageSettings): Margins {
  const m = { ...DEFAULT_MARGINS_CM, ...settings.margins };
  return { top: cmToTwips(m.top), bottom: cmToTwips(m.bottom), left: cmToTwips(m.left), right: cmToTwips(m.right) };
}

/** The page as laid out (landscape swaps width and height), in twips. */
export function pageSizeTwips(settings: PageSettings): { width: number; height: number } {
  const { width, height } = PAPER[settings.paper];
  return settings.orientation === 'landscape' ? { width: height, height: width } : { width, height };
}

/** Width between the left and right margins, in twips: what tables are laid out in. */
export function textWidthTwips(settings: PageSettings): number {
  const m = marginsTwips(settings);
  return pageSizeTwips(settings).width - m.left - m.right;
}

/** The `page` of a docx section: paper size, orientation and margins. */
export function sectionPage(settings: PageSettings): NonNullable<ISectionPropertiesOptions['page']> {
  const { width, height } = PAPER[settings.paper];
  const landscape = settings.orientation === 'landscape';
  const m = marginsTwips(settings);
  return {
    // docx swaps width and height itself for landscape.
    size: { width, height, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: { ...m, header: cmToTwips(1.25), footer: cmToTwips(1.25) },
  };
}

/** Document-wide default font and size, no space after paragraphs, single line spacing. */
export function documentStyles(settings: PageSettings): IStylesOptions {
  return {
    default: {
      document: {
        run: { font: settings.fontFamily, size: ptToHalfPoints(settings.fontSizePt) },
        // lineRule must be explicit: LibreOffice reads a bare w:line as an exact height and clips images.
        paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
      },
    },
  };
}
