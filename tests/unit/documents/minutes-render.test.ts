import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildMinutesDocx,
  minutesAnnexTitles,
  type MinutesDocData,
} from '../../../electron/core/documents/minutes-docx';
import { marginsTwips, pageSizeTwips, textWidthTwips, type PageSettings } from '../../../electron/core/documents/page';
import { formatNip } from '../../../shared/nip';
import { openDocx } from '../../fixtures/docx';
import {
  commitmentDrawings,
  emptyMinutesData,
  KEDIRI_CHAIR,
  KEDIRI_NOTE_TAKER,
  kediriMinutesData,
} from '../../fixtures/minutes';

// Proof that the minutes open and lay out in a real office suite: LibreOffice turns them into a
// PDF whose pages are read back (text per page, word boxes, embedded images). The PDF and its
// pages as PNG are kept under test-results/minutes-render/ for a person to look at.
const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync('which', [c]).status === 0);
const poppler = ['pdftotext', 'pdftoppm', 'pdfimages'].every((c) => spawnSync('which', [c]).status === 0);
const skipReason = !soffice ? 'LibreOffice (soffice) is not installed' : !poppler ? 'poppler-utils missing' : '';
if (skipReason) console.warn(`[skipped] LibreOffice rendering of the minutes: ${skipReason}`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bimtek-lo-minutes-'));
const artifacts = path.resolve('test-results/minutes-render');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const F4: PageSettings = { paper: 'F4', fontFamily: 'Arial', fontSizePt: 12 };
const A4: PageSettings = {
  paper: 'A4',
  fontFamily: 'Arial',
  fontSizePt: 11,
  margins: { top: 2, bottom: 3, left: 4, right: 2 },
};
const PT_PER_TWIP = 1 / 20;

interface Rendered {
  /** Text of each page, as laid out. */
  pages: string[];
  /** Each page's words with their boxes, and the page's width. */
  boxes: { width: number; words: { text: string; xMin: number; xMax: number }[] }[];
  /** Embedded images: type ("image", "smask") and encoding ("jpeg", "image", …) of each. */
  images: { type: string; enc: string }[];
}

async function render(name: string, bytes: Uint8Array): Promise<Rendered> {
  const docx = path.join(dir, `${name}.docx`);
  fs.writeFileSync(docx, bytes);
  execFileSync(
    soffice!,
    ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, docx],
    { timeout: 180_000, stdio: 'ignore' },
  );
  const pdf = path.join(dir, `${name}.pdf`);
  // Kept for a person to look at (test-results/ is not committed).
  const keep = path.join(artifacts, name);
  fs.rmSync(keep, { recursive: true, force: true });
  fs.mkdirSync(keep, { recursive: true });
  fs.copyFileSync(pdf, path.join(keep, `${name}.pdf`));
  execFileSync('pdftoppm', ['-r', '60', '-png', pdf, path.join(keep, 'page')]);

  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const boxes = [...html.matchAll(/<page width="([\d.]+)"[^>]*>([\s\S]*?)<\/page>/g)].map((p) => ({
    width: Number(p[1]),
    words: [...p[2].matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<\/word>/g)].map((w) => ({
      xMin: Number(w[1]),
      xMax: Number(w[2]),
      text: w[3],
    })),
  }));
  const list = execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2);
  const images = list
    .map((l) => l.trim().split(/\s+/))
    .filter((c) => c.length > 8)
    .map((c) => ({ type: c[2], enc: c[8] }));
  return { pages, boxes, images };
}

/** Non-empty lines of a page, trimmed. */
const linesOf = (page: string) =>
  page
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Checks every rendering must pass; returns the page index of each annex heading. */
function checkLayout(data: MinutesDocData, r: Rendered, settings: PageSettings): number[] {
  // Every annex starts a page of its own: the page holding "Lampiran II" starts with it, then its title.
  const titles = minutesAnnexTitles(data.annexes);
  const starts = titles.map((t) => {
    const [, roman, ...rest] = t.split(' ');
    const heading = `Lampiran ${roman}`;
    const found = r.pages.map((p, i) => (linesOf(p).includes(heading) ? i : -1)).filter((i) => i >= 0);
    expect(found, heading).toHaveLength(1);
    const lines = linesOf(r.pages[found[0]]);
    expect(lines[0]).toBe(heading);
    expect(lines[1]).toBe(rest.join(' '));
    return found[0];
  });
  expect([...starts].sort((a, b) => a - b)).toEqual(starts);

  // No text beyond the margins (a table wider than the page would push its last column out).
  const m = marginsTwips(settings);
  const right = (pageSizeTwips(settings).width - m.right) * PT_PER_TWIP;
  const left = m.left * PT_PER_TWIP;
  for (const [i, page] of r.boxes.entries()) {
    const outside = page.words.filter((w) => w.xMax > right + 2 || w.xMin < left - 2).map((w) => w.text);
    expect(outside, `page ${i + 1}`).toEqual([]);
  }

  // The signature block of the minutes is whole on one page, before the annexes.
  const body = r.pages.slice(0, starts[0] ?? r.pages.length);
  const signing = body.filter((p) => p.includes('Notulis,'));
  expect(signing).toHaveLength(1);
  for (const s of [
    data.signatures.placeDate,
    'Pimpinan Rapat,',
    KEDIRI_CHAIR.name,
    KEDIRI_CHAIR.rank,
    'NIP. 19680717 199303 2 008',
    KEDIRI_NOTE_TAKER.name,
    'NIP. 19900115 201503 2 004',
  ]) {
    expect(signing[0]).toContain(s);
  }
  // …and never alone: the end of the closing section (E. Penutup) is on its page.
  const closing = data.closing.at(-1);
  const words = closing?.kind === 'p' ? closing.text.trim().split(/\s+/).slice(-2).join(' ') : '—';
  expect(signing[0]).toContain(words || '—');
  return starts;
}

