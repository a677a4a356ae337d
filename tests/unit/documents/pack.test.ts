import { Document, ImageRun, Packer, Paragraph, TextRun } from 'docx';
import JSZip from 'jszip';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { docxCompiler, packDocx } from '../../../electron/core/documents/pack';
import { openDocx } from '../../fixtures/docx';

async function sample() {
  const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 10, g: 120, b: 200 } } })
    .jpeg()
    .toBuffer();
  return new Document({
    sections: [
      {
        children: [
          new Paragraph({ children: [new TextRun('Notulen Rapat — Ruang Joyoboyo, Balai Kota Kediri')] }),
          new Paragraph({
            children: [new ImageRun({ type: 'jpg', data: photo, transformation: { width: 64, height: 48 } })],
          }),
        ],
      },
    ],
  });
}

describe('packing a DOCX', () => {
  it("uses docx's own compiler (a docx upgrade that removes it must be noticed, not silently slower)", () => {
    expect(docxCompiler()).not.toBeNull();
  });

  it('holds the same parts as docx packs them, XML deflated, images stored as they are', async () => {
    const ours = await JSZip.loadAsync(await packDocx(await sample()));
    const theirs = await JSZip.loadAsync(await Packer.toArrayBuffer(await sample()));
    const names = (z: JSZip) => Object.keys(z.files).filter((n) => !z.files[n].dir);
    expect(names(ours)).toEqual(names(theirs));
    // Two builds differ only in the creation time and the drawing ids docx counts up per image.
    const same = (xml: string) =>
      xml.replace(/ id="\d+"/g, ' id=""').replace(/<dcterms:[^>]+>[^<]*<\/dcterms:[^>]+>/g, '');
    for (const name of names(ours)) {
      const [a, b] = await Promise.all([ours.file(name)!.async('string'), theirs.file(name)!.async('string')]);
      expect(same(a), name).toBe(same(b));
    }
    const media = names(ours).filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    // JSZip reports how each entry was written.
    const method = (n: string) =>
      (ours.files[n] as unknown as { _data: { compression: { magic: string } } })._data.compression.magic;
    expect(method(media[0])).toBe('\x00\x00');
    expect(method('word/document.xml')).toBe('\x08\x00');
  });

  it('reads back with mammoth', async () => {
    const doc = await openDocx(await packDocx(await sample()));
    expect(doc.text).toContain('Notulen Rapat — Ruang Joyoboyo, Balai Kota Kediri');
  });
});
