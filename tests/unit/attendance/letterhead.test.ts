import { Document, Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { buildLetterhead, fitImage, type LetterheadSettings } from '../../../electron/core/documents/letterhead';
import { kediriLetterhead } from '../../fixtures/attendance';
import { openDocx, tableRows } from '../../fixtures/docx';

async function render(settings: LetterheadSettings) {
  const doc = new Document({ sections: [{ children: buildLetterhead(settings) }] });
  return openDocx(new Uint8Array(await Packer.toArrayBuffer(doc)));
}

/** Font sizes (half-points) of the runs holding `text`. */
function sizesOf(xml: string, text: string): number[] {
  const runs = xml.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];
  return runs.filter((r) => r.includes(`>${text}<`)).map((r) => Number(/<w:sz w:val="(\d+)"/.exec(r)?.[1]));
}

describe('buildLetterhead', () => {
  it('puts the emblem beside bold capitals, address and contacts, over a double rule', async () => {
    const doc = await render(kediriLetterhead());
    expect(tableRows(doc.documentXml)).toHaveLength(1);
    expect(doc.media).toHaveLength(1);
    expect(doc.text).toContain('PEMERINTAH KOTA KEDIRI\n\nDINAS KOMUNIKASI DAN INFORMATIKA');
    expect(doc.text).toContain('Pos-el kominfo@kedirikota.go.id');
    // The agency line is the largest (16 pt, a little less when it would not fit on one line).
    const [agency] = sizesOf(doc.documentXml, 'DINAS KOMUNIKASI DAN INFORMATIKA');
    expect(agency).toBeGreaterThanOrEqual(30);
    expect(agency).toBeLessThanOrEqual(32);
    expect(sizesOf(doc.documentXml, 'PEMERINTAH KOTA KEDIRI')).toEqual([28]); // 14 pt
    expect(doc.documentXml).toContain('w:val="thickThinSmallGap"');
  });

  it('uses at most three lines and skips empty ones', async () => {
    const doc = await render({ ...kediriLetterhead(false), lines: ['Satu', '', 'Dua', 'Tiga', 'Empat'] });
    expect(doc.text).toContain('SATU');
    expect(doc.text).toContain('TIGA');
    expect(doc.text).not.toContain('EMPAT');
  });

  it('shrinks a long agency name to stay on one line, but not below 11 pt', async () => {
    const long = 'Badan Perencanaan Pembangunan Daerah';
    const veryLong = 'Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah';
    const a = await render({ ...kediriLetterhead(), lines: ['Pemerintah Kota Kediri', long] });
    const [size] = sizesOf(a.documentXml, long.toUpperCase());
    expect(size).toBeLessThan(32);
    expect(size).toBeGreaterThan(22);
    const b = await render({ ...kediriLetterhead(), lines: ['Pemerintah Kota Kediri', veryLong] });
    expect(sizesOf(b.documentXml, veryLong.toUpperCase())).toEqual([22]);
  });

  it('is just centred paragraphs without an emblem', async () => {
    const doc = await render(kediriLetterhead(false));
    expect(tableRows(doc.documentXml)).toHaveLength(0);
    expect(doc.media).toHaveLength(0);
    expect(doc.text).toContain('DINAS KOMUNIKASI DAN INFORMATIKA');
  });
});

describe('fitImage', () => {
  const pxPerCm = 96 / 2.54;

  it('fits the box keeping the aspect', () => {
    expect(fitImage({ width: 600, height: 200 }, 3, 1.2)).toEqual({
      width: Math.round(3 * pxPerCm),
      height: Math.round(pxPerCm),
    });
    const tall = fitImage({ width: 100, height: 400 }, 3, 1.2);
    expect(tall.height).toBe(Math.round(1.2 * pxPerCm));
    expect(tall.width).toBe(Math.round((1.2 * pxPerCm) / 4));
  });

  it('gives an image without a known size the whole box', () => {
    expect(fitImage({ width: 0, height: 0 }, 2, 1)).toEqual({
      width: Math.round(2 * pxPerCm),
      height: Math.round(pxPerCm),
    });
  });
});
