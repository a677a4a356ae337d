import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  buildMinutesDocx,
  minutesAnnexTitles,
  versionMark,
  type MinutesDocData,
} from '../../../electron/core/documents/minutes-docx';
import { EMPTY_SECTION_TEXT } from '../../../electron/core/documents/minutes-body';
import { cmToTwips, PAPER, type PageSettings } from '../../../electron/core/documents/page';
import { formatNip } from '../../../shared/nip';
import { cellTexts, openDocx, tableRows } from '../../fixtures/docx';
import { emblemPng } from '../../fixtures/png';
import {
  commitmentDrawings,
  emptyMinutesData,
  KEDIRI_CHAIR,
  KEDIRI_NOTE_TAKER,
  kediriMinutesData,
} from '../../fixtures/minutes';

const F4: PageSettings = {
  paper: 'F4',
  fontFamily: 'Arial',
  fontSizePt: 12,
  margins: { top: 2.5, bottom: 2.5, left: 3, right: 2.5 },
};
const A4: PageSettings = {
  paper: 'A4',
  fontFamily: 'Arial',
  fontSizePt: 11,
  margins: { top: 2, bottom: 3, left: 4, right: 2 },
};

async function parts(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const read = async (prefix: string) => {
    const names = Object.keys(zip.files).filter((n) => n.startsWith(prefix) && n.endsWith('.xml'));
    return (await Promise.all(names.map((n) => zip.file(n)!.async('string')))).join('\n');
  };
  return { footers: await read('word/footer'), numbering: await read('word/numbering') };
}

/** Text of the paragraphs as Word shows it, one per line (mammoth puts each paragraph on its own). */
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

