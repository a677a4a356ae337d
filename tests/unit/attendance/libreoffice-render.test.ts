import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildAttendanceDocx,
  formatPhone,
  type AttendanceDocRow,
} from '../../../electron/core/documents/attendance-docx';
import { formatNip } from '../../../shared/nip';
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

/** Long real-world names, positions and agencies: the words a narrow column would break. */
const LONG_PEOPLE: AttendanceDocRow[] = [
  {
    name: 'Prof. Dr. Ir. Sulistyaningsih Purwaningrum, M.Sc.',
    nip: '197204182000032005',
    position: 'Pranata Komputer Ahli Pertama',
    agency: 'Badan Perencanaan Pembangunan Daerah',
    phone: '081331234567',
  },
  {
    name: 'Raden Mas Bagus Hadiningrat Kusumawardhana, S.T., M.Kom.',
    nip: '198311052009011004',
    position: 'Kepala Sub Bagian Perencanaan dan Pelaporan',
    agency: 'Dinas Kependudukan dan Pencatatan Sipil',
    phone: '085735551234',
  },
  {
    name: 'Muhammad Fachrurrozi Abdurrahman',
    nip: '199002142015031002',
    position: 'Analis Kebijakan Ahli Muda',
    agency: 'Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana',
    phone: '+6281330001122',
  },
];

/** How many times `word` occurs in `text`. */
const occurrences = (text: string, word: string) => text.split(word).length - 1;

async function render(name: string, bytes: Uint8Array): Promise<{ pages: string[]; pdf: string }> {
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
  return { pages, pdf };
}

describe.skipIf(!!skipReason)('daftar hadir rendered by LibreOffice', () => {
  it('opens, repeats the header with Keterangan on every page, keeps every row, words whole, and closes with the signature block', async () => {
    const remarks = ['Hadir', 'Diwakili oleh Ir. Bambang Setiawan, M.T.', 'Sakit'];
    const people: AttendanceDocRow[] = [
      ...LONG_PEOPLE.map((p, i) => ({ ...p, remark: remarks[i], present: i === 0 })),
      ...SAMPLE_PEOPLE.map((p, i) => ({
        ...p,
        remark: i === 2 ? 'Mewakili Raden Mas Bagus Hadiningrat Kusumawardhana, S.T., M.Kom.' : 'Hadir',
      })),
      ...generatedPeople(40).map((p) => ({ ...p, remark: 'Hadir' })),
    ];
    const rows = people.map((p, i) => ({
      ...p,
      signature: p.present === false ? null : { data: signaturePng(i + 1), width: 300, height: 100 },
    }));
    const { pages, pdf } = await render(
      'daftar-hadir',
      await buildAttendanceDocx(
        {
          letterhead: kediriLetterhead(),
          acara: 'Bimtek Tahap III Penyusunan Masterplan Smart City Kota Kediri',
          dateLabel: 'Rabu, 28 Agustus 2019',
          timeLabel: '09.00–15.30 WIB',
          venue: 'Ruang Joyoboyo, Balai Kota Kediri',
          rows,
          blankRows: 5,
          signatures: {
            place: 'Kediri',
            dateLabel: '28 Agustus 2019',
            chair: {
              role: 'Pimpinan Rapat',
              name: 'Dr. Hj. Endang Kartika Sari, M.Si.',
              rank: 'Pembina Utama Muda (IV/c)',
              nip: '196807171993032008',
            },
            second: {
              role: 'Notulis',
              name: 'Rina Wulandari, S.Kom.',
              rank: 'Penata (III/c)',
              nip: '199001152015032004',
            },
          },
        },
        { paper: 'F4', fontFamily: 'Arial', fontSizePt: 12 },
      ),
    );
    // BIMTEK_KEEP_RENDER=<file.pdf> keeps the rendering, to look at its pages.
    if (process.env.BIMTEK_KEEP_RENDER) fs.copyFileSync(pdf, process.env.BIMTEK_KEEP_RENDER);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    // Every page with rows of the table (numbered lines) repeats the header; the signature block
    // may stand on a page of its own (LibreOffice does not keep table rows with what follows).
    const tablePages = pages.filter((p) => /^\s*\d+\s/m.test(p));
    expect(tablePages.length).toBeGreaterThanOrEqual(2);
    for (const page of tablePages) {
      expect(page).toContain('Tanda Tangan');
      expect(page).toContain('Keterangan');
    }
    const all = pages.join('\n');
    expect(all).toContain('DAFTAR HADIR');
    expect(all).toContain('PEMERINTAH KOTA KEDIRI');
    expect(all).toContain('Rabu, 28 Agustus 2019');
    // The first and last people, and the blank rows after them, are all printed.
    const n = people.length;
    for (const k of [1, 2, n - 1, n, n + 1, n + 5]) expect(all).toMatch(new RegExp(`^\\s*${k}\\s`, 'm'));
    expect(all).not.toMatch(new RegExp(`^\\s*${n + 6}\\s`, 'm'));
    expect(all).toMatch(/Peserta\s+Nomor\s+40,/);
    for (const r of ['Izin', 'Sakit', 'Diwakili', 'Mewakili']) if (r !== 'Izin') expect(all).toContain(r);

    // No word of any cell is split across lines (nor hyphenated): each occurs whole at least as
    // often as the table holds it.
    const words = new Map<string, number>();
    for (const p of people) {
      const cells = [p.name, formatNip(p.nip ?? ''), p.position, p.agency, formatPhone(p.phone ?? ''), p.remark];
      for (const w of cells.join(' ').split(/\s+/)) if (w.length >= 4) words.set(w, (words.get(w) ?? 0) + 1);
    }
    const broken = [...words].filter(([w, count]) => occurrences(all, w) < count).map(([w]) => w);
    expect(broken).toEqual([]);

    // The signature block closes the list, on its last page, after the blank rows.
    const last = pages.at(-1)!;
    for (const s of [
      'Kediri, 28 Agustus 2019',
      'Mengetahui,',
      'Pimpinan Rapat,',
      'Notulis,',
      'Dr. Hj. Endang Kartika Sari, M.Si.',
      'Pembina Utama Muda (IV/c)',
      'NIP. 19680717 199303 2 008',
      'Rina Wulandari, S.Kom.',
      'NIP. 19900115 201503 2 004',
    ]) {
      expect(last).toContain(s);
    }
    expect(last.indexOf('Mengetahui,')).toBeGreaterThan(last.search(new RegExp(`^\\s*${n + 5}\\s`, 'm')));

    // F4 paper: 215 × 330 mm = 609.4 × 935.4 pt (LibreOffice rounds to within half a millimetre).
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
    expect(Math.abs(Number(size[1]) - 609.4)).toBeLessThan(1.5);
    expect(Math.abs(Number(size[2]) - 935.4)).toBeLessThan(1.5);
  }, 180_000);
});
