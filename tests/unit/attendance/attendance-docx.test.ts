import { describe, expect, it } from 'vitest';
import {
  attendanceColumnWidths,
  buildAttendanceDocx,
  formatPhone,
  type AttendanceDocData,
  type AttendanceDocSettings,
} from '../../../electron/core/documents/attendance-docx';
import { cmToTwips, PAPER, textWidthTwips } from '../../../electron/core/documents/page';
import { formatLongDate, formatTimeRange } from '../../../shared/format';
import { kediriLetterhead, SAMPLE_PEOPLE } from '../../fixtures/attendance';
import { cellTexts, openDocx, partsWithoutTimestamps, tableRows } from '../../fixtures/docx';
import { signaturePng } from '../../fixtures/png';

const F4: AttendanceDocSettings = { paper: 'F4', fontFamily: 'Arial', fontSizePt: 12 };

function data(overrides: Partial<AttendanceDocData> = {}): AttendanceDocData {
  return {
    letterhead: kediriLetterhead(),
    acara: 'Bimbingan Teknis Gerakan Menuju 100 Smart City Tahap III',
    dateLabel: formatLongDate('2019-08-28'),
    timeLabel: formatTimeRange('09:00', '15:30', 'WIB'),
    venue: 'Ruang Joyoboyo, Balai Kota Kediri',
    // Everyone signed except the fourth person; each signature differs.
    rows: SAMPLE_PEOPLE.map((p, i) => ({
      ...p,
      signature: i === 3 ? null : { data: signaturePng(i + 1), width: 300, height: 100 },
    })),
    blankRows: 4,
    ...overrides,
  };
}

const signed = SAMPLE_PEOPLE.length - 1;
/** The letterhead is a one-row table of its own when there is an emblem. */
const LETTERHEAD_ROWS = 1;

