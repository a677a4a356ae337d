import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Document, Packer, Paragraph, type Table } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { formDocx } from '../../../electron/core/documents/form-docx';
import {
  DEFAULT_PAGE_SETTINGS,
  documentStyles,
  sectionPage,
  textWidthTwips,
  type PageSettings,
} from '../../../electron/core/documents/page';
import { choiceLabel, FORM_DEFINITIONS, resolvePath, type FormDef, type OutputValues } from '../../../shared/forms';
import { cellTexts, openDocx, tableRows } from '../../fixtures/docx';
import { realisticValues, SAMPLE_AGENCIES, SAMPLE_HASH } from '../../fixtures/form-values';
import { signaturePng } from '../../fixtures/png';

const b = (id: string, en: string) => ({ id, en });

/** A form no shipped code knows: every field kind, a table with user rows and one with fixed rows. */
const TEST_FORM: FormDef = {
  id: 'uji-lampiran',
  title: b('Lembar Uji Lampiran', 'Annex trial sheet'),
  instructions: b('Isi.', 'Fill in.'),
  fields: [
    { key: 'judul', kind: 'text', label: b('Judul kegiatan', 'Activity title') },
    {
      key: 'skor',
      kind: 'rating',
      label: b('Skor kematangan', 'Maturity'),
      anchors: [b('Rendah', 'Low'), b('Tinggi', 'High')],
    },
    { key: 'biaya', kind: 'number', label: b('Perkiraan biaya', 'Cost'), unit: b('juta rupiah', 'million rupiah') },
    { key: 'tahun', kind: 'year', label: b('Tahun target', 'Target year') },
    { key: 'gagasan', kind: 'list', label: b('Gagasan utama', 'Main ideas') },
    {
      key: 'langkah',
      kind: 'table',
      label: b('Langkah kerja', 'Work steps'),
      rowLabel: b('Langkah', 'Step'),
      columns: [
        { key: 'apa', kind: 'longText', label: b('Uraian langkah', 'Step') },
        { key: 'opd', kind: 'choice', source: 'agency', label: b('OPD pelaksana', 'Agency') },
        { key: 'kapan', kind: 'choice', source: 'horizon', label: b('Jangka waktu', 'Horizon') },
        { key: 'paraf', kind: 'signature', label: b('Paraf', 'Initials') },
      ],
    },
    {
      key: 'pilar',
      kind: 'table',
      label: b('Pilar uji', 'Trial pillars'),
      rows: [
        { key: 'satu', group: b('Kelompok Alfa', 'Group A'), label: b('Pilar satu', 'Pillar one') },
        { key: 'dua', group: b('Kelompok Beta', 'Group B'), label: b('Pilar dua', 'Pillar two') },
      ],
      columns: [{ key: 'catatan', kind: 'text', label: b('Catatan pilar', 'Pillar note') }],
    },
  ],
};

const OTHER_HASH = 'b'.repeat(64);
const TEST_VALUES: OutputValues = {
  judul: 'Sapa Warga Kelurahan',
  skor: 2,
  biaya: 12.5,
  tahun: 2027,
  gagasan: ['Antrean daring di puskesmas', 'Forum data antar-OPD'],
  'langkah/#rows': ['step-one', 'step-two'],
  'langkah/step-one/apa': 'Rapat koordinasi Badan Perencanaan Pembangunan Daerah',
  'langkah/step-one/opd': 'Badan Perencanaan Pembangunan Daerah',
  'langkah/step-one/kapan': 'pendek',
  'langkah/step-one/paraf': SAMPLE_HASH,
  'langkah/step-two/apa': 'Uji coba layanan',
  'langkah/step-two/paraf': OTHER_HASH,
  'pilar/satu/catatan': 'Perwali sudah terbit',
  'pilar/dua/catatan': 'Belum ada anggaran',
};

