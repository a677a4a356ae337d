/**
 * File names any OS accepts, for files the app suggests or writes (exports, documents). Pure
 * string rules: no Node, no DOM, so the renderer, the shell and the core share one definition.
 */

/** Characters Windows forbids in a name, and control characters (C0 and DEL). */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const FORBIDDEN = /[<>:"|?*\u0000-\u001f\u007f]/g;

/** Device names Windows reserves with any extension ("CON.docx" cannot be created either). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Longest name kept, in characters, and in UTF-8 bytes (most file systems allow 255 bytes). */
export const MAX_FILE_NAME_CHARS = 150;
const MAX_FILE_NAME_BYTES = 240;

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/** Leading and trailing dots and spaces: Windows drops trailing ones, a leading dot hides the file. */
const trimEnds = (s: string) => s.replace(/^[.\s]+|[.\s]+$/g, '');

function shorten(stem: string, ext: string): string {
  const room = Math.max(1, MAX_FILE_NAME_CHARS - ext.length);
  // By code points, so a character outside the BMP is never cut in half.
  let chars = Array.from(stem).slice(0, room);
  while (chars.length > 1 && utf8Length(chars.join('') + ext) > MAX_FILE_NAME_BYTES) chars = chars.slice(0, -1);
  return chars.join('');
}

/**
 * A plain file name from a suggested one: only the last path segment (so a name can never steer a
 * save into another folder), characters Windows forbids and control characters as `_`, runs of
 * white space as one space, no leading or trailing dots or spaces, a reserved device name (CON,
 * NUL, COM1, …) prefixed with `_`, at most 150 characters and 240 UTF-8 bytes with the extension
 * kept. `fallback` when nothing is left.
 *
 * A slash is a path separator here: text that may contain one (a workshop title) must replace it
 * before being made part of a name.
 */
export function safeFileName(name: string, fallback = 'ekspor'): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let cleaned = trimEnds(base.replace(FORBIDDEN, '_').replace(/\s+/g, ' '));
  const dot = cleaned.lastIndexOf('.');
  // An extension is short and has no spaces; "Bimtek Tahap III. Kota Kediri" has none.
  const ext = dot > 0 && /^\.[^\s.]{1,10}$/.test(cleaned.slice(dot)) ? cleaned.slice(dot) : '';
  let stem = ext ? cleaned.slice(0, dot) : cleaned;
  if (Array.from(cleaned).length > MAX_FILE_NAME_CHARS || utf8Length(cleaned) > MAX_FILE_NAME_BYTES) {
    stem = trimEnds(shorten(stem, ext));
    cleaned = stem + ext;
  }
  if (RESERVED.test(stem.split('.')[0].trim())) cleaned = `_${cleaned}`;
  return cleaned === '' || cleaned === ext ? fallback : cleaned;
}

/** Text that becomes part of a file name (a title, a region): its slashes are not folders. */
export function fileNamePart(text: string): string {
  return text.replace(/[\\/]+/g, '-');
}
