import { z } from 'zod';
import { base64Data } from './attendance';
import { idSchema } from './domain';
import { optionalText, requiredText, str, typeError } from './primitives';

/**
 * The minutes (notulen) of a workshop: sections of text that start from what was recorded (the
 * note-taker's notes per agenda step, the decisions, the run's actual times) and that the
 * secretariat may rewrite; photos for the Dokumentasi annex; and the finalized versions, each the
 * DOCX bytes as they were handed out.
 *
 * Text is kept as blocks (paragraphs, bulleted and numbered lists), never as markup: what the
 * editor shows, what the preview shows and what the DOCX holds are the same structure.
 */

export const MINUTES_LIMITS = {
  /** Characters in one paragraph or list item (a pasted page of text fits). */
  blockChars: 100_000,
  /** Blocks in one section, items in one list. */
  blocks: 2000,
  /** Characters of one section in all (a long Pembahasan of a two-day workshop fits). */
  sectionChars: 200_000,
  caption: 300,
  number: 120,
  reason: 500,
  /** A photo as the user picked it (a phone's JPEG, a camera's PNG). */
  photoBytes: 40 * 1024 * 1024,
  /** Photos of one workshop. */
  photos: 200,
  /** Largest picture accepted, in pixels (width × height): more is refused as a decompression bomb. */
  photoPixels: 100_000_000,
  /** The long side of a photo as it goes into the document. */
  photoLongSide: 1600,
} as const;

const blockText = str().max(MINUTES_LIMITS.blockChars, { error: 'tooLong' });

export const MinutesBlock = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('p'), text: blockText }),
    z.strictObject({
      kind: z.literal('ul'),
      items: z.array(blockText).max(MINUTES_LIMITS.blocks, { error: 'tooMany' }),
    }),
    z.strictObject({
      kind: z.literal('ol'),
      items: z.array(blockText).max(MINUTES_LIMITS.blocks, { error: 'tooMany' }),
    }),
  ],
  { error: 'invalid' },
);
export type MinutesBlock = z.output<typeof MinutesBlock>;

export const MinutesBlocks = z
  .array(MinutesBlock, { error: 'invalidType' })
  .max(MINUTES_LIMITS.blocks, { error: 'tooMany' })
  .refine((blocks) => blocksLength(blocks) <= MINUTES_LIMITS.sectionChars, { error: 'tooLong' });

/** Characters of text in blocks. */
export function blocksLength(blocks: readonly MinutesBlock[]): number {
  let n = 0;
  for (const b of blocks) n += b.kind === 'p' ? b.text.length : b.items.reduce((s, i) => s + i.length, 0);
  return n;
}

/** Whether blocks say anything (a section of empty paragraphs prints "—"). */
export function blocksHaveText(blocks: readonly MinutesBlock[]): boolean {
  return blocks.some((b) => (b.kind === 'p' ? b.text.trim() !== '' : b.items.some((i) => i.trim() !== '')));
}

const BULLET = /^\s*(?:[-•*–])\s+(.*)$/;
const NUMBERED = /^\s*(?:\d{1,3}|[a-z])[.)]\s+(.*)$/;

/**
 * The note-taker's notes as blocks: lines starting "- ", "• " or "* " make a bulleted list, "1. "
 * or "a) " a numbered one, every other non-empty line a paragraph of its own. This is how a
 * section is "rebuilt from the notes"; the notes themselves are never changed.
 */
export function textToBlocks(text: string): MinutesBlock[] {
  const out: MinutesBlock[] = [];
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') continue;
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const kind = bullet ? 'ul' : numbered ? 'ol' : 'p';
    const body = (bullet?.[1] ?? numbered?.[1] ?? line).trim();
    const last = out[out.length - 1];
    if (kind === 'p') out.push({ kind: 'p', text: body });
    else if (last && last.kind === kind) last.items.push(body);
    else out.push({ kind, items: [body] });
  }
  return out;
}