async function build(blocks: (Paragraph | Table)[], settings: PageSettings = DEFAULT_PAGE_SETTINGS) {
  const doc = new Document({
    styles: documentStyles(settings),
    sections: [{ properties: { page: sectionPage(settings) }, children: blocks }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}

const WIDTH = textWidthTwips(DEFAULT_PAGE_SETTINGS);

/** The widths of every table grid in the document. */
const gridWidths = (xml: string) =>
  (xml.match(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/g) ?? []).map((g) =>
    (g.match(/w:w="(\d+)"/g) ?? []).reduce((sum, m) => sum + Number(m.slice(5, -1)), 0),
  );

describe('formDocx', () => {
  it('a form defined here: title, labels and values, repeating headers, rows that do not split, widths that fit', async () => {
    const signature = (hash: string) => (hash === SAMPLE_HASH ? Buffer.from(signaturePng(3)) : null);
    const bytes = await build(formDocx(TEST_FORM, TEST_VALUES, { language: 'id', widthTwips: WIDTH, signature }));
    const { text, documentXml, media } = await openDocx(bytes);
    for (const s of [
      'Lembar Uji Lampiran',
      'Judul kegiatan',
      'Sapa Warga Kelurahan',
      'Skor kematangan',
      '2 – Tinggi',
      '12,5 juta rupiah',
      '2027',
      'Gagasan utama',
      'Antrean daring di puskesmas',
      'Langkah kerja',
      'Uraian langkah',
      'Rapat koordinasi Badan Perencanaan Pembangunan Daerah',
      'Jangka pendek (1 tahun)',
      'Kelompok Alfa',
      'Kelompok Beta',
      'Pilar dua',
      'Belum ada anggaran',
    ])
      expect(text).toContain(s);
    // Lists are numbered lines.
    expect(text).toMatch(/1\.\s+Antrean daring di puskesmas\s+2\.\s+Forum data antar-OPD/);
    // The last item keeps the one before it: it never stands alone at the top of a page.
    const item = (t: string) => new RegExp(`<w:p>(?:(?!</w:p>)[\\s\\S])*?${t}`).exec(documentXml)![0];
    expect(item('1.\tAntrean daring')).toContain('<w:keepNext/>');
    expect(item('2.\tForum data')).not.toContain('<w:keepNext/>');

    const rows = tableRows(documentXml);
    const header = rows.find((r) => cellTexts(r).join('|') === 'No|Uraian langkah|OPD pelaksana|Jangka waktu|Paraf')!;
    expect(header).toContain('<w:tblHeader/>');
    const fixedHeader = rows.find((r) => cellTexts(r).join('|') === 'Pilar uji|Catatan pilar')!;
    expect(fixedHeader).toContain('<w:tblHeader/>');
    for (const r of rows) expect(r).toContain('<w:cantSplit/>');
    expect(rows.find((r) => cellTexts(r)[0] === 'Kelompok Alfa')).toMatch(/w:gridSpan w:val="2"/);

    // One signature drawn (its PNG was there), the other marked.
    expect(media).toHaveLength(1);
    expect(rows.find((r) => cellTexts(r)[0] === '2')!).toContain('✓ ditandatangani');

    // Every table exactly the text width; one type size in every table.
    expect(gridWidths(documentXml).length).toBe(3);
    for (const w of gridWidths(documentXml)) expect(w).toBe(WIDTH);
    const tableSizes = new Set(
      (documentXml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []).flatMap((t) => t.match(/<w:sz w:val="\d+"\/>/g) ?? []),
    );
    expect(tableSizes.size).toBe(1);
  });

  it('English labels when asked', async () => {
    const { text } = await openDocx(
      await build(formDocx(TEST_FORM, TEST_VALUES, { language: 'en', widthTwips: WIDTH })),
    );
    expect(text).toContain('Annex trial sheet');
    expect(text).toContain('Short term (1 year)');
    expect(text).toContain('✓ signed');
  });

  it('an empty table and list say "belum diisi"', async () => {
    const { text } = await openDocx(await build(formDocx(TEST_FORM, {}, { language: 'id', widthTwips: WIDTH })));
    expect(text.match(/belum diisi/g)).toHaveLength(2);
  });

  it.each(FORM_DEFINITIONS.map((f) => [f.id, f] as const))(
    'the shipped form %s: every label and value in the DOCX, headers repeat, tables fit',
    async (_id, form) => {
      const values = realisticValues(form);
      const bytes = await build(
        formDocx(form, values, { language: 'id', agencies: SAMPLE_AGENCIES, widthTwips: WIDTH, signature: () => null }),
      );
      const { text, documentXml } = await openDocx(bytes);
      const flat = text.replace(/\s+/g, ' ');
      expect(flat).toContain(form.title.id);
      for (const f of form.fields) {
        expect(flat).toContain(f.label.id);
        if (f.kind === 'table') for (const c of f.columns) expect(flat).toContain(c.label.id);
      }
      for (const [p, v] of Object.entries(values)) {
        const at = resolvePath(form, p);
        if (!at || at.kind === 'order') continue;
        const field = at.kind === 'field' ? at.field : at.column;
        if (field.kind === 'signature') expect(flat).toContain('✓ ditandatangani');
        else if (field.kind === 'choice' && typeof v === 'string') expect(flat).toContain(choiceLabel(field, v, 'id'));
        else if (Array.isArray(v)) for (const item of v) expect(flat).toContain(item);
        else if (typeof v === 'number') expect(flat).toContain(String(v).replace('.', ','));
        else if (typeof v === 'string' && v !== '') expect(flat).toContain(v);
      }
      for (const w of gridWidths(documentXml)) expect(w).toBe(WIDTH);
      const headers = tableRows(documentXml).filter((r) => r.includes('<w:tblHeader/>'));
      expect(headers.length).toBe(form.fields.filter((f) => f.kind === 'table').length);
    },
  );
});

// The annex in a real office suite: LibreOffice lays the SWOT, the issue analysis, the action plan
// and the readiness analysis out on F4; the PDF's text is read back (every word whole, header rows
// repeated) and the pages become PNGs in BIMTEK_FORMS_PNG_DIR when it is set, for a person to see.
const soffice = ['soffice', 'libreoffice'].find((c) => spawnSync('which', [c]).status === 0);
const poppler = ['pdftotext', 'pdftoppm', 'pdfinfo'].every((c) => spawnSync('which', [c]).status === 0);
const skipReason = !soffice
  ? 'LibreOffice (soffice) is not installed'
  : !poppler
    ? 'poppler-utils are not installed'
    : '';
if (skipReason) console.warn(`[skipped] LibreOffice rendering of output forms: ${skipReason}`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bimtek-lo-forms-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!!skipReason)('output forms rendered by LibreOffice', () => {
  it('SWOT, Analisis Isu, Rencana Aksi and Analisis Kesiapan: on the page, words whole, headers repeated', async () => {
    const ids = ['swot', 'issue-analysis', 'action-plan', 'readiness'];
    const forms = ids.map((id) => FORM_DEFINITIONS.find((f) => f.id === id)!);
    let imageIdBase = 5000;
    const blocks = forms.flatMap((form) => {
      const out = formDocx(form, realisticValues(form), { language: 'id', widthTwips: WIDTH, imageIdBase });
      imageIdBase += 100;
      return out;
    });
    // And a table of 40 steps, which runs over pages.
    const steps = Array.from({ length: 40 }, (_, i) => `s${String(i + 1).padStart(3, '0')}`);
    const longTable: OutputValues = {
      'langkah/#rows': steps,
      ...Object.fromEntries(
        steps.map((id, i) => [
          `langkah/${id}/apa`,
          `Langkah nomor ${i + 1}: sosialisasi layanan kepada warga kelurahan`,
        ]),
      ),
    };
    blocks.push(...formDocx(TEST_FORM, longTable, { language: 'id', widthTwips: WIDTH }));
    const docx = path.join(dir, 'lampiran.docx');
    fs.writeFileSync(docx, await build(blocks));
    execFileSync(
      soffice!,
      ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'pdf', '--outdir', dir, docx],
      { timeout: 120_000, stdio: 'ignore' },
    );
    const pdf = path.join(dir, 'lampiran.pdf');
    const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
      .split('\f')
      .filter((p) => p.trim());
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(dir, 'lampiran')]);
    const keep = process.env.BIMTEK_FORMS_PNG_DIR;
    if (keep)
      for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.png')))
        fs.copyFileSync(path.join(dir, f), path.join(keep, f));
    const all = pages.join('\n');
    for (const form of forms) expect(all).toContain(form.title.id);
    // Every word of every value is printed whole (a word broken over two lines would be missing);
    // a line may end after a dash ("6–" / "10 tahun"), as typesetting allows.
    const byWords = (t: string) => t.split(/\s+|(?<=–)/).filter(Boolean);
    const printed = new Set(byWords(all));
    for (const form of forms)
      for (const [p, v] of Object.entries(realisticValues(form))) {
        const at = resolvePath(form, p);
        if (!at || at.kind === 'order') continue;
        const field = at.kind === 'field' ? at.field : at.column;
        const shown =
          field.kind === 'choice' && typeof v === 'string'
            ? choiceLabel(field, v, 'id')
            : Array.isArray(v)
              ? v.join(' ')
              : typeof v === 'number'
                ? String(v).replace('.', ',')
                : String(v ?? '');
        for (const word of byWords(shown)) expect(printed, `${p}: "${word}"`).toContain(word);
      }
    // A table that runs onto another page starts it with its header row again.
    const stepPages = pages.filter((p) => /Langkah nomor \d+/.test(p));
    expect(stepPages.length).toBeGreaterThanOrEqual(2);
    for (const page of stepPages) {
      const header = page.search(/No\s+Uraian langkah/);
      expect(header).toBeGreaterThanOrEqual(0);
      expect(page.search(/Langkah nomor \d+/)).toBeGreaterThan(header);
    }
    for (let i = 1; i <= 40; i++) expect(all).toContain(`Langkah nomor ${i}:`);
    expect(pages.length).toBeGreaterThanOrEqual(2);
  }, 180_000);
});
