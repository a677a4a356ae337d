import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';

/**
 * The `.bimtek` container: a magic line, then named parts (the manifest first), then a trailer
 * holding the SHA-256 of every byte before it. Each part is `[u32 name length][name][u32 high]
 * [u32 low data length][data]`. A file cut anywhere loses its trailer or a part; a changed byte
 * fails the trailer's or its part's SHA-256: either way it is refused before anything is read
 * into the store.
 *
 * Packages are written to and read from files in chunks: a package of hundreds of MB of photos is
 * never held in memory whole, only its row parts and one image at a time.
 */
export const MAGIC = Buffer.from('BIMTEK-PACKAGE 1\n', 'latin1');
const TRAILER = '.sha256';
/** How much of a file is read or hashed at a time. */
const CHUNK = 1024 * 1024;

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

function partHead(name: string, length: number): Buffer {
  const n = Buffer.from(name, 'utf8');
  const head = Buffer.alloc(4 + n.length + 8);
  head.writeUInt32BE(n.length, 0);
  n.copy(head, 4);
  head.writeUInt32BE(Math.floor(length / 2 ** 32), 4 + n.length);
  head.writeUInt32BE(length % 2 ** 32, 8 + n.length);
  return head;
}

const asBuffer = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

/** The container bytes of named parts, in order (the first is the manifest), in memory (small packages, tests). */
export function writeContainer(parts: { name: string; data: Uint8Array }[]): Buffer {
  const chunks: Buffer[] = [MAGIC];
  for (const p of parts) chunks.push(partHead(p.name, p.data.byteLength), asBuffer(p.data));
  const hash = createHash('sha256');
  for (const c of chunks) hash.update(c);
  const digest = Buffer.from(hash.digest('hex'), 'latin1');
  chunks.push(partHead(TRAILER, digest.length), digest);
  return Buffer.concat(chunks);
}

/**
 * Writes a container to a file part by part: each part's bytes are asked for only when it is its
 * turn (one image at a time), hashed and written, then dropped. The file is written beside its
 * name and renamed when whole, so a failed export never leaves a package that looks complete.
 */
export class ContainerWriter {
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private closed = false;
  constructor(private readonly file: string) {
    this.fd = fs.openSync(`${file}.part`, 'w');
    this.write(MAGIC);
  }
  private write(b: Buffer): void {
    this.hash.update(b);
    let done = 0;
    while (done < b.length) done += fs.writeSync(this.fd, b, done, b.length - done);
  }
  /** One part; returns the SHA-256 of its data. */
  add(name: string, data: Uint8Array): string {
    this.write(partHead(name, data.byteLength));
    this.write(asBuffer(data));
    return sha256hex(data);
  }
  /** The trailer, then the file gets its name. */
  finish(): void {
    const digest = Buffer.from(this.hash.digest('hex'), 'latin1');
    const tail = Buffer.concat([partHead(TRAILER, digest.length), digest]);
    let done = 0;
    while (done < tail.length) done += fs.writeSync(this.fd, tail, done, tail.length - done);
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
    this.closed = true;
    fs.renameSync(`${this.file}.part`, this.file);
  }
  /** Give up: the half-written file is removed. */
  abort(): void {
    if (!this.closed) fs.closeSync(this.fd);
    this.closed = true;
    fs.rmSync(`${this.file}.part`, { force: true });
  }
}

/** Where one part lies in a container file, and the SHA-256 of its data (computed while checking). */
export interface PartRef {
  offset: number;
  length: number;
  sha256: string;
}

/** A checked container file: its parts by name, read one at a time. */
export interface ContainerFile {
  parts: Map<string, PartRef>;
  read(name: string): Buffer | undefined;
  close(): void;
}

/**
 * Opens and checks a container file in one pass of 1 MB reads: the trailer's SHA-256 over the
 * whole file and every part's own SHA-256 are computed as the bytes go by. Throws PackageError for
 * anything but a whole, unchanged file; nothing of the data is kept in memory.
 */
export function openContainer(file: string): ContainerFile {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const readAt = (offset: number, length: number): Buffer => {
      const b = Buffer.alloc(length);
      let done = 0;
      while (done < length) {
        const n = fs.readSync(fd, b, done, length - done, offset + done);
        if (n === 0) throw new PackageError('truncated', 'the file ended early');
        done += n;
      }
      return b;
    };
    if (size < MAGIC.length || !readAt(0, MAGIC.length).equals(MAGIC)) {
      throw new PackageError('notAPackage', 'no package header');
    }
    const whole = createHash('sha256').update(MAGIC);
    const parts = new Map<string, PartRef>();
    let i = MAGIC.length;
    while (i < size) {
      if (i + 4 > size) throw new PackageError('truncated', 'cut in a part header');
      const lengthBytes = readAt(i, 4);
      const nameLength = lengthBytes.readUInt32BE(0);
      if (i + 4 + nameLength + 8 > size) throw new PackageError('truncated', 'cut in a part header');
      const rest = readAt(i + 4, nameLength + 8);
      const name = rest.subarray(0, nameLength).toString('utf8');
      const length = rest.readUInt32BE(nameLength) * 2 ** 32 + rest.readUInt32BE(nameLength + 4);
      const dataStart = i + 12 + nameLength;
      if (dataStart + length > size) throw new PackageError('truncated', `part ${name} is cut`);
      if (name === TRAILER) {
        if (dataStart + length !== size) throw new PackageError('checksum', 'bytes after the trailer');
        if (readAt(dataStart, length).toString('latin1') !== whole.digest('hex')) {
          throw new PackageError('checksum', 'the package does not match its checksum');
        }
        const handle = fd;
        let open = true;
        return {
          parts,
          read(partName) {
            const p = parts.get(partName);
            return p ? readAt(p.offset, p.length) : undefined;
          },
          close() {
            if (open) fs.closeSync(handle);
            open = false;
          },
        };
      }
      if (parts.has(name)) throw new PackageError('notAPackage', `part ${name} twice`);
      whole.update(lengthBytes).update(rest);
      const own = createHash('sha256');
      for (let at = 0; at < length; at += CHUNK) {
        const chunk = readAt(dataStart + at, Math.min(CHUNK, length - at));
        whole.update(chunk);
        own.update(chunk);
      }
      parts.set(name, { offset: dataStart, length, sha256: own.digest('hex') });
      i = dataStart + length;
    }
    throw new PackageError('truncated', 'no trailer: the file is cut');
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
}
