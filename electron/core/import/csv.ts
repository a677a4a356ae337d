/**
 * CSV as spreadsheets write it (RFC 4180 quoting), with the delimiter guessed: Excel in an
 * Indonesian locale writes semicolons (the comma is the decimal separator there), Google Sheets
 * and LibreOffice commas, "Unicode Text" tabs.
 */

export const DELIMITERS = [';', ',', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** How many non-empty records the delimiter guess looks at. */
const SAMPLE_RECORDS = 20;

/**
 * Counts each candidate delimiter outside quotes in the first non-empty records. The delimiter
 * that occurs the same number of times in most records wins (a semicolon file whose names carry
 * commas, "Abu Bakar, S.E.", still has one fixed count of semicolons per record); ties go to the
 * higher count, then to the order of `DELIMITERS`. Comma when no candidate occurs at all.
 */
export function detectDelimiter(text: string): Delimiter {
  const perRecord = sampleCounts(text);
  let best: { d: Delimiter; agree: number; count: number } | null = null;
  for (const d of DELIMITERS) {
    const { value, agree } = mode(perRecord.map((c) => c[d]).filter((n) => n > 0));
    if (value === 0) continue;
    if (!best || agree > best.agree || (agree === best.agree && value > best.count)) {
      best = { d, agree, count: value };
    }
  }
  return best?.d ?? ',';
}

type Counts = Record<Delimiter, number>;

function sampleCounts(text: string): Counts[] {
  const out: Counts[] = [];
  let counts: Counts = { ';': 0, ',': 0, '\t': 0 };
  let nonEmpty = false;
  let inQuotes = false;
  for (let i = 0; i < text.length && out.length < SAMPLE_RECORDS; i++) {
    const ch = text[i];
    if (ch === '"')
      inQuotes = !inQuotes; // an escaped "" toggles twice: no harm
    else if (inQuotes) continue;
    else if (ch === '\n' || ch === '\r') {
      if (nonEmpty) out.push(counts);
      counts = { ';': 0, ',': 0, '\t': 0 };
      nonEmpty = false;
      continue;
    } else if (ch === ';' || ch === ',' || ch === '\t') counts[ch]++;
    if (ch !== ' ') nonEmpty = true;
  }
  if (nonEmpty && out.length < SAMPLE_RECORDS) out.push(counts);
  return out;
}

/** The most frequent value and how many times it occurs (0, 0 for an empty list). */
function mode(values: number[]): { value: number; agree: number } {
  const freq = new Map<number, number>();
  let value = 0;
  let agree = 0;
  for (const v of values) {
    const f = (freq.get(v) ?? 0) + 1;
    freq.set(v, f);
    if (f > agree || (f === agree && v > value)) {
      value = v;
      agree = f;
    }
  }
  return { value, agree };
}

/**
 * Parses CSV text into rows of cells. Quoted fields may hold delimiters, line breaks and doubled
 * quotes; CRLF, LF and lone CR all end a record; a final line break adds no empty record; a
 * leading BOM is dropped. A quote inside an unquoted field is kept as an ordinary character.
 */
export function parseCsv(text: string, delimiter: Delimiter = detectDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  const endRecord = () => {
    row.push(field);
    rows.push(row);
    row = [];
    field = '';
  };

  while (i < n) {
    const ch = text[i];
    if (ch === '"' && field === '') {
      // Quoted field: read to the closing quote; "" is one quote.
      i++;
      let start = i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(start); // unterminated: keep the rest as the field
          i = n;
          break;
        }
        if (text[q + 1] === '"') {
          field += text.slice(start, q + 1);
          i = start = q + 2;
          continue;
        }
        field += text.slice(start, q);
        i = q + 1;
        break;
      }
      continue;
    }
    if (ch === delimiter) {
      row.push(field);
      field = '';
      i++;
    } else if (ch === '\n' || ch === '\r') {
      endRecord();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += ch;
      i++;
    }
  }
  if (field !== '' || row.length > 0) endRecord();
  return rows;
}

/** Quotes a cell when it holds the delimiter, a quote or a line break, or starts/ends with space. */
export function csvCell(value: string, delimiter: Delimiter): string {
  const needs = value.includes(delimiter) || /["\r\n]/.test(value) || (value !== value.trim() && value.length > 0);
  return needs ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows to CSV text with CRLF line ends, as Excel writes it. */
export function formatCsv(rows: readonly (readonly string[])[], delimiter: Delimiter): string {
  return rows.map((r) => r.map((c) => csvCell(c, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
}
