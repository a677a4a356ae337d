import { describe, expect, it } from 'vitest';
import {
  choiceLabel,
  FORM_DEFINITIONS,
  resolvePath,
  ROW_ORDER,
  type FormDef,
  type OutputValues,
} from '../../../shared/forms';
import { CELL_SEPARATOR, presentPages, type PresentBlock, type PresentPage } from '../../../shared/forms/present';
import { realisticValues, SAMPLE_HASH } from '../../fixtures/form-values';

const b = (id: string, en: string) => ({ id, en });

/** A form no shipped code knows. */
const TEST_FORM: FormDef = {
  id: 'uji-pleno',
  title: b('Lembar Uji Pleno', 'Plenary trial sheet'),
  instructions: b('Paparkan hasil diskusi.', 'Present the discussion.'),
  fields: [
    { key: 'topik', kind: 'text', label: b('Topik', 'Topic') },
    { key: 'usulan', kind: 'list', label: b('Usulan kegiatan', 'Proposed activities') },
    { key: 'uraian', kind: 'longText', label: b('Uraian', 'Description') },
    {
      key: 'tabel',
      kind: 'table',
      label: b('Rincian', 'Details'),
      rowLabel: b('Rincian', 'Detail'),
      columns: [
        { key: 'nama', kind: 'text', label: b('Nama', 'Name') },
        { key: 'skor', kind: 'rating', label: b('Skor', 'Score'), anchors: [b('Rendah', 'Low'), b('Tinggi', 'High')] },
        { key: 'biaya', kind: 'number', label: b('Biaya', 'Cost'), unit: b('juta rupiah', 'million rupiah') },
        { key: 'catatan', kind: 'longText', label: b('Catatan', 'Notes') },
        { key: 'ttd', kind: 'signature', label: b('Tanda tangan', 'Signature') },
      ],
    },
  ],
};

/** Every piece of text on the pages, block by block. */
function texts(pages: PresentPage[]): string[] {
  const out: string[] = [];
  const of = (x: PresentBlock) => {
    switch (x.kind) {
      case 'row':
        out.push(x.title, ...x.lines.flat().map((c) => `${c.label}: ${c.value}`));
        break;
      case 'pair':
        out.push(`${x.label}: ${x.value}`);
        break;
      default:
        out.push(x.text);
    }
  };
  pages.forEach((p) => p.blocks.forEach(of));
  return out;
}

const items = Array.from({ length: 30 }, (_, i) => `Usulan nomor ${i + 1}: layanan terpadu di kelurahan ${i + 1}`);
const longText = Array.from({ length: 60 }, (_, i) => `kalimat${i + 1}`).join(' ');
const rowIds = Array.from({ length: 8 }, (_, i) => `row-${i + 1}`);
const LONG: OutputValues = {
  topik: 'Pelayanan publik digital',
  usulan: items,
  uraian: longText,
  [`tabel/${ROW_ORDER}`]: rowIds,
  ...Object.fromEntries(
    rowIds.flatMap((id, i) => [
      [`tabel/${id}/nama`, `Kegiatan ${i + 1}`],
      [`tabel/${id}/skor`, 2],
      [`tabel/${id}/biaya`, 12.5],
      [`tabel/${id}/catatan`, i === 0 ? longText : ''],
      [`tabel/${id}/ttd`, i % 2 ? SAMPLE_HASH : null],
    ]),
  ),
};