describe('buildAttendanceDocx: what a reader sees', async () => {
  const doc = await openDocx(await buildAttendanceDocx(data(), F4));

  it('has the letterhead, the title and the event block', () => {
    for (const s of [
      'PEMERINTAH KOTA KEDIRI',
      'DINAS KOMUNIKASI DAN INFORMATIKA',
      'Jalan Basuki Rahmat No. 15, Kediri 64123',
      'DAFTAR HADIR',
      'Acara\t:\tBimbingan Teknis Gerakan Menuju 100 Smart City Tahap III',
      'Hari/Tanggal\t:\tRabu, 28 Agustus 2019',
      'Waktu\t:\t09.00–15.30 WIB',
      'Tempat\t:\tRuang Joyoboyo, Balai Kota Kediri',
    ]) {
      expect(doc.text).toContain(s);
    }
  });

  it('has the seven columns in order', () => {
    const header = cellTexts(tableRows(doc.documentXml)[LETTERHEAD_ROWS]);
    expect(header).toEqual(['No', 'Nama', 'NIP', 'Jabatan', 'Instansi/OPD', 'No. HP', 'Tanda Tangan']);
  });

  it('lists every participant with the NIP in its official groups', () => {
    for (const p of SAMPLE_PEOPLE) expect(doc.text).toContain(p.name);
    expect(doc.text).toContain('19850315 201001 2 002');
    expect(doc.text).toContain('0812 3456 7890');
  });

  it('has a row per participant and per blank row, after the header', () => {
    expect(tableRows(doc.documentXml)).toHaveLength(LETTERHEAD_ROWS + 1 + SAMPLE_PEOPLE.length + 4);
    const last = cellTexts(tableRows(doc.documentXml).at(-1)!);
    expect(last[0]).toBe(String(SAMPLE_PEOPLE.length + 4));
    expect(last.slice(1, 6)).toEqual(['', '', '', '', '']);
  });

  it('embeds each signature and the emblem as PNG images', () => {
    expect(doc.media).toHaveLength(signed + 1);
    expect(doc.media.every((m) => m.endsWith('.png'))).toBe(true);
    expect(doc.documentXml.match(/<w:drawing>/g)).toHaveLength(signed + 1);
  });

  it('repeats only the header row on every page, and never splits a row', () => {
    const rows = tableRows(doc.documentXml);
    const headers = rows.filter((r) => r.includes('<w:tblHeader/>'));
    expect(headers).toEqual([rows[LETTERHEAD_ROWS]]);
    const attendance = rows.slice(LETTERHEAD_ROWS);
    expect(attendance.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
  });

  it('puts odd numbers in the left half of the signature column and even numbers in the right', () => {
    const body = tableRows(doc.documentXml).slice(LETTERHEAD_ROWS + 1);
    body.forEach((rowXml, i) => {
      const n = i + 1;
      const [left, right] = cellTexts(rowXml)
        .slice(6)
        .map((t) => t.trim());
      expect(n % 2 === 1 ? [left, right] : [right, left]).toEqual([`${n}.`, '']);
    });
    // A signature sits in the half whose number it is.
    const second = body[1].match(/<w:tc>[\s\S]*?<\/w:tc>/g)!;
    expect(second[6]).not.toContain('<w:drawing>');
    expect(second[7]).toContain('<w:drawing>');
  });

  it('gives unsigned and blank rows a dotted line to sign on', () => {
    const body = tableRows(doc.documentXml).slice(LETTERHEAD_ROWS + 1);
    expect(body[3]).toContain('w:leader="dot"'); // the fourth person did not sign
    expect(body.at(-1)).toContain('w:leader="dot"');
    expect(body[0]).not.toContain('w:leader="dot"');
  });

  it('draws a thick-thin double rule under the letterhead', () => {
    expect(doc.documentXml).toMatch(/<w:bottom w:val="thickThinSmallGap"[^>]*w:sz="24"/);
  });

  it('sets Arial 12 as the document font', () => {
    expect(doc.stylesXml).toMatch(/<w:rFonts w:ascii="Arial"/);
    expect(doc.stylesXml).toMatch(/<w:docDefaults>[\s\S]*<w:sz w:val="24"\/>/);
  });
});

describe('buildAttendanceDocx: paper and layout', () => {
  const pgSz = (xml: string) => xml.match(/<w:pgSz w:w="(\d+)" w:h="(\d+)" w:orient="(\w+)"/)!.slice(1);

  it('prints on F4 (215 × 330 mm) portrait by default', async () => {
    const { documentXml } = await openDocx(await buildAttendanceDocx(data(), F4));
    const [w, h, orient] = pgSz(documentXml);
    expect(Math.abs(Number(w) - (215 / 25.4) * 1440)).toBeLessThanOrEqual(1);
    expect(Math.abs(Number(h) - (330 / 25.4) * 1440)).toBeLessThanOrEqual(1);
    expect([w, h, orient]).toEqual(['12189', '18709', 'portrait']);
  });

  it('prints on A4 when set, and swaps width and height for landscape', async () => {
    const a4 = await openDocx(await buildAttendanceDocx(data(), { ...F4, paper: 'A4' }));
    expect(pgSz(a4.documentXml)).toEqual(['11906', '16838', 'portrait']);
    const wide = await openDocx(await buildAttendanceDocx(data(), { ...F4, orientation: 'landscape' }));
    expect(pgSz(wide.documentXml)).toEqual(['18709', '12189', 'landscape']);
  });

  it('uses the configured margins', async () => {
    const settings = { ...F4, margins: { left: 4, top: 3 } };
    const { documentXml } = await openDocx(await buildAttendanceDocx(data(), settings));
    const pgMar = documentXml.match(/<w:pgMar [^>]*>/)![0];
    expect(pgMar).toContain(`w:left="${cmToTwips(4)}"`);
    expect(pgMar).toContain(`w:top="${cmToTwips(3)}"`);
    expect(pgMar).toContain(`w:right="${cmToTwips(2.5)}"`);
  });

  it('fills exactly the text width with the columns', async () => {
    for (const settings of [F4, { ...F4, paper: 'A4' as const }, { ...F4, orientation: 'landscape' as const }]) {
      const widths = attendanceColumnWidths(settings);
      expect(widths).toHaveLength(8);
      expect(widths.reduce((a, b) => a + b, 0)).toBe(textWidthTwips(settings));
      expect(widths[6]).toBeCloseTo(widths[7], -1); // the two signature halves
    }
    expect(textWidthTwips(F4)).toBe(PAPER.F4.width - cmToTwips(3) - cmToTwips(2.5));
  });

  it('keeps signatures inside their half of the column, beside their number', async () => {
    const { documentXml } = await openDocx(await buildAttendanceDocx(data(), F4));
    const half = attendanceColumnWidths(F4)[6];
    const emuPerTwip = 635;
    const extents = [...documentXml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    const signatures = extents.slice(1); // the first drawing is the emblem
    expect(signatures).toHaveLength(signed);
    // Room for "9. " (about 11 pt) and some slack, so the image stays on the number's line.
    const room = half - 2 * cmToTwips(0.1) - 11 * 20 - 60;
    for (const [cx, cy] of signatures) {
      expect(cx).toBeLessThanOrEqual(room * emuPerTwip);
      expect(cy).toBeLessThanOrEqual(1.2 * 360000 + 1);
      expect(Math.abs(cx / cy - 3)).toBeLessThan(0.1); // aspect kept (pixels are rounded)
    }
  });
});

describe('buildAttendanceDocx: variants', () => {
  it('prints names without signatures for the paper fallback', async () => {
    const doc = await openDocx(await buildAttendanceDocx(data({ blank: true }), F4));
    expect(doc.media).toHaveLength(1); // the emblem only
    for (const p of SAMPLE_PEOPLE) expect(doc.text).toContain(p.name);
    const body = tableRows(doc.documentXml).slice(LETTERHEAD_ROWS + 1);
    expect(body.every((r) => r.includes('w:leader="dot"'))).toBe(true);
  });

  it('works without an emblem and without blank rows', async () => {
    const doc = await openDocx(
      await buildAttendanceDocx(data({ letterhead: kediriLetterhead(false), blankRows: 0 }), F4),
    );
    expect(doc.text).toContain('PEMERINTAH KOTA KEDIRI');
    expect(tableRows(doc.documentXml)).toHaveLength(1 + SAMPLE_PEOPLE.length);
    expect(doc.media).toHaveLength(signed);
  });

  it('prints "-" for a participant without NIP', async () => {
    const doc = await openDocx(await buildAttendanceDocx(data(), F4));
    const yohanes = tableRows(doc.documentXml).find((r) => r.includes('Yohanes Prasetyo'))!;
    expect(cellTexts(yohanes)[2]).toBe('-');
  });

  it('gives the same bytes for the same input, apart from the timestamps', async () => {
    const a = await partsWithoutTimestamps(await buildAttendanceDocx(data(), F4));
    const b = await partsWithoutTimestamps(await buildAttendanceDocx(data(), F4));
    expect(Object.keys(a).length).toBeGreaterThan(5);
    expect(b).toEqual(a);
  });
});

describe('formatPhone', () => {
  it.each([
    ['081234567890', '0812 3456 7890'],
    ['08123456789', '0812 3456 789'],
    ['+6281330001122', '+62 813 3000 1122'],
    ['(0354) 682955', '(0354) 682955'],
    ['', ''],
  ])('%j → %j', (raw, expected) => {
    expect(formatPhone(raw)).toBe(expected);
  });
});

describe('buildAttendanceDocx with text stored before the boundary stripped non-XML characters', () => {
  it('writes only characters XML allows, so Word-compatible readers open it', async () => {
    const dirty = data({
      venue: 'Ruang\uFFFF Joyoboyo',
      rows: [{ ...SAMPLE_PEOPLE[0], name: 'Budi\uFFFF\u0001 Santoso', signature: null }],
    });
    const doc = await openDocx(await buildAttendanceDocx(dirty, F4));
    expect(doc.documentXml).not.toMatch(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
    expect(doc.text).toContain('Budi Santoso');
    expect(doc.text).toContain('Tempat\t:\tRuang Joyoboyo');
  });
});
