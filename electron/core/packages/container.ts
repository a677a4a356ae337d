import { createHash } from 'node:crypto';

/**
 * The `.bimtek` container: a magic line, then named parts (the manifest first), then a trailer
 * holding the SHA-256 of every byte before it. Each part is `[u32 name length][name][u32 high]
 * [u32 low data length][data]`. A file cut anywhere loses its trailer or a part; a changed byte
 * fails the trailer's or its part's SHA-256: either way it is refused before anything is read
 * into the store.
 */
export const MAGIC = Buffer.from('BIMTEK-PACKAGE 1\n', 'latin1');
const TRAILER = '.sha256';

export type PackageProblem = 'notAPackage' | 'truncated' | 'checksum';

export class PackageError extends Error {
  constructor(
    readonly problem: PackageProblem,
    detail: string,
  ) {
    super(`${problem}: ${detail}`);
    this.name = 'PackageError';
  }
}

export const sha256hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

function part(name: string, data: Uint8Array): Buffer[] {
  const n = Buffer.from(name, 'utf8');
  const head = Buffer.alloc(4 + n.length + 8);
  head.writeUInt32BE(n.length, 0);
  n.copy(head, 4);
  head.writeUInt32BE(Math.floor(data.byteLength / 2 ** 32), 4 + n.length);
  head.writeUInt32BE(data.byteLength % 2 ** 32, 8 + n.length);
  return [head, Buffer.from(data.buffer, data.byteOffset, data.byteLength)];
}

/** The container bytes of named parts, in order (the first is the manifest). */
export function writeContainer(parts: { name: string; data: Uint8Array }[]): Buffer {
  const chunks: Buffer[] = [MAGIC];
  for (const p of parts) chunks.push(...part(p.name, p.data));
  const hash = createHash('sha256');
  for (const c of chunks) hash.update(c);
  chunks.push(...part(TRAILER, Buffer.from(hash.digest('hex'), 'latin1')));
  return Buffer.concat(chunks);
}

/** The parts of a container, in order; throws PackageError for anything but a whole, unchanged file. */
export function readContainer(bytes: Uint8Array): Map<string, Buffer> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < MAGIC.length || !buf.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new PackageError('notAPackage', 'no package header');
  }
  const parts = new Map<string, Buffer>();
  let i = MAGIC.length;
  while (i < buf.length) {
    const start = i;
    if (i + 4 > buf.length) throw new PackageError('truncated', 'cut in a part header');
    const nameLength = buf.readUInt32BE(i);
    if (i + 4 + nameLength + 8 > buf.length) throw new PackageError('truncated', 'cut in a part header');
    const name = buf.subarray(i + 4, i + 4 + nameLength).toString('utf8');
    const high = buf.readUInt32BE(i + 4 + nameLength);
    const low = buf.readUInt32BE(i + 8 + nameLength);
    const length = high * 2 ** 32 + low;
    const dataStart = i + 12 + nameLength;
    if (dataStart + length > buf.length) throw new PackageError('truncated', `part ${name} is cut`);
    const data = buf.subarray(dataStart, dataStart + length);
    i = dataStart + length;
    if (name === TRAILER) {
      if (i !== buf.length) throw new PackageError('checksum', 'bytes after the trailer');
      if (data.toString('latin1') !== sha256hex(buf.subarray(0, start))) {
        throw new PackageError('checksum', 'the package does not match its checksum');
      }
      return parts;
    }
    if (parts.has(name)) throw new PackageError('notAPackage', `part ${name} twice`);
    parts.set(name, data);
  }
  throw new PackageError('truncated', 'no trailer: the file is cut');
}
