/**
 * Text files from the secretariat come in whatever encoding their Excel or Notepad used: UTF-8
 * (with or without a BOM), UTF-16 ("Unicode Text" from Excel), or Windows-1252 (Excel's "CSV"
 * on a Windows machine in an Indonesian or Western locale).
 */

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const windows1252 = new TextDecoder('windows-1252');

/**
 * Windows-1252 bytes 0x80–0x9F (€, curly quotes, dashes, …). Node's TextDecoder decodes this
 * label as Latin-1 and turns them into invisible C1 controls, so they are mapped here; the five
 * bytes Windows-1252 leaves undefined stay as they are.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/**
 * Bytes to text: a UTF-16 BOM selects UTF-16, otherwise UTF-8 (a BOM is dropped); bytes that
 * are not valid UTF-8 are read as Windows-1252, which maps every byte to some character.
 */
export function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return utf8.decode(bytes);
  } catch {
    return fixC1(windows1252.decode(bytes));
  }
}
