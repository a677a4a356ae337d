import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestBackend } from '../../fixtures/backend';
import { engagementInput, workshopInput } from '../../fixtures/inputs';

// Proof that the DAFTAR TINDAK LANJUT opens and lays out in a real office suite: LibreOffice turns
// it into a PDF whose text is read back page by page (pages kept as PNG when
// BIMTEK_ACTIONS_PNG_DIR is set, for a person to look at).
const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync('which', [c]).status === 0);
const poppler = ['pdftotext', 'pdftoppm'].every((c) => spawnSync('which', [c]).status === 0);
const skipReason = !soffice ? 'LibreOffice (soffice) is not installed' : !poppler ? 'poppler-utils missing' : '';
if (skipReason) console.warn(`[skipped] LibreOffice rendering of the action items: ${skipReason}`);

const t = useTestBackend('bimtek-actions-lo-');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bimtek-lo-actions-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!!skipReason)('daftar tindak lanjut rendered by LibreOffice', () => {
  it('40 items over several pages: the header row on every page, every item once, id-ID dates', async () => {
    const { ok } = t;
    const e = await ok('engagements.create', engagementInput());
    await ok('engagements.update', {
      id: e.id,
      patch: {
        letterhead: {
          lines: ['PEMERINTAH KOTA KEDIRI', 'DINAS KOMUNIKASI DAN INFORMATIKA'],
          address: '',
          contacts: '',
        },
      },
    });
    const w = await ok('workshops.create', { ...workshopInput(e.id), template: 'tahap-3' });
    for (let i = 1; i <= 40; i++) {
      t.clock.clock = `2019-08-28T03:${String(i).padStart(2, '0')}:00.000Z`;
      await ok('actions.create', {
        engagementId: e.id,
        workshopId: w.id,
        title: `Tindak lanjut ${i}: menyusun dokumen pendukung program layanan publik terpadu`,
        kind: 'sop',
        agency: 'Dinas Komunikasi dan Informatika',
        dueDate: '2020-02-28',
      });
    }
    const file = await ok('actions.export', { engagementId: e.id, format: 'docx' });
    const docx = path.join(dir, 'tindak-lanjut.docx');
    fs.writeFileSync(docx, Buffer.from(file.data as string, 'base64'));
    execFileSync(
      soffice!,
      ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, docx],
      { timeout: 120_000, stdio: 'ignore' },
    );
    const pdf = path.join(dir, 'tindak-lanjut.pdf');
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim());
    expect(pages.length).toBeGreaterThan(1);
    expect(pages[0]).toContain('DAFTAR TINDAK LANJUT');
    for (const p of pages) expect(p).toMatch(/No\s+Tindak lanjut\s+Penanggung jawab/);
    const all = pages.join('\n');
    for (let i = 1; i <= 40; i++) expect(all.match(new RegExp(`Tindak lanjut ${i}:`, 'g'))).toHaveLength(1);
    expect(all).toContain('28 Februari 2020');
    const keep = process.env.BIMTEK_ACTIONS_PNG_DIR;
    if (keep) {
      fs.mkdirSync(keep, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(keep, 'tindak-lanjut')]);
    }
  }, 180_000);
});