describe('presentPages', () => {
  it('pages a long list and table: several pages, none over its lines, numbered items in order', () => {
    const pages = presentPages(TEST_FORM, LONG, 'id', 12, 60);
    expect(pages.length).toBeGreaterThan(3);
    const numbers = pages.flatMap((p) => p.blocks.filter((x) => x.kind === 'item').map((x) => (x as { n: number }).n));
    expect(numbers).toEqual(items.map((_, i) => i + 1));
    // A list that runs over repeats its heading on the next page.
    const second = pages.findIndex((p) =>
      p.blocks.some((x) => x.kind === 'item' && x.n > 1 && p.blocks[0].kind === 'heading'),
    );
    expect(pages[second].blocks[0]).toMatchObject({
      kind: 'heading',
      text: 'Usulan kegiatan (lanjutan)',
      continued: true,
    });
    // No page ends on a heading that is not followed by what it heads.
    for (const p of pages) expect(p.blocks.at(-1)!.kind).not.toBe('heading');
  });

  it('loses nothing: every item, every word of long texts and every cell appears once', () => {
    const pages = presentPages(TEST_FORM, LONG, 'id', 10, 50);
    const all = texts(pages).join('\n');
    for (const item of items) expect(all.split(item).length - 1).toBe(1);
    // The long text is split over pages without losing or repeating a word.
    const words = all.match(/kalimat\d+/g)!;
    expect(words).toEqual([...longText.split(' '), ...longText.split(' ')]);
    for (let i = 1; i <= 8; i++) expect(all).toContain(`Nama: Kegiatan ${i}`);
    expect(all.match(/Skor: 2 – Tinggi/g)).toHaveLength(8);
    expect(all.match(/Biaya: 12,5 juta rupiah/g)).toHaveLength(8);
    // Signatures as a mark, never the stored hash.
    expect(all.match(/Tanda tangan: ✓ ditandatangani/g)).toHaveLength(4);
    expect(all).not.toContain(SAMPLE_HASH);
  });

  it('short cells share a line, long ones have their own', () => {
    const [row] = presentPages(TEST_FORM, LONG, 'id', 100, 80)
      .flatMap((p) => p.blocks)
      .filter((x) => x.kind === 'row' && x.title === 'Rincian 2') as Extract<PresentBlock, { kind: 'row' }>[];
    expect(row.lines.map((l) => l.map((c) => `${c.label}: ${c.value}`).join(CELL_SEPARATOR))).toEqual([
      'Nama: Kegiatan 2 · Skor: 2 – Tinggi · Biaya: 12,5 juta rupiah',
      'Tanda tangan: ✓ ditandatangani',
    ]);
  });

  it('an empty form is one page saying "belum diisi"', () => {
    const pages = presentPages(TEST_FORM, {}, 'id');
    expect(pages).toHaveLength(1);
    expect(pages[0].blocks.at(-1)).toEqual({ kind: 'empty', text: 'belum diisi' });
    expect(presentPages(TEST_FORM, { topik: '  ', usulan: [''] }, 'en')[0].blocks.at(-1)).toEqual({
      kind: 'empty',
      text: 'not filled in yet',
    });
  });

  it.each(FORM_DEFINITIONS.map((f) => [f.id, f] as const))(
    'the shipped form %s: every filled value is shown',
    (_id, form) => {
      const values = realisticValues(form);
      const pages = presentPages(form, values, 'id', 11, 60);
      const all = texts(pages).join('\n');
      expect(all).toContain(form.instructions.id);
      for (const f of form.fields) {
        if (f.kind === 'table') {
          expect(all).toContain(f.label.id);
          continue;
        }
        const v = values[f.key];
        if (Array.isArray(v)) for (const item of v) expect(all).toContain(item);
        else if (typeof v === 'string' && f.kind !== 'choice' && v)
          expect(all.replace(/\s+/g, ' ')).toContain(v.replace(/\s+/g, ' '));
      }
      // Table text values: every word is there (long ones may be split over pages).
      const words = new Set(all.split(/\s+/));
      for (const [path, v] of Object.entries(values)) {
        const at = resolvePath(form, path);
        if (at?.kind !== 'cell' || typeof v !== 'string' || at.column.kind === 'signature') continue;
        const shown = at.column.kind === 'choice' ? choiceLabel(at.column, v, 'id') : v;
        for (const w of shown.split(/\s+/).filter(Boolean)) expect(words, `${path}: ${w}`).toContain(w);
      }
      expect(pages.length).toBeGreaterThanOrEqual(1);
    },
  );

  it('the readiness pillars keep their groups, repeated when a group runs onto a new page', () => {
    const form = FORM_DEFINITIONS.find((f) => f.id === 'readiness')!;
    const pages = presentPages(form, realisticValues(form), 'id', 10, 50);
    const groups = pages.flatMap((p) =>
      p.blocks.filter((x) => x.kind === 'group').map((x) => (x as { text: string }).text),
    );
    expect(new Set(groups)).toEqual(new Set(['Struktur', 'Infrastruktur', 'Suprastruktur']));
    for (const p of pages.slice(1)) {
      const firstRow = p.blocks.findIndex((x) => x.kind === 'row');
      if (firstRow > 0) expect(p.blocks.slice(0, firstRow).some((x) => x.kind === 'group')).toBe(true);
    }
    expect(texts(pages).join('\n')).toContain('Nilai: 3 – Berjalan sebagian');
  });
});
