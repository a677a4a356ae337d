import type { Database } from 'better-sqlite3';
import type { PackagePreview } from '../../../shared/contract/packages';
import { AppError } from '../../../shared/errors';
import { regionTitle } from '../../../shared/format';
import { stripNonXml } from '../../../shared/primitives';
import { LATEST_SCHEMA_VERSION } from '../store/migrations/index';
import { ContainerWriter, openContainer, PackageError, sha256hex, type ContainerFile } from './container';
import { PACKAGE_TABLES, type PackageTable } from './tables';

export const PACKAGE_MIME = 'application/x-bimtek-package';

interface Manifest {
  format: 1;
  app: 'Bimtek Studio';
  appVersion: string;
  schemaVersion: number;
  createdAt: string;
  engagementId: string;
  title: string;
  counts: Record<string, number>;
  parts: { name: string; bytes: number; sha256: string }[];
}

type Row = Record<string, string | number | null>;
interface BlobRow {
  hash: string;
  mime: string;
  width: number;
  height: number;
  created_at: string;
}

interface Package {
  manifest: Manifest;
  rows: Map<string, Row[]>;
  blobs: BlobRow[];
  /** One image's bytes, read from the file when it is needed. */
  blob(hash: string): Buffer;
  close(): void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HASH = /^[0-9a-f]{64}$/;

const columnsOf = (db: Database, table: string) =>
  (db.prepare('SELECT name FROM pragma_table_info(?)').all(table) as { name: string }[]).map((c) => c.name);

/** A package written to a file by a worker: the file is the caller's to move, stream or delete. */
export interface PackageFileOut {
  fileName: string;
  mime: string;
  file: string;
}

/**
 * The engagement with all its rows (deleted ones too: a deletion must travel) and the images they
 * name, written to `outFile` part by part: the row parts are made in memory, the images are read
 * from the store and written one at a time, so a package of any size needs only disk.
 */
export function exportPackage(
  db: Database,
  engagementId: string,
  appVersion: string,
  now: string,
  outFile: string,
): PackageFileOut {
  const engagement = db.prepare('SELECT * FROM engagements WHERE id = ?').get(engagementId) as Row | undefined;
  if (!engagement) throw new AppError('NOT_FOUND', 'engagementNotFound');
  const title = `${regionTitle(engagement.region_kind as 'kota', String(engagement.region_name))} ${engagement.year}`;
  const rowParts: { name: string; data: Uint8Array }[] = [];
  const counts: Record<string, number> = {};
  const hashes = new Set<string>();
  for (const t of PACKAGE_TABLES) {
    const rows = db
      .prepare(`SELECT * FROM "${t.table}" WHERE ${t.scope} ORDER BY rowid`)
      .all({ engagementId }) as Row[];
    counts[t.table] = rows.length;
    for (const r of rows) for (const c of t.blobColumns ?? []) if (typeof r[c] === 'string') hashes.add(r[c] as string);
    rowParts.push({ name: `rows/${t.table}.json`, data: Buffer.from(JSON.stringify(rows), 'utf8') });
  }
  // Images are named by the SHA-256 of their bytes: the manifest (written first) lists them by
  // size and name, and each one's bytes are checked against its name as it is written.
  const blobMeta: (BlobRow & { bytes: number })[] = [];
  const getMeta = db.prepare(
    'SELECT hash, mime, width, height, created_at, length(data) AS bytes FROM blobs WHERE hash = ?',
  );
  for (const h of hashes) {
    const b = getMeta.get(h) as (BlobRow & { bytes: number }) | undefined;
    if (b) blobMeta.push(b);
  }
  counts.blobs = blobMeta.length;
  rowParts.push({
    name: 'blobs.json',
    data: Buffer.from(JSON.stringify(blobMeta.map(({ bytes: _b, ...meta }) => meta)), 'utf8'),
  });
  const manifest: Manifest = {
    format: 1,
    app: 'Bimtek Studio',
    appVersion,
    schemaVersion: LATEST_SCHEMA_VERSION,
    createdAt: now,
    engagementId,
    title,
    counts,
    parts: [
      ...rowParts.map((p) => ({ name: p.name, bytes: p.data.byteLength, sha256: sha256hex(p.data) })),
      ...blobMeta.map((b) => ({ name: `blobs/${b.hash}`, bytes: b.bytes, sha256: b.hash })),
    ],
  };
  const out = new ContainerWriter(outFile);
  try {
    out.add('manifest.json', Buffer.from(JSON.stringify(manifest), 'utf8'));
    for (const p of rowParts) out.add(p.name, p.data);
    const getData = db.prepare('SELECT data FROM blobs WHERE hash = ?').pluck();
    for (const b of blobMeta) {
      const data = getData.get(b.hash) as Buffer;
      if (out.add(`blobs/${b.hash}`, data) !== b.hash) throw new Error(`blob ${b.hash} does not match its hash`);
    }
    out.finish();
  } catch (e) {
    out.abort();
    throw e;
  }
  const safeName = title.replace(/[\\/:*?"<>|]/g, '-');
  return { fileName: `${safeName}.bimtek`, mime: PACKAGE_MIME, file: outFile };
}

const refuse = (key: string, params?: Record<string, string | number>): never => {
  throw new AppError('VALIDATION', key, undefined, params);
};

/**
 * Reads and checks a package file: container (in chunks), manifest, every part's SHA-256, schema
 * version, row shapes. The images stay in the file: `blob()` reads one when it is inserted.
 * The caller closes it.
 */
export function readPackage(file: string): Package {
  let container: ContainerFile;
  try {
    container = openContainer(file);
  } catch (e) {
    if (e instanceof PackageError) return refuse(e.problem === 'notAPackage' ? 'packageNotAPackage' : 'packageDamaged');
    throw e;
  }
  try {
    return checkPackage(container);
  } catch (e) {
    container.close();
    throw e;
  }
}

function checkPackage(container: ContainerFile): Package {
  const parts = container.parts;
  let manifest: Manifest;
  try {
    manifest = JSON.parse(container.read('manifest.json')?.toString('utf8') ?? '') as Manifest;
  } catch {
    return refuse('packageNotAPackage');
  }
  if (manifest?.format !== 1 || manifest.app !== 'Bimtek Studio' || !UUID.test(String(manifest.engagementId))) {
    return refuse('packageNotAPackage');
  }
  if (!Number.isInteger(manifest.schemaVersion) || manifest.schemaVersion > LATEST_SCHEMA_VERSION) {
    return refuse('packageNewer', { found: String(manifest.schemaVersion), schema: LATEST_SCHEMA_VERSION });
  }
  for (const p of manifest.parts ?? []) {
    const ref = parts.get(p.name);
    if (!ref || ref.length !== p.bytes || ref.sha256 !== p.sha256) return refuse('packageDamaged');
  }
  const listed = new Set((manifest.parts ?? []).map((p) => p.name));
  const json = (name: string): unknown => {
    if (!listed.has(name)) return [];
    try {
      return JSON.parse(container.read(name)!.toString('utf8'));
    } catch {
      return refuse('packageDamaged');
    }
  };
  const rows = new Map<string, Row[]>();
  for (const t of PACKAGE_TABLES) {
    const list = json(`rows/${t.table}.json`);
    if (!Array.isArray(list)) return refuse('packageDamaged');
    for (const r of list as unknown[]) {
      if (
        !r ||
        typeof r !== 'object' ||
        !UUID.test(String((r as Row).id)) ||
        typeof (r as Row).updated_at !== 'string'
      ) {
        return refuse('packageDamaged');
      }
      for (const v of Object.values(r as Row)) {
        if (v !== null && typeof v !== 'string' && typeof v !== 'number') return refuse('packageDamaged');
      }
    }
    rows.set(t.table, list as Row[]);
  }
  const blobMeta = json('blobs.json');
  if (!Array.isArray(blobMeta)) return refuse('packageDamaged');
  const blobs = (blobMeta as BlobRow[]).map((meta) => {
    const ref = parts.get(`blobs/${meta.hash}`);
    // An image is named by the SHA-256 of its bytes (computed while the file was checked): one
    // that does not match is not that image.
    if (!HASH.test(String(meta.hash)) || !ref || ref.sha256 !== meta.hash) return refuse('packageDamaged');
    return meta;
  });
  return {
    manifest,
    rows,
    blobs,
    blob: (hash) => container.read(`blobs/${hash}`)!,
    close: () => container.close(),
  };
}

type Action = 'added' | 'updated' | 'kept' | 'deleted' | 'unchanged';
interface Planned {
  table: PackageTable;
  incoming: Row;
  local: Row | undefined;
  action: Action;
  conflict: PackagePreview['conflicts'][number] | null;
}

/** Text from a file goes through the same cleaning as text typed at the boundary. */
const clean = (r: Row): Row =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'string' ? stripNonXml(v) : v]));

