import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAttendanceDocx } from '../../../electron/core/documents/attendance-docx';
import { generatedPeople, kediriLetterhead, SAMPLE_PEOPLE } from '../../fixtures/attendance';
import { signaturePng } from '../../fixtures/png';

// Proof that the daftar hadir opens and lays out in a real office suite: LibreOffice turns it
// into a PDF, whose text is read back page by page.
const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync('which', [c]).status === 0);
const pdftotext = spawnSync('which', ['pdftotext']).status === 0;
const skipReason = !soffice
  ? 'LibreOffice (soffice) is not installed'
  : !pdftotext
    ? 'pdftotext (poppler-utils) is not installed'
    : '';
if (skipReason) console.warn(`[skipped] LibreOffice rendering of the daftar hadir: ${skipReason}`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bimtek-lo-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!!skipReason)('daftar hadir rendered by LibreOffice', () => {
  it('opens, repeats the header on every page and keeps every signed row', async () => {
    const people = [...SAMPLE_PEOPLE, ...generatedPeople(40)];
    const bytes = await buildAttendanceDocx(
      {
        letterhead: kediriLetterhead(),
        acara: 'Bimtek Tahap III Penyusunan Masterplan Smart City Kota Kediri',
        dateLabel: 'Rabu, 28 Agustus 2019',
        timeLabel: '09.00–15.30 WIB',
        venue: 'Ruang Joyoboyo, Balai Kota Kediri',
        rows: people.map((p, i) => ({ ...p, signature: { data: signaturePng(i + 1), width: 300, height: 100 } })),
        blankRows: 5,
      },
      { paper: 'F4', fontFamily: 'Arial', fontSizePt: 12 },
    );
    const docx = path.join(dir, 'daftar-hadir.docx');
    fs.writeFileSync(docx, bytes);
    execFileSync(
      soffice!,
      ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, docx],
      {
        timeout: 120_000,
        stdio: 'ignore',
      },
    );
    const pdf = path.join(dir, 'daftar-hadir.pdf');
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) expect(page).toContain('Tanda Tangan');
    const all = pages.join('\n');
    expect(all).toContain('DAFTAR HADIR');
    expect(all).toContain('PEMERINTAH KOTA KEDIRI');
    expect(all).toContain('Rabu, 28 Agustus 2019');
    // The first and last people, and the blank rows after them, are all printed.
    const n = people.length;
    for (const k of [1, 2, n - 1, n, n + 1, n + 5]) expect(all).toMatch(new RegExp(`^\\s*${k}\\s`, 'm'));
    expect(all).not.toMatch(new RegExp(`^\\s*${n + 6}\\s`, 'm'));
    expect(all).toContain('40, S.Kom.');
    // F4 paper: 215 × 330 mm = 609.4 × 935.4 pt (LibreOffice rounds to within half a millimetre).
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect(Math.abs(Number(size[1]) - 609.4)).toBeLessThan(1.5);
    expect(Math.abs(Number(size[2]) - 935.4)).toBeLessThan(1.5);
  }, 180_000);
});