describe.skipIf(!!skipReason)('minutes rendered by LibreOffice', () => {
  it('Kediri on F4: annexes on new pages, the daftar hadir header on every page, images, nothing past the margins', async () => {
    const data = await kediriMinutesData({ attendees: 40 });
    const bytes = await buildMinutesDocx(data, F4);
    // The XML: no table grid wider than the text.
    const doc = await openDocx(bytes);
    for (const grid of doc.documentXml.match(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/g) ?? []) {
      const sum = [...grid.matchAll(/w:w="(\d+)"/g)].reduce((a, g) => a + Number(g[1]), 0);
      expect(sum).toBeLessThanOrEqual(textWidthTwips(F4));
    }
    const r = await render('kediri-f4', bytes);
    expect(r.pages.length).toBeGreaterThan(6);
    const first = linesOf(r.pages[0]);
    expect(first).toContain('NOTULEN RAPAT');
    expect(first).toContain('Nomor: 005/214/419.44/2019');
    const starts = checkLayout(data, r, F4);
    expect(starts).toHaveLength(5);

    // Lampiran I runs over several pages; each page with participants repeats the header row.
    const attendancePages = r.pages.slice(starts[0], starts[1]).filter((p) => /Peserta Nomor/.test(p));
    expect(attendancePages.length).toBeGreaterThanOrEqual(2);
    for (const p of attendancePages) {
      expect(p).toMatch(/No\s+Nama\s+NIP\s+Jabatan\s+Instansi\/OPD/);
      expect(p).toContain('Tanda');
    }
    // Every participant is listed (the NIP's first group: names wrap in their narrow column).
    const annexI = r.pages.slice(starts[0], starts[1]).join('\n');
    for (const row of data.annexes.attendance[0].rows) {
      if (row.nip) expect(annexI).toContain(formatNip(row.nip).split(' ')[0]);
    }

    // Lampiran IV and V hold their images: the chart and every photo.
    expect(r.pages[starts[3]]).toContain('e-SPTPD');
    for (const p of data.annexes.photos)
      expect(r.pages[starts[4]].replace(/\s+/g, ' ')).toContain(p.caption.slice(0, 30));
    const shown = r.images.filter((i) => i.type === 'image');
    // (LibreOffice may store a PNG as JPEG plus a soft mask: count the images, not their encoding.)
    expect(shown.length).toBe(1 + 40 + commitmentDrawings(data) + 1 + data.annexes.photos.length);
  }, 240_000);

  it('two days on A4 with other margins: each day its daftar hadir, every annex on its page, nothing past the margins', async () => {
    const data = await kediriMinutesData({ days: 2, attendees: 12, groups: 2, outputsPerGroup: 2, photos: 3 });
    const r = await render('kediri-a4-two-days', await buildMinutesDocx(data, A4));
    const starts = checkLayout(data, r, A4);
    const annexI = r.pages.slice(starts[0], starts[1]);
    const days = annexI.filter((p) => linesOf(p).includes('DAFTAR HADIR'));
    expect(days).toHaveLength(2);
    expect(days[0]).toContain('Rabu, 28 Agustus 2019');
    expect(days[1]).toContain('Kamis, 29 Agustus 2019');
    // The second day starts its own page.
    expect(linesOf(days[1])[0]).toBe('DAFTAR HADIR');
  }, 240_000);

  it('an empty workshop: sections say "—", no annex, the signature block with the closing section', async () => {
    const data = await emptyMinutesData();
    const r = await render('empty-a4', await buildMinutesDocx(data, A4));
    expect(checkLayout(data, r, A4)).toEqual([]);
    const all = r.pages.join('\n');
    expect(all).not.toContain('Lampiran');
    expect(all.match(/^\s*—\s*$/gm)).toHaveLength(5);
    expect(r.pages.find((p) => p.includes('Notulis,'))).toContain('E. Penutup');
  }, 240_000);
});
