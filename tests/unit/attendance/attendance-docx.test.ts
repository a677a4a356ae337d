import { describe, expect, it } from 'vitest';
import {
  attendanceColumns,
  attendanceColumnWidths,
  buildAttendanceDocx,
  formatPhone,
  type AttendanceDocData,
  type AttendanceDocSettings,
} from '../../../electron/core/documents/attendance-docx';
import { estimateTextWidthPt } from '../../../electron/core/documents/metrics';
import { cmToTwips, PAPER, textWidthTwips } from '../../../electron/core/documents/page';
import { cropToInk, decodeRgbaPng, inkBox } from '../../../electron/core/documents/signature-ink';
import { formatLongDate, formatTimeRange } from '../../../shared/format';
import { kediriLetterhead, SAMPLE_PEOPLE } from '../../fixtures/attendance';
import { cellTexts, openDocx, partsWithoutTimestamps, tableRows } from '../../fixtures/docx';
import { makePng, signaturePng } from '../../fixtures/png';

/** A transparent canvas with dark ink filling `box` (none when null). */
function inkOnPad(width: number, height: number, box: { x: number; y: number; width: number; height: number } | null) {
  return makePng(width, height, (x, y) =>
    box && x >= box.x && x < box.x + box.width && y >= box.y && y < box.y + box.height ? [20, 20, 60, 255] : null,
  );
}

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
      remark: i === 3 ? 'Izin' : 'Hadir',
      present: i !== 3,
      signature: i === 3 ? null : { data: signaturePng(i + 1), width: 300, height: 100 },
    })),
    blankRows: 4,
    signatures: {
      place: 'Kediri',
      dateLabel: '28 Agustus 2019',
      chair: {
        role: 'Pimpinan Rapat',
        name: 'Dr. Hj. Endang Kartika Sari, M.Si.',
        rank: 'Pembina Utama Muda (IV/c)',
        nip: '196807171993032008',
      },
    },
    ...overrides,
  };
}