/**
 * What importing would do, row by row, matched by UUID. Newer `updated_at` wins; a row deleted
 * there and newer is a deletion. A conflict is a row changed on both sides since the two copies
 * last agreed: the last time they agreed is taken from the data itself, as the newest `updated_at`
 * among rows that are identical on both sides (no sync bookkeeping is needed in the file).
 */
function plan(db: Database, pkg: Package): Planned[] {
  const out: Planned[] = [];
  let agreed = '';
  const same = (a: Row, b: Row, cols: string[]) => cols.every((c) => (a[c] ?? null) === (b[c] ?? null));
  for (const t of PACKAGE_TABLES) {
    const cols = columnsOf(db, t.table);
    const get = db.prepare(`SELECT * FROM "${t.table}" WHERE id = ?`);
    const byKey = t.naturalKey
      ? db.prepare(`SELECT * FROM "${t.table}" WHERE ${t.naturalKey.map((c) => `"${c}" = ?`).join(' AND ')}`)
      : null;
    for (const raw of pkg.rows.get(t.table) ?? []) {
      const incoming = clean(raw);
      const local = (get.get(incoming.id) ?? byKey?.get(...t.naturalKey!.map((c) => incoming[c]))) as Row | undefined;
      // Another id for the same record: compared (and updated) as that record, keeping the local id.
      const shared = cols.filter((c) => c in incoming && !(local && c === 'id'));
      let action: Action;
      if (!local) action = 'added';
      else if (same(local, incoming, shared)) {
        action = 'unchanged';
        if (String(local.updated_at) > agreed) agreed = String(local.updated_at);
      } else if (String(incoming.updated_at) > String(local.updated_at)) {
        action = incoming.deleted_at && !local.deleted_at ? 'deleted' : 'updated';
      } else action = 'kept';
      out.push({ table: t, incoming, local, action, conflict: null });
    }
  }
  for (const p of out) {
    if (!p.local || (p.action !== 'updated' && p.action !== 'deleted' && p.action !== 'kept')) continue;
    const here = String(p.local.updated_at);
    const there = String(p.incoming.updated_at);
    if (here > agreed && there > agreed) {
      p.conflict = {
        key: `${p.table.table}:${String(p.incoming.id)}`,
        table: p.table.table,
        label: String((p.table.label && (p.incoming[p.table.label] ?? p.local[p.table.label])) ?? p.incoming.id),
        hereUpdatedAt: here,
        thereUpdatedAt: there,
        defaultChoice: there > here ? 'there' : 'here',
      };
    }
  }
  return out;
}