/** Blocks as plain text, one line per paragraph or item (lists keep their bullets and numbers). */
export function blocksToText(blocks: readonly MinutesBlock[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'p') lines.push(b.text);
    else b.items.forEach((item, i) => lines.push(b.kind === 'ul' ? `- ${item}` : `${i + 1}. ${item}`));
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------- sections

/**
 * The editable sections, in the order of the document: Pembukaan, one Pembahasan section per
 * discussed agenda step (`step:<id>`), Keputusan/Kesimpulan, Penutup. The Tindak Lanjut table and
 * the annexes come from the register and are not free text.
 */
export const SectionKey = z
  .string({ error: typeError })
  .regex(/^(opening|decisions|closing|step:[0-9a-f-]{36})$/, { error: 'invalid' });
export type SectionKey = z.output<typeof SectionKey>;

/**
 * The body's parts in the order they print, with their letter and title: the DOCX, the on-screen
 * preview and the section titles of the view all read them here.
 */
export const BODY_PARTS = {
  opening: { letter: 'A', title: 'Pembukaan' },
  discussion: { letter: 'B', title: 'Pembahasan' },
  decisions: { letter: 'C', title: 'Keputusan/Kesimpulan' },
  followUps: { letter: 'D', title: 'Tindak Lanjut' },
  closing: { letter: 'E', title: 'Penutup' },
} as const;
export type BodyPart = keyof typeof BODY_PARTS;

/** "B. Pembahasan". */
export const bodyHeading = (part: BodyPart) => `${BODY_PARTS[part].letter}. ${BODY_PARTS[part].title}`;

/** Agenda steps that get no Pembahasan section of their own (nothing is discussed in them). */
export const STEP_KINDS_WITHOUT_DISCUSSION = ['registrasi', 'istirahat'] as const;

export const MinutesSection = z.object({
  key: SectionKey,
  /** "Pembukaan", "Paparan: Konsep Smart City (Narasumber)", … */
  title: z.string(),
  /** Pembahasan steps: "Hari ke-1 · 09.05–10.20 WIB (rencana 09.00–10.00 WIB)"; empty otherwise. */
  subtitle: z.string(),
  blocks: z.array(MinutesBlock),
  /** Rewritten by hand: the recorded data no longer flows in until it is rebuilt on request. */
  edited: z.boolean(),
  /** What the section says when built from the recorded data (shown beside an edited section). */
  draft: z.array(MinutesBlock),
});
export type MinutesSection = z.output<typeof MinutesSection>;

export const MinutesPhoto = z.object({
  id: idSchema,
  caption: z.string(),
  /** Whether it goes into Lampiran V. */
  included: z.boolean(),
  position: z.number().int(),
  width: z.number().int(),
  height: z.number().int(),
  /** The file name it was added from. */
  fileName: z.string(),
  /** A small JPEG (long side 320 px) as a data: URL, for the photo list and the preview. */
  thumbnail: z.string(),
});
export type MinutesPhoto = z.output<typeof MinutesPhoto>;

export const MinutesVersion = z.object({
  version: z.number().int(),
  /** SHA-256 of the DOCX bytes, hex. */
  sha256: z.string(),
  /** The short verification code printed in the footer ("7F3A-91C2"). */
  code: z.string(),
  bytes: z.number().int(),
  finalizedAt: z.string(),
  finalizedBy: z.string(),
  /** Set when the version was reopened (the next version replaces it). */
  reopenedAt: z.string().nullable(),
  reopenedBy: z.string(),
  reopenReason: z.string(),
});
export type MinutesVersion = z.output<typeof MinutesVersion>;

export const MINUTES_STATES = ['draft', 'final'] as const;
export type MinutesState = (typeof MINUTES_STATES)[number];

/** What the Notulen page shows: the sections, the photos, the versions and the header values. */
export const MinutesView = z.object({
  workshopId: idSchema,
  state: z.enum(MINUTES_STATES),
  /** Counts every change; finalize names the revision it saw, so a change meanwhile is not lost. */
  revision: z.number().int(),
  /** Nomor of the minutes (optional). */
  number: z.string(),
  /** "NOTULEN RAPAT" or "NOTULA" (the engagement's document setting). */
  title: z.string(),
  /** The header block as it will print, label → value (each line of a value on its own line). */
  header: z.array(z.object({ label: z.string(), value: z.string() })),
  sections: z.array(MinutesSection),
  /** Tindak Lanjut of this workshop, as the table prints it (header row first). */
  followUps: z.array(z.array(z.string())),
  /** The annexes that will print, in order: "Lampiran I Daftar Hadir", … */
  annexes: z.array(z.string()),
  photos: z.array(MinutesPhoto),
  versions: z.array(MinutesVersion),
  /** The signature block as it will print: place and date, and each signatory. */
  signing: z.object({
    placeDate: z.string(),
    signatories: z.array(z.object({ role: z.string(), name: z.string(), rank: z.string(), nip: z.string() })),
  }),
  /** Paper and type from the engagement's document settings, for the preview. */
  page: z.object({
    paper: z.enum(['F4', 'A4']),
    fontFamily: z.string(),
    fontSizePt: z.number(),
    margins: z.object({ top: z.number(), bottom: z.number(), left: z.number(), right: z.number() }),
  }),
});
export type MinutesView = z.output<typeof MinutesView>;

/**
 * How far a DOCX being built (an export or a finalize) is: the phase — gathering the record,
 * drawing the chart, building the document, saving the version — as step of steps. Null when none runs.
 */
export const MINUTES_PHASES = ['gather', 'chart', 'build', 'save'] as const;
export const MinutesProgress = z
  .object({
    phase: z.enum(MINUTES_PHASES),
    step: z.number().int(),
    steps: z.number().int(),
    /** When it started (the store's clock), for "… detik". */
    startedAt: z.string(),
  })
  .nullable();
export type MinutesProgress = z.output<typeof MinutesProgress>;

// ---------------------------------------------------------------- inputs

export const SaveSectionInput = z.strictObject({
  workshopId: idSchema,
  key: SectionKey,
  blocks: MinutesBlocks,
});

export const MinutesHeaderInput = z.strictObject({
  workshopId: idSchema,
  number: optionalText(MINUTES_LIMITS.number),
});

export const AddPhotoInput = z.strictObject({
  workshopId: idSchema,
  fileName: requiredText(300),
  /** The file, base64 (≤ 40 MB). */
  data: base64Data.max(Math.ceil((MINUTES_LIMITS.photoBytes * 4) / 3) + 4, { error: 'fileTooLarge' }),
});

export const PhotoPatch = z.strictObject({
  id: idSchema,
  caption: optionalText(MINUTES_LIMITS.caption).optional(),
  included: z.boolean({ error: 'invalidType' }).optional(),
});

export const FinalizeInput = z.strictObject({
  workshopId: idSchema,
  /** The revision the caller saw: a change made meanwhile (or a finalize in another window) is refused. */
  revision: z.number({ error: typeError }).int({ error: 'invalid' }).min(0, { error: 'invalid' }),
  /** Who finalizes: the name printed in the version list (the note-taker by default). */
  by: requiredText(200),
});

export const ReopenInput = z.strictObject({
  workshopId: idSchema,
  by: requiredText(200),
  reason: requiredText(MINUTES_LIMITS.reason),
});

/**
 * Why a photo was refused, as an i18n key under `minutes.photoRefused`: HEIC (with how to convert
 * it), not an image, corrupt, too many pixels (a decompression bomb), too large a file.
 */
export const PHOTO_REFUSALS = ['heic', 'notImage', 'corrupt', 'tooManyPixels', 'tooLarge', 'tooMany'] as const;
export type PhotoRefusal = (typeof PHOTO_REFUSALS)[number];

// ---------------------------------------------------------------- annexes

/** The annexes in the order they are attached; one with nothing in it is left out. */
export const ANNEXES = [
  { key: 'attendance', title: 'Daftar Hadir' },
  { key: 'groups', title: 'Hasil Diskusi Kelompok' },
  { key: 'register', title: 'Tindak Lanjut' },
  { key: 'quickwins', title: 'Peringkat Quick Win' },
  { key: 'photos', title: 'Dokumentasi' },
] as const;
export type AnnexKey = (typeof ANNEXES)[number]['key'];

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];

/**
 * The headings of the annexes that are attached, numbered in order ("Lampiran I Daftar Hadir",
 * "Lampiran II Tindak Lanjut" when there were no groups): the page, the preview and the DOCX use these.
 */
export function annexHeadings(present: (key: AnnexKey) => boolean): { key: AnnexKey; number: string; title: string }[] {
  return ANNEXES.filter((a) => present(a.key)).map((a, i) => ({
    key: a.key,
    number: `Lampiran ${ROMAN[i]}`,
    title: a.title,
  }));
}