const signed = SAMPLE_PEOPLE.length - 1;
/** The rows of the attendance table: without the letterhead's and the signature block's. */
const attendanceRows = (xml: string) => tableRows(xml).slice(LETTERHEAD_ROWS, -1);
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

  it('has the eight columns in order, Keterangan last', () => {
    const header = cellTexts(tableRows(doc.documentXml)[LETTERHEAD_ROWS]);
    expect(header).toEqual(['No', 'Nama', 'NIP', 'Jabatan', 'Instansi/OPD', 'No. HP', 'Tanda Tangan', 'Keterangan']);
  });

  it("prints each row's Keterangan", () => {
    const body = tableRows(doc.documentXml).slice(LETTERHEAD_ROWS + 1);
    expect(cellTexts(body[0]).at(-1)).toBe('Hadir');
    expect(cellTexts(body[3]).at(-1)).toBe('Izin');
  });

  it('sets the whole table in one type size, header and body alike', () => {
    const table = tableRows(doc.documentXml).slice(LETTERHEAD_ROWS).join('');
    const sizes = new Set([...table.matchAll(/<w:sz w:val="(\d+)"\/>/g)].map((m) => m[1]));
    expect([...sizes]).toEqual(['18']); // 9 pt beside Arial 12
  });

  it('closes with the signature block of the chair', () => {
    for (const s of [
      'Kediri, 28 Agustus 2019',
      'Mengetahui,',
      'Pimpinan Rapat,',
      'Dr. Hj. Endang Kartika Sari, M.Si.',
      'Pembina Utama Muda (IV/c)',
      'NIP. 19680717 199303 2 008',
    ]) {
      expect(doc.text).toContain(s);
    }
    // After the attendance table, in a row that never splits.
    expect(doc.text.indexOf('Mengetahui,')).toBeGreaterThan(doc.text.indexOf(SAMPLE_PEOPLE.at(-1)!.name));
    const block = tableRows(doc.documentXml).at(-1)!;
    expect(block).toContain('Mengetahui,');
    expect(block).toContain('<w:cantSplit/>');
    expect(doc.text).not.toContain('Notulis');
  });

  it('lists every participant with the NIP in its official groups', () => {
    for (const p of SAMPLE_PEOPLE) expect(doc.text).toContain(p.name);
    expect(doc.text).toContain('19850315 201001 2 002');
    expect(doc.text).toContain('0812 3456 7890');
  });

  it('has a row per participant and per blank row, after the header', () => {
    const rows = attendanceRows(doc.documentXml);
    expect(rows).toHaveLength(1 + SAMPLE_PEOPLE.length + 4);
    const last = cellTexts(rows.at(-1)!);
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
    const attendance = attendanceRows(doc.documentXml);
    expect(attendance.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
  });

  it('zig-zags the signature column: odd numbers on the left, even numbers on the right', () => {
    const body = attendanceRows(doc.documentXml).slice(1);
    body.forEach((rowXml, i) => {
      const n = i + 1;
      const cells = rowXml.match(/<w:tc>[\s\S]*?<\/w:tc>/g)!;
      if (rowXml.includes('<w:drawing>')) {
        // A captured signature spans the whole column, aligned to its side.
        const sig = cells[6];
        expect(sig).toContain('<w:gridSpan w:val="2"/>');
        expect(sig).toContain(n % 2 === 1 ? '<w:jc w:val="left"/>' : '<w:jc w:val="right"/>');
        expect(cellTexts(rowXml)[6].trim()).toBe(`${n}.`);
      } else {
        const [left, right] = cellTexts(rowXml)
          .slice(6, 8)
          .map((t) => t.trim());
        expect(n % 2 === 1 ? [left, right] : [right, left]).toEqual([`${n}.`, '']);
      }
    });
  });

  it('gives blank rows a dotted line to sign on, and absent people none', () => {
    const body = attendanceRows(doc.documentXml).slice(1);
    expect(body.at(-1)).toContain('w:leader="dot"');
    expect(body[3]).not.toContain('w:leader="dot"'); // the fourth person has Izin
    expect(body[0]).not.toContain('w:leader="dot"');
    const unsigned = data({ rows: [{ ...SAMPLE_PEOPLE[0], remark: 'Hadir', signature: null }], blankRows: 0 });
    return buildAttendanceDocx(unsigned, F4).then(async (bytes) => {
      const row = attendanceRows((await openDocx(bytes)).documentXml)[1];
      expect(row).toContain('w:leader="dot"'); // present but not signed: a line to sign by hand
    });
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

  it('fills exactly the text width with the columns, with or without the phone column', async () => {
    for (const settings of [F4, { ...F4, paper: 'A4' as const }, { ...F4, orientation: 'landscape' as const }]) {
      for (const phone of [true, false]) {
        const widths = attendanceColumnWidths(settings, phone);
        expect(widths).toHaveLength(phone ? 9 : 8);
        expect(widths.reduce((a, b) => a + b, 0)).toBe(textWidthTwips(settings));
        const sig = attendanceColumns(settings, phone).keys.indexOf('signature');
        expect(widths[sig]).toBeCloseTo(widths[sig + 1], -1); // the two signature halves
      }
    }
    expect(textWidthTwips(F4)).toBe(PAPER.F4.width - cmToTwips(3) - cmToTwips(2.5));
    // Nama is the widest text column; the NIP holds "201001 1 002" on one line at 9 pt.
    const { widths } = attendanceColumns(F4, true);
    expect(widths.name).toBeGreaterThan(Math.max(widths.position, widths.agency, widths.nip));
    expect(widths.nip - 2 * cmToTwips(0.1)).toBeGreaterThanOrEqual(estimateTextWidthPt('201001 1 002', 9) * 20);
  });

  it('crops signatures to their ink and sizes them to the row, about 3 cm wide without the phone column', async () => {
    // A pad-sized canvas (600 × 240) with the ink in a 300 × 100 box in the middle.
    const pad = { data: inkOnPad(600, 240, { x: 150, y: 70, width: 300, height: 100 }), width: 600, height: 240 };
    const rows = [{ ...SAMPLE_PEOPLE[0], remark: 'Hadir', signature: pad }];
    const emuPerCm = 360000;
    const extents = async (phone: boolean) => {
      const { documentXml } = await openDocx(await buildAttendanceDocx(data({ rows, phone, blankRows: 0 }), F4));
      return [...documentXml.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)]
        .map((m) => [Number(m[1]), Number(m[2])])
        .slice(1);
    };
    const [[cx, cy]] = await extents(false);
    // The ink (with a 4 px margin) is what is scaled: its aspect, not the canvas's 2.5 : 1.
    expect(Math.abs(cx / cy - 308 / 108)).toBeLessThan(0.05);
    expect(cx / emuPerCm).toBeGreaterThanOrEqual(2.85);
    // Never taller than the row (1.3 cm), never wider than the column less its number.
    expect(cy / emuPerCm).toBeLessThanOrEqual(1.3);
    expect(cy / emuPerCm).toBeGreaterThan(1.0);
    const column = attendanceColumns(F4, false).widths.signature;
    expect(cx).toBeLessThanOrEqual((column - 2 * cmToTwips(0.1) - 11 * 20) * 635);
    // With the phone column the signature column is narrower, and the signature still fits it.
    const [[px]] = await extents(true);
    expect(px).toBeLessThanOrEqual((attendanceColumns(F4, true).widths.signature - 2 * cmToTwips(0.1) - 11 * 20) * 635);
  });

  it('thickens strokes that the print shrinks, and leaves an ink-less image as it is', () => {
    const img = { data: inkOnPad(600, 240, { x: 20, y: 20, width: 560, height: 2 }), width: 600, height: 240 };
    const cropped = cropToInk(img, 200);
    const decoded = decodeRgbaPng(cropped.data)!;
    const box = inkBox(decoded)!;
    expect(box.height).toBe(4); // a 2 px line, one more pixel above and below
    expect(cropped.width).toBe(560 + 2 * 4 + 0);
    const empty = { data: inkOnPad(60, 20, null), width: 60, height: 20 };
    expect(cropToInk(empty)).toBe(empty);
  });
});

