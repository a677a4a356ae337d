import { describe, expect, it, vi } from 'vitest';
import { buildMinutesDocx } from '../../../electron/core/documents/minutes-docx';
import { DEFAULT_PAGE_SETTINGS } from '../../../electron/core/documents/page';
import { groupOutputsBody } from '../../../electron/core/documents/group-outputs-docx';
import * as ink from '../../../electron/core/documents/signature-ink';
import { openDocx, tableRows } from '../../fixtures/docx';
import { commitmentDrawings, kediriMinutesData } from '../../fixtures/minutes';

// cropToInk counted, not replaced: the crops are the real ones.
vi.mock('../../../electron/core/documents/signature-ink', async (original) => {
  const real = await original<typeof import('../../../electron/core/documents/signature-ink')>();
  return { ...real, cropToInk: vi.fn(real.cropToInk) };
});

/**
 * The minutes of a large workshop hold tens of thousands of table cells; every property written on
 * each costs build time (the 1.5 s budget). Word's defaults are therefore left out of the cells,
 * and a drawing used on many rows is cropped once.
 */
describe('lean DOCX tables', () => {
  it('writes no default-valued property on the cells of the daftar hadir, forms and follow-ups', async () => {
    const data = await kediriMinutesData({ attendees: 30, groups: 2, outputsPerGroup: 3, actions: 20, photos: 0 });
    const { documentXml } = await openDocx(await buildMinutesDocx(data, DEFAULT_PAGE_SETTINGS));
    // The tables after the letterhead's (the first).
    const rows = tableRows(documentXml.slice(documentXml.indexOf('</w:tbl>'))).join('\n');
    expect(rows).toContain('Peserta Nomor'); // the daftar hadir is there
    expect(rows).not.toContain('<w:keepNext w:val="false"/>');
    expect(rows).not.toContain('<w:b w:val="false"/>');
    expect(rows).not.toContain('<w:vAlign w:val="top"/>');
    // Left alignment is written only where it says something: the odd signatures' side.
    const lefts = rows.match(/<w:jc w:val="left"\/>/g) ?? [];
    const drawings = rows.match(/name="Tanda tangan \d+"/g) ?? [];
    expect(lefts.length).toBeLessThanOrEqual(drawings.length);
    // The follow-up and quick win tables pad their cells once, for the table.
    expect(rows).not.toContain('<w:tcMar>');
  });

  it('crops a drawing used on many commitment rows once, not once per row', async () => {
    const data = await kediriMinutesData({ attendees: 0, groups: 3, outputsPerGroup: 4, actions: 0, photos: 0 });
    const rowsSigned = commitmentDrawings(data);
    expect(rowsSigned).toBeGreaterThan(3);
    const crop = vi.mocked(ink.cropToInk);
    crop.mockClear();
    const blocks = groupOutputsBody(data.annexes.groupOutputs, DEFAULT_PAGE_SETTINGS);
    expect(blocks.length).toBeGreaterThan(0);
    // One drawing (every row holds the same sample), at one print width.
    expect(crop).toHaveBeenCalledTimes(1);
    // …and every signed row still carries it.
    const { documentXml } = await openDocx(await buildMinutesDocx(data, DEFAULT_PAGE_SETTINGS));
    expect(documentXml.match(/<w:drawing>/g)?.length ?? 0).toBeGreaterThanOrEqual(rowsSigned);
  });
});