function previewOf(pkg: Package, planned: Planned[]): PackagePreview {
  const tables = PACKAGE_TABLES.map((t) => {
    const mine = planned.filter((p) => p.table === t);
    const n = (a: Action) => mine.filter((p) => p.action === a).length;
    return {
      table: t.table,
      added: n('added'),
      updated: n('updated'),
      kept: n('kept'),
      deleted: n('deleted'),
      unchanged: n('unchanged'),
    };
  });
  return {
    engagementId: pkg.manifest.engagementId,
    title: String(pkg.manifest.title),
    appVersion: String(pkg.manifest.appVersion),
    schemaVersion: pkg.manifest.schemaVersion,
    createdAt: String(pkg.manifest.createdAt),
    tables,
    conflicts: planned.flatMap((p) => (p.conflict ? [p.conflict] : [])),
    images: pkg.blobs.length,
  };
}

export function previewPackage(db: Database, file: string): PackagePreview {
  const pkg = readPackage(file);
  try {
    return previewOf(pkg, plan(db, pkg));
  } finally {
    pkg.close();
  }
}

/**
 * Merge a package: images first (a union), then every row the plan takes from the package, in one
 * transaction whose references are checked at commit. Returns what was done (as the preview).
 */
export function importPackage(
  db: Database,
  file: string,
  resolutions: Record<string, 'here' | 'there'>,
): PackagePreview {
  const pkg = readPackage(file);
  try {
    return mergePackage(db, pkg, resolutions);
  } finally {
    pkg.close();
  }
}

function mergePackage(db: Database, pkg: Package, resolutions: Record<string, 'here' | 'there'>): PackagePreview {
  const insertBlob = db.prepare(
    'INSERT INTO blobs (hash, mime, width, height, data, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(hash) DO NOTHING',
  );
  let result: PackagePreview | null = null;
  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    const planned = plan(db, pkg);
    // One image in memory at a time, read from the package file as it is inserted.
    for (const b of pkg.blobs) {
      insertBlob.run(b.hash, b.mime, b.width, b.height, pkg.blob(b.hash), b.created_at);
    }
    for (const p of planned) {
      const choice = p.conflict ? (resolutions[p.conflict.key] ?? p.conflict.defaultChoice) : null;
      const take =
        p.action === 'added' || (choice ? choice === 'there' : p.action === 'updated' || p.action === 'deleted');
      if (!take) {
        if (choice === 'here' && p.action !== 'kept') p.action = 'kept';
        continue;
      }
      if (choice === 'there' && p.action === 'kept') p.action = p.incoming.deleted_at ? 'deleted' : 'updated';
      const cols = columnsOf(db, p.table.table).filter((c) => c in p.incoming);
      const values = cols.map((c) => p.incoming[c]);
      if (p.action === 'added') {
        db.prepare(
          `INSERT INTO "${p.table.table}" (${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
        ).run(...values);
      } else {
        const set = cols.filter((c) => c !== 'id');
        db.prepare(`UPDATE "${p.table.table}" SET ${set.map((c) => `"${c}" = ?`).join(', ')} WHERE id = ?`).run(
          ...set.map((c) => p.incoming[c]),
          p.local!.id,
        );
      }
    }
    result = previewOf(pkg, planned);
  }).immediate();
  return result!;
}