describe('buildAttendanceDocx: variants', () => {
  it('prints names without signatures for the paper fallback', async () => {
    const doc = await openDocx(await buildAttendanceDocx(data({ blank: true }), F4));
    expect(doc.media).toHaveLength(1); // the emblem only
    for (const p of SAMPLE_PEOPLE) expect(doc.text).toContain(p.name);
    const body = attendanceRows(doc.documentXml).slice(1);
    expect(body.every((r) => r.includes('w:leader="dot"'))).toBe(true);
    // Keterangan is left to be written by hand, and rows are tall enough to sign in.
    expect(body.every((r) => cellTexts(r).at(-1) === '')).toBe(true);
    expect(body[0]).toContain(`w:val="${cmToTwips(1.6)}"`);
  });

  it("leaves the phone column out when told (the copy for the minutes' annex)", async () => {
    const doc = await openDocx(await buildAttendanceDocx(data({ phone: false }), F4));
    const header = cellTexts(attendanceRows(doc.documentXml)[0]);
    expect(header).toEqual(['No', 'Nama', 'NIP', 'Jabatan', 'Instansi/OPD', 'Tanda Tangan', 'Keterangan']);
    expect(doc.text).not.toContain('0812 3456 7890');
  });

  it('prints a second signatory level with the chair, and dotted lines for a chair not yet named', async () => {
    const second = {
      role: 'Notulis',
      name: 'Rina Wulandari, S.Kom.',
      rank: 'Penata (III/c)',
      nip: '199001152015032004',
    };
    const doc = await openDocx(
      await buildAttendanceDocx(
        data({
          signatures: {
            place: 'Kediri',
            dateLabel: '28 Agustus 2019',
            chair: { role: 'Pimpinan Rapat', name: '', rank: '', nip: '' },
            second,
          },
        }),
        F4,
      ),
    );
    expect(doc.text).toContain('Notulis,');
    expect(doc.text).toContain('Rina Wulandari, S.Kom.');
    expect(doc.text).toContain('NIP. 19900115 201503 2 004');
    expect(doc.text).toMatch(/\(\.{20,}\)/);
    const cells = tableRows(doc.documentXml)
      .at(-1)!
      .match(/<w:tc>[\s\S]*?<\/w:tc>/g)!;
    expect(cells).toHaveLength(2);
    expect(cells[0]).toContain('Notulis,');
    expect(cells[1]).toContain('Pimpinan Rapat,');
  });

  it('widens a column for a long word, and sets the whole table smaller when the page cannot', async () => {
    const sizes = (xml: string) =>
      new Set(
        [
          ...attendanceRows(xml)
            .join('')
            .matchAll(/<w:sz w:val="(\d+)"\/>/g),
        ].map((m) => m[1]),
      );
    const word = 'Kesejahteraanmasyarakat';
    const long = { ...SAMPLE_PEOPLE[0], agency: `Badan ${word} Daerah`, remark: 'Hadir' };
    const one = await openDocx(await buildAttendanceDocx(data({ rows: [long], blankRows: 1 }), F4));
    expect([...sizes(one.documentXml)]).toEqual(['18']);
    const { widths } = attendanceColumns(F4, true, [long]);
    expect(widths.agency - 2 * cmToTwips(0.1)).toBeGreaterThanOrEqual(estimateTextWidthPt(word, 9) * 20);
    // Long words in every column: no room at 9 pt, so every cell (header too) is smaller, alike.
    const w16 = 'Kesejahteraannya';
    const everywhere = {
      ...long,
      name: `Raden ${w16}`,
      position: `Analis ${w16}`,
      agency: `Dinas ${w16}`,
      remark: `Mewakili ${w16}`,
    };
    const all = await openDocx(await buildAttendanceDocx(data({ rows: [everywhere], blankRows: 1 }), F4));
    const [size, ...others] = [...sizes(all.documentXml)];
    expect(others).toEqual([]);
    expect(Number(size)).toBeLessThan(18);
    const fitted = attendanceColumns(F4, true, [everywhere]);
    for (const k of ['name', 'position', 'agency', 'remark'] as const) {
      expect(fitted.widths[k] - 2 * cmToTwips(0.1)).toBeGreaterThanOrEqual(
        estimateTextWidthPt(w16, fitted.fontPt) * 20,
      );
    }
  });

  it('works without an emblem and without blank rows', async () => {
    const doc = await openDocx(
      await buildAttendanceDocx(data({ letterhead: kediriLetterhead(false), blankRows: 0 }), F4),
    );
    expect(doc.text).toContain('PEMERINTAH KOTA KEDIRI');
    expect(tableRows(doc.documentXml)).toHaveLength(1 + SAMPLE_PEOPLE.length + 1);
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