describe('minutes (notulen) DOCX', () => {
  it('holds the header block, every agenda step, the decisions, the follow-up table and the signatures', async () => {
    const data = await kediriMinutesData();
    const doc = await openDocx(await buildMinutesDocx(data, F4));
    const text = doc.text;
    expect(text).toContain('PEMERINTAH KOTA KEDIRI');
    expect(lines(text)).toContain('NOTULEN RAPAT');
    expect(lines(text)).toContain('Nomor: 005/214/419.44/2019');
    // Every header field as "Label : value", each line of a multi-line value present.
    for (const f of data.header) {
      expect(text).toContain(`${f.label}\t:\t`);
      // Numbered lines (the agenda) print their number, a tab, and the text hanging after it.
      for (const line of f.value.split('\n')) expect(text).toContain(line.replace(/^(\d+\.) /, '$1\t'));
    }
    expect(text).toContain('Peserta\t:\t24 orang, daftar hadir terlampir');
    expect(text).toContain('Acara\t:\t1.\tPembukaan dan sambutan Wali Kota Kediri');
    // Sections in order.
    const order = ['A. Pembukaan', 'B. Pembahasan', 'C. Keputusan/Kesimpulan', 'D. Tindak Lanjut', 'E. Penutup'];
    const at = order.map((h) => lines(text).indexOf(h));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Every discussed step with its subtitle (day and actual times) and its text.
    for (const s of data.discussion) {
      expect(text).toContain(s.title);
      expect(text).toContain(s.subtitle);
    }
    expect(text).toContain('Narasumber dari Kementerian Komunikasi dan Informatika memaparkan');
    for (const b of data.decisions) {
      if (b.kind === 'ol') for (const item of b.items) expect(lines(text)).toContain(item);
    }
    // Lists are Word lists: the items carry no typed "- " or "1. ".
    expect(text).not.toMatch(/^- /m);
    expect(lines(text)).not.toContain(`1. ${data.decisions[0].kind === 'ol' ? data.decisions[0].items[0] : ''}`);

    // D. Tindak Lanjut: the five columns, a repeating header, rows that never split.
    const rows = tableRows(doc.documentXml);
    const header = rows.filter(
      (r) => cellTexts(r).join('|') === 'No|Tindak lanjut|Penanggung jawab (OPD)|Batas waktu|Status',
    );
    expect(header.length).toBe(2); // section D and Lampiran III
    expect(header.every((r) => r.includes('<w:tblHeader'))).toBe(true);
    const first = rows.find((r) => cellTexts(r)[1] === data.followUps[0].title)!;
    expect(cellTexts(first)).toEqual([
      '1',
      data.followUps[0].title,
      'Bagian Hukum Setda – Kepala Bagian Hukum',
      '20 Desember 2019',
      'Proses',
    ]);
    expect(first).toContain('<w:cantSplit');

    // Signature block: place and date, both roles, names, ranks, formatted NIPs.
    expect(lines(text)).toContain('Kediri, 28 Agustus 2019');
    for (const s of [KEDIRI_CHAIR, KEDIRI_NOTE_TAKER]) {
      expect(lines(text)).toContain(`${s.role},`);
      expect(lines(text)).toContain(s.name);
      expect(lines(text)).toContain(s.rank);
      expect(lines(text)).toContain(`NIP. ${formatNip(s.nip)}`);
    }
    expect(lines(text)).toContain('NIP. 19680717 199303 2 008');
    expect(doc.documentXml).toMatch(
      /<w:b\/>(?:<w:bCs\/>)?<w:u w:val="single"\/>[\s\S]{0,200}Dr\. Hj\. Endang Kartika Sari/,
    );
  });

  it('prints every annex under its heading, in order, with the images of each', async () => {
    const data = await kediriMinutesData();
    const bytes = await buildMinutesDocx(data, F4);
    const doc = await openDocx(bytes);
    const titles = minutesAnnexTitles(data.annexes);
    expect(titles).toEqual([
      'Lampiran I Daftar Hadir',
      'Lampiran II Hasil Diskusi Kelompok',
      'Lampiran III Tindak Lanjut',
      'Lampiran IV Peringkat Quick Win',
      'Lampiran V Dokumentasi',
    ]);
    const l = lines(doc.text);
    const positions = titles.map((t) => {
      const [, roman, ...rest] = t.split(' ');
      const i = l.indexOf(`Lampiran ${roman}`);
      expect(l[i + 1]).toBe(rest.join(' '));
      return i;
    });
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // Each annex heading starts a new page.
    const headings = doc.documentXml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*?Lampiran [IV]+<\/w:t>/g) ?? [];
    expect(headings).toHaveLength(5);
    for (const h of headings) expect(h).toContain('<w:pageBreakBefore/>');
    // Lampiran I: the daftar hadir with every attendee; II: every group's form; IV: the ranking; V: captions.
    expect(l).toContain('DAFTAR HADIR');
    for (const r of data.annexes.attendance[0].rows) expect(doc.text).toContain(r.name);
    expect(doc.text).toContain('Kelompok 3 — Smart Branding');
    expect(doc.text).toContain('Peringkat');
    expect(doc.text).toContain('e-SPTPD: pelaporan pajak daerah secara daring');
    for (const p of data.annexes.photos) expect(l).toContain(p.caption);
    // Images: the emblem, every signature, the commitment sheets' (one drawing, embedded once),
    // the chart and every photo.
    const signatures = data.annexes.attendance.reduce((n, d) => n + d.rows.filter((r) => r.signature).length, 0);
    expect(signatures).toBe(24);
    expect(doc.media).toHaveLength(1 + signatures + 1 + 1 + data.annexes.photos.length);
    expect(doc.media.filter((m) => m.endsWith('.jpg') || m.endsWith('.jpeg'))).toHaveLength(4);
    // Drawing ids are unique across the document: every drawing its own, the shared one too.
    const ids = [...doc.documentXml.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
    expect(commitmentDrawings(data)).toBeGreaterThanOrEqual(3);
    expect(ids.length).toBe(1 + signatures + commitmentDrawings(data) + 1 + data.annexes.photos.length);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('two days: each day its own line in the header and its own daftar hadir, drawing ids still unique', async () => {
    const data = await kediriMinutesData({ days: 2, attendees: 8, groups: 2, outputsPerGroup: 4, photos: 3 });
    const doc = await openDocx(await buildMinutesDocx(data, F4));
    // Each day on its own line, starting where the value starts (after the colon).
    const l = lines(doc.text);
    const i = l.indexOf('Hari/Tanggal\t:\tHari ke-1: Rabu, 28 Agustus 2019');
    expect(l[i + 1]).toBe('Hari ke-2: Kamis, 29 Agustus 2019');
    const paragraph = (t: string) => new RegExp(`<w:p>(?:(?!</w:p>)[\\s\\S])*?${t}`).exec(doc.documentXml)![0];
    const left = (p: string) => /<w:ind w:left="(\d+)"/.exec(p)![1];
    expect(left(paragraph('Hari ke-2: Kamis'))).toBe(left(paragraph('Hari ke-1: Rabu')));
    expect(paragraph('Hari ke-2: Kamis')).toContain('w:hanging="0"');
    // The agenda's numbered lines hang after their number.
    expect(Number(left(paragraph('2.\tPaparan: Arah')))).toBeGreaterThan(Number(left(paragraph('Hari ke-2: Kamis'))));
    expect(lines(doc.text).filter((t) => t === 'DAFTAR HADIR')).toHaveLength(2);
    expect(doc.text).toContain('Kamis, 29 Agustus 2019');
    const ids = [...doc.documentXml.matchAll(/<wp:docPr id="(\d+)"/g)].map((m) => m[1]);
    expect(ids.length).toBe(1 + 16 + commitmentDrawings(data) + 1 + 3);
    expect(new Set(ids).size).toBe(ids.length);
    // The second day's daftar hadir starts a new page.
    const titles = doc.documentXml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*?DAFTAR HADIR<\/w:t>/g) ?? [];
    expect(titles).toHaveLength(2);
    expect(titles[0]).not.toContain('<w:pageBreakBefore/>');
    expect(titles[1]).toContain('<w:pageBreakBefore/>');
  });

  it('lays out on F4 and A4 with the margins of the settings', async () => {
    const data = await kediriMinutesData({ attendees: 3, groups: 1, outputsPerGroup: 1, photos: 1 });
    const pg = (xml: string) => ({
      size: /<w:pgSz w:w="(\d+)" w:h="(\d+)"/.exec(xml)!.slice(1).map(Number),
      margins: ['top', 'right', 'bottom', 'left'].map((s) =>
        Number(new RegExp(`<w:pgMar[^>]* w:${s}="(\\d+)"`).exec(xml)![1]),
      ),
    });
    const f4 = pg((await openDocx(await buildMinutesDocx(data, F4))).documentXml);
    expect(f4.size).toEqual([PAPER.F4.width, PAPER.F4.height]);
    expect(f4.margins).toEqual([cmToTwips(2.5), cmToTwips(2.5), cmToTwips(2.5), cmToTwips(3)]);
    const a4doc = await openDocx(await buildMinutesDocx(data, A4));
    const a4 = pg(a4doc.documentXml);
    expect(a4.size).toEqual([PAPER.A4.width, PAPER.A4.height]);
    expect(a4.margins).toEqual([cmToTwips(2), cmToTwips(2), cmToTwips(3), cmToTwips(4)]);
    // Font and size from the settings.
    expect(a4doc.stylesXml).toContain('w:ascii="Arial"');
    expect(a4doc.stylesXml).toMatch(/<w:sz w:val="22"\/>/);
    // No table wider than the text (A4: 21 cm less 6 cm of margins).
    const text = PAPER.A4.width - cmToTwips(4) - cmToTwips(2);
    for (const grid of a4doc.documentXml.match(/<w:tblGrid>[\s\S]*?<\/w:tblGrid>/g) ?? []) {
      const sum = [...grid.matchAll(/w:w="(\d+)"/g)].reduce((a, m) => a + Number(m[1]), 0);
      expect(sum).toBeLessThanOrEqual(text);
    }
  });

  it('embeds a photo given as PNG as PNG', async () => {
    const data = await kediriMinutesData({ attendees: 0, groups: 0, actions: 0, photos: 0 });
    const png = emblemPng(120, 90);
    const doc = await openDocx(
      await buildMinutesDocx(
        {
          ...data,
          annexes: {
            ...data.annexes,
            quickWins: { chart: null, rows: [] },
            photos: [{ data: png, width: 120, height: 90, caption: 'Papan flipchart', type: 'png' }],
          },
        },
        F4,
      ),
    );
    expect(minutesAnnexTitles({ ...data.annexes, quickWins: { chart: null, rows: [] }, photos: [] })).toEqual([]);
    expect(doc.text).toContain('Papan flipchart');
    expect(doc.media.filter((m) => m.endsWith('.png'))).toHaveLength(2); // the emblem and the photo
  });

  it('prints the version and the verification code in the footer, DRAF for a draft, and the page count', async () => {
    const data = await kediriMinutesData({ attendees: 2, groups: 0, photos: 0 });
    expect(versionMark(data.version)).toBe('Versi 2 · Kode verifikasi 7F3A-91C2');
    const { footers } = await parts(await buildMinutesDocx(data, F4));
    expect(footers).toContain('Versi 2 · Kode verifikasi 7F3A-91C2');
    expect(footers).toContain('Halaman ');
    expect(footers).toContain('NUMPAGES');
    const draft = await parts(
      await buildMinutesDocx({ ...data, version: { final: false, version: 0, code: 'AB12-CD34' } }, F4),
    );
    expect(draft.footers).toContain('DRAF · Kode verifikasi AB12-CD34');
    expect(draft.footers).not.toContain('Versi');
  });

  it('makes lists real Word lists; every numbered list restarts at 1', async () => {
    const data = await kediriMinutesData({ attendees: 0, groups: 0, actions: 0, photos: 0 });
    const bytes = await buildMinutesDocx(data, F4);
    const doc = await openDocx(bytes);
    const { numbering } = await parts(bytes);
    const listParagraphs = doc.documentXml.match(/<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:numPr>[\s\S]*?<\/w:p>/g) ?? [];
    const items = data.discussion
      .flatMap((d) => d.blocks)
      .concat(data.opening, data.decisions, data.closing)
      .reduce((n, b) => n + (b.kind === 'p' ? 0 : b.items.length), 0);
    expect(listParagraphs).toHaveLength(items);
    expect(numbering).toContain('w:val="bullet"');
    expect(numbering).toContain('w:val="decimal"');
    // The three numbered lists (two in Pembahasan, one in Keputusan) each use their own w:num
    // that starts again at 1.
    const numIdOf = (item: string) =>
      /<w:numId w:val="(\d+)"\/>/.exec(listParagraphs.find((p) => p.includes(item))!)![1];
    const ids = new Set([
      numIdOf('Tanya (Barenlitbang)'),
      numIdOf('Payung hukum: Perwali Masterplan Smart City'),
      numIdOf('Masterplan Smart City Kota Kediri ditetapkan'),
    ]);
    expect(ids.size).toBe(3);
    for (const id of ids) {
      const num = new RegExp(`<w:num w:numId="${id}"[^>]*>[\\s\\S]*?</w:num>`).exec(numbering)![0];
      expect(num).toMatch(/<w:startOverride w:val="1"\/>/);
    }
  });

  it('an empty workshop still builds: "—" in every section, no annexes, only the emblem', async () => {
    const data: MinutesDocData = await emptyMinutesData();
    expect(minutesAnnexTitles(data.annexes)).toEqual([]);
    const bytes = await buildMinutesDocx(data, F4);
    const doc = await openDocx(bytes);
    const l = lines(doc.text);
    const at = (h: string) => l.indexOf(h);
    for (const h of ['A. Pembukaan', 'B. Pembahasan', 'C. Keputusan/Kesimpulan', 'D. Tindak Lanjut', 'E. Penutup']) {
      expect(l[at(h) + 1]).toBe(EMPTY_SECTION_TEXT);
    }
    expect(doc.text).not.toContain('Lampiran');
    expect(doc.text).not.toContain('Nomor:');
    // The closing "—" keeps with the signature block: the block never stands alone on a page.
    const closing = doc.documentXml.slice(doc.documentXml.indexOf('E. Penutup'));
    const last = /<w:p>(?:(?!<\/w:p>)[\s\S])*?—<\/w:t>/.exec(closing)![0];
    expect(last).toContain('<w:keepNext/>');
    expect(doc.media).toHaveLength(1);
    expect((await parts(bytes)).footers).toContain('DRAF');
  });

  it('exports a 100,000-character paragraph and strips characters XML cannot hold', async () => {
    const data = await kediriMinutesData({ attendees: 0, groups: 0, actions: 0, photos: 0 });
    const long = 'Pembahasan panjang tentang integrasi data. '.repeat(2400).slice(0, 100_000);
    const bytes = await buildMinutesDocx(
      {
        ...data,
        opening: [{ kind: 'p', text: long }],
        decisions: [{ kind: 'ul', items: ['Keputusan\u0001 dengan\u000b karakter kendali\uFFFE'] }],
        header: [...data.header, { label: 'Catatan', value: 'nilai\u0007 aneh' }, { label: 'Kosong', value: '\n \n' }],
      },
      F4,
    );
    const doc = await openDocx(bytes);
    expect(doc.text).toContain(long.trim());
    expect(doc.text).toContain('Keputusan dengan karakter kendali');
    expect(doc.text).toContain('Catatan\t:\tnilai aneh');
    expect(lines(doc.text)).toContain('Kosong\t:\t-');
    for (const c of ['\u0001', '\u0007', '\u000b', '\uFFFE']) expect(doc.documentXml).not.toContain(c);
  });
});
