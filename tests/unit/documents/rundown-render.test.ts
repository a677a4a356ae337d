import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildRundown, gatherRundown } from '../../../electron/core/documents/files';
import { templateFor } from '../../../shared/templates';
import { useTestBackend } from '../../fixtures/backend';
import { engagementInput, workshopInput } from '../../fixtures/inputs';
import { emblemPng } from '../../fixtures/png';

// Proof that the susunan acara opens and lays out in a real office suite: LibreOffice turns the
// Tahap III rundown into a PDF, whose text is read back page by page, and whose pages become PNG
// images (kept when BIMTEK_RUNDOWN_PNG_DIR is set, for a person to look at).
const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync('which', [c]).status === 0);
const poppler = ['pdftotext', 'pdftoppm', 'pdfinfo'].every((c) => spawnSync('which', [c]).status === 0);
const skipReason = !soffice
  ? 'LibreOffice (soffice) is not installed'
  : !poppler
    ? 'pdftotext/pdftoppm (poppler-utils) are not installed'
    : '';
if (skipReason) console.warn(`[skipped] LibreOffice rendering of the susunan acara: ${skipReason}`);

const t = useTestBackend('bimtek-rundown-lo-');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bimtek-lo-rundown-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function render(name: string, bytes: Uint8Array) {
  const docx = path.join(dir, `${name}.docx`);
  fs.writeFileSync(docx, bytes);
  execFileSync(
    soffice!,
    ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, docx],
    { timeout: 120_000, stdio: 'ignore' },
  );
  const pdf = path.join(dir, `${name}.pdf`);
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    .split('\f')
    .filter((p) => p.trim());
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return { pdf, pages, width: Number(size[1]), height: Number(size[2]) };
}

/** The two layouts rendered: the regional default, and the central-government paper in another zone. */
const CASES = [
  // F4: 215 × 330 mm = 609.4 × 935.4 pt. A4: 210 × 297 mm = 595.3 × 841.9 pt.
  { name: 'F4, WIB', paper: 'F4', zone: 'WIB', region: 'Kediri', size: [609.4, 935.4] },
  { name: 'A4, WITA', paper: 'A4', zone: 'WITA', region: 'Makassar', size: [595.3, 841.9] },
] as const;

describe.skipIf(!!skipReason)('susunan acara rendered by LibreOffice', () => {
  it.each(CASES)(
    'Tahap III ($name): every step with its times, day and header on every page, words whole',
    async ({ paper, zone, region, size }) => {
      const { ok } = t;
      const e = await ok('engagements.create', engagementInput({ timeZone: zone, regionName: region }));
      await ok('engagements.setEmblem', { id: e.id, image: Buffer.from(emblemPng()).toString('base64') });
      await ok('engagements.update', {
        id: e.id,
        patch: {
          letterhead: {
            lines: [`Pemerintah Kota ${region}`, 'Dinas Komunikasi dan Informatika'],
            address: 'Jalan Basuki Rahmat No. 15, Kediri 64123',
            contacts: 'Telepon (0354) 682955 · Laman www.kedirikota.go.id · Pos-el kominfo@kedirikota.go.id',
          },
          documents: { ...e.documents, paper },
        },
      });
      const w = await ok('workshops.create', {
        ...workshopInput(e.id, { title: `Bimbingan Teknis Gerakan Menuju 100 Smart City Tahap III Kota ${region}` }),
        days: [
          { date: '2019-08-28', startTime: '08:00', endTime: '16:00' },
          { date: '2019-08-29', startTime: '08:00', endTime: '15:30' },
        ],
        template: 'tahap-3',
      });
      const file = await buildRundown(gatherRundown(t.backend().services!, w.id));
      const stem = `susunan-acara-${paper}`;
      const { pdf, pages, width, height } = render(stem, file.bytes);

      // LibreOffice rounds the paper to within half a millimetre.
      expect(Math.abs(width - size[0])).toBeLessThan(1.5);
      expect(Math.abs(height - size[1])).toBeLessThan(1.5);
      const all = pages.join('\n');
      expect(all).toContain('SUSUNAN ACARA');
      expect(all).toContain(`PEMERINTAH KOTA ${region.toUpperCase()}`);
      expect(all).toContain('Hari ke-1: Rabu, 28 Agustus 2019');
      expect(all).toContain('Hari ke-2: Kamis, 29 Agustus 2019');
      expect(all).toContain(`08.00–08.30 ${zone}`);

      // Every page that carries rows of a table starts them under the day and the column names.
      const time = new RegExp(`\\d\\d\\.\\d\\d–\\d\\d\\.\\d\\d ${zone}`);
      for (const page of pages) {
        const firstTime = page.search(time);
        if (firstTime < 0) continue;
        const day = page.search(/Hari ke-\d: \S+, \d+ Agustus 2019/);
        const columns = page.search(/Waktu\s+Acara/);
        expect(day).toBeGreaterThanOrEqual(0);
        expect(columns).toBeGreaterThan(day);
        expect(firstTime).toBeGreaterThan(columns);
      }
      // Tahap III runs onto a second page: the second day is named there again.
      expect(pages.length).toBeGreaterThanOrEqual(2);
      expect(pages.at(-1)).toContain('Hari ke-2: Kamis, 29 Agustus 2019');

      // Every word of every title and presenter is printed whole (a word broken across two lines
      // would be missing from the text), and every step's times are on one line.
      const words = new Set(all.split(/\s+/));
      const clock = (m: number) =>
        `${String(8 + Math.floor(m / 60)).padStart(2, '0')}.${String(m % 60).padStart(2, '0')}`;
      for (const day of templateFor('tahap-3').days) {
        let at = 0;
        for (const s of day.steps) {
          for (const word of `${s.title.id} ${s.presenter?.id ?? ''}`.split(/\s+/).filter(Boolean)) {
            expect(words, `"${word}" of "${s.title.id}"`).toContain(word);
          }
          expect(all).toContain(`${clock(at)}–${clock(at + s.minutes)} ${zone}`);
          at += s.minutes;
        }
      }

      execFileSync('pdftoppm', ['-png', '-r', '80', pdf, path.join(dir, stem)]);
      const pngs = fs.readdirSync(dir).filter((f) => f.startsWith(`${stem}-`) && f.endsWith('.png'));
      expect(pngs.length).toBe(pages.length);
      const keep = process.env.BIMTEK_RUNDOWN_PNG_DIR;
      if (keep) for (const f of pngs) fs.copyFileSync(path.join(dir, f), path.join(keep, f));
    },
    180_000,
  );
});
