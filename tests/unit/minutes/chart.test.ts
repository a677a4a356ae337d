import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  CHART_DEFAULT_WIDTH,
  CHART_MAX_BARS,
  formatChartScore,
  quickWinChartSvg,
  svgToPng,
  textWidth,
  wrap,
  type QuickWinChartRow,
} from '../../../electron/core/minutes/chart';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function rows(count: number): QuickWinChartRow[] {
  return Array.from({ length: count }, (_, i) => ({
    rank: i + 1,
    name: `Usulan ${i + 1}`,
    group: `Kelompok ${(i % 6) + 1}`,
    total: 5 - i * 0.2,
  }));
}

/** The text of every `<text>` element, entities decoded, in document order. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    m[1]
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&'),
  );
}

const count = (svg: string, needle: string) => svg.split(needle).length - 1;

describe('quickWinChartSvg', () => {
  it('draws a valid SVG that librsvg renders at twice its size', async () => {
    const svg = quickWinChartSvg(rows(4), { title: 'Peringkat Usulan Quick Win' });
    const size = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(svg);
    expect(size).not.toBeNull();
    const [width, height] = [Number(size![1]), Number(size![2])];
    expect(width).toBe(CHART_DEFAULT_WIDTH);
    const png = await svgToPng(svg);
    expect([png.width, png.height]).toEqual([width * 2, height * 2]);
    const meta = await sharp(png.data).metadata();
    expect([meta.format, meta.width, meta.height, meta.hasAlpha]).toEqual(['png', width * 2, height * 2, false]);
  });

  it('writes scores with a comma and two decimals ("4,25")', () => {
    expect(formatChartScore(4.25)).toBe('4,25');
    expect(formatChartScore(4)).toBe('4,00');
    expect(formatChartScore(3.456)).toBe('3,46');
    const svg = quickWinChartSvg([{ rank: 1, name: 'Pasar Rakyat Non-Tunai', group: 'Smart Economy', total: 4.25 }]);
    expect(texts(svg)).toContain('4,25');
    expect(svg).not.toContain('4.25');
  });

  it('escapes <&>"\' in names, groups and the title, and the SVG still renders', async () => {
    const svg = quickWinChartSvg(
      [{ rank: 1, name: 'Lapor <Cepat> & "Tanggap" Warga\'s', group: 'Smart <Living> & Co', total: 3 }],
      { title: 'A & B <C>' },
    );
    expect(svg).toContain('Lapor &lt;Cepat&gt; &amp; &quot;Tanggap&quot; Warga&apos;s');
    expect(svg).toContain('Smart &lt;Living&gt; &amp; Co');
    expect(svg).toContain('A &amp; B &lt;C&gt;');
    expect(svg).not.toContain('<Cepat>');
    expect(texts(svg)).toContain('Lapor <Cepat> & "Tanggap" Warga\'s');
    const png = await svgToPng(svg, 1);
    expect(png.width).toBe(CHART_DEFAULT_WIDTH);
  });

  it('drops characters XML forbids (a control character pasted into a name) and joins lines', async () => {
    const svg = quickWinChartSvg([{ rank: 1, name: 'Satu\u0007Data\r\nKabupaten\ud800', group: 'G\u0000', total: 2 }]);
    expect(texts(svg)).toContain('SatuData Kabupaten');
    expect([...svg].some((ch) => ch.charCodeAt(0) < 9)).toBe(false);
    await expect(svgToPng(svg, 1)).resolves.toMatchObject({ width: CHART_DEFAULT_WIDTH });
  });

  it('shows 15 bars of 20 rows, then "dan 5 usulan lainnya"', () => {
    const svg = quickWinChartSvg(rows(20));
    expect(CHART_MAX_BARS).toBe(15);
    expect(count(svg, 'class="qw-row"')).toBe(15);
    expect(count(svg, 'class="qw-bar"')).toBe(15);
    expect(texts(svg)).toContain('dan 5 usulan lainnya');
    expect(texts(svg)).toContain('Usulan 15');
    expect(texts(svg)).not.toContain('Usulan 16');
    expect(quickWinChartSvg(rows(15))).not.toContain('usulan lainnya');
  });

  it('orders bars highest first, whatever order the rows come in; a zero score draws no bar', () => {
    const given: QuickWinChartRow[] = [
      { rank: 3, name: 'Ketiga', group: 'G', total: 2.5 },
      { rank: 1, name: 'Pertama', group: 'G', total: 4.5 },
      { rank: 4, name: 'Keempat', group: 'G', total: 0 },
      { rank: 2, name: 'Kedua', group: 'G', total: 3.75 },
    ];
    const svg = quickWinChartSvg(given);
    const names = texts(svg).filter((t) => ['Pertama', 'Kedua', 'Ketiga', 'Keempat'].includes(t));
    expect(names).toEqual(['Pertama', 'Kedua', 'Ketiga', 'Keempat']);
    expect([...svg.matchAll(/data-rank="(\d+)"/g)].map((m) => m[1])).toEqual(['1', '2', '3', '4']);
    expect(count(svg, 'class="qw-bar"')).toBe(3);
    expect(texts(svg)).toEqual(expect.arrayContaining(['4,50', '3,75', '2,50', '0,00']));
  });

  it('draws the scale 0–5 with gridlines at 1..5; bar lengths follow the score', () => {
    const svg = quickWinChartSvg([
      { rank: 1, name: 'A', group: 'G', total: 5 },
      { rank: 2, name: 'B', group: 'G', total: 2.5 },
    ]);
    for (const tick of ['0', '1', '2', '3', '4', '5']) expect(texts(svg)).toContain(tick);
    const widths = [...svg.matchAll(/class="qw-bar" x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[1] / widths[0]).toBeCloseTo(0.5, 2);
  });

  it('wraps a long Indonesian name to two lines and cuts it with "…", each line within its column', () => {
    const long =
      'Digitalisasi Layanan Perizinan Berusaha Terintegrasi Secara Elektronik (OSS) Tingkat Kelurahan dan Kecamatan';
    const lines = wrap(long, 280, 14, false, 2);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('Digitalisasi Layanan Perizinan Berusaha');
    expect(lines[1].endsWith('…')).toBe(true);
    for (const line of lines) expect(textWidth(line, 14)).toBeLessThanOrEqual(280);
    // A word longer than a line (a URL, a code) is broken inside; a short name stays whole.
    const url = wrap('https://layanan.contohkab.go.id/perizinan/berusaha/terintegrasi', 120, 14, false, 2);
    expect(url).toHaveLength(2);
    for (const line of url) expect(textWidth(line, 14)).toBeLessThanOrEqual(120);
    expect(wrap('Satu Data', 280, 14, false, 2)).toEqual(['Satu Data']);

    const svg = quickWinChartSvg([{ rank: 1, name: long, group: 'Smart Governance', total: 4 }]);
    const drawn = texts(svg);
    expect(drawn).toContain('Digitalisasi Layanan Perizinan Berusaha');
    expect(drawn.some((t) => t.endsWith('…'))).toBe(true);
    expect(drawn).not.toContain(long);
  });

  it('says "Belum ada skor" without rows, as a valid picture', async () => {
    const svg = quickWinChartSvg([], { title: 'Peringkat Usulan Quick Win' });
    expect(texts(svg)).toEqual(['Peringkat Usulan Quick Win', 'Belum ada skor']);
    expect(count(svg, 'class="qw-bar"')).toBe(0);
    const png = await svgToPng(svg);
    expect(png.width).toBe(CHART_DEFAULT_WIDTH * 2);
    expect(png.height).toBeGreaterThan(100);
  });

  it('takes another width', async () => {
    const svg = quickWinChartSvg(rows(3), { width: 600 });
    expect(svg).toMatch(/<svg[^>]* width="600"/);
    expect((await svgToPng(svg, 1)).width).toBe(600);
  });
});

describe('svgToPng', () => {
  it('returns PNG bytes (magic number) of the size the scale asks', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><rect width="100" height="50" fill="#000"/></svg>';
    const png = await svgToPng(svg);
    expect([...png.data.subarray(0, 8)]).toEqual(PNG_MAGIC);
    expect([png.width, png.height]).toEqual([200, 100]);
    const triple = await svgToPng(svg, 3);
    expect([triple.width, triple.height]).toEqual([300, 150]);
  });

  it('fails on a document that is not SVG (nothing half-drawn)', async () => {
    await expect(
      svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><text>a & b</text></svg>'),
    ).rejects.toThrow();
    await expect(svgToPng('<svg/>', 0)).rejects.toThrow(RangeError);
  });
});
