import JSZip from 'jszip';
import { describe, expect, it, vi } from 'vitest';
import { buildAttendanceList, gatherAttendanceList } from '../../../electron/core/documents/files';
import * as ink from '../../../electron/core/documents/signature-ink';
import { useTestBackend } from '../../fixtures/backend';
import { engagementInput, workshopInput } from '../../fixtures/inputs';
import { signaturePng } from '../../fixtures/png';

/*
 * Signatures are cropped to their ink once, when they are stored (in the job pool, after the
 * check-in committed), not at every export: the daftar hadir reads the crops and crops only the
 * signatures that have none (older data, or a crop not made yet).
 */

vi.mock('../../../electron/core/documents/signature-ink', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../electron/core/documents/signature-ink')>();
  return { ...actual, cropToInk: vi.fn(actual.cropToInk) };
});

const t = useTestBackend('bimtek-signature-crops-');
const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function seed(n: number) {
  const e = await t.ok('engagements.create', engagementInput());
  const w = await t.ok('workshops.create', workshopInput(e.id));
  const dayId = w.days[0].id as string;
  const hashes: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = await t.ok('participants.create', { engagementId: e.id, name: `Peserta ${i + 1}`, agency: 'Diskominfo' });
    await t.ok('attendance.checkIn', { dayId, participantId: p.id, signature: b64(signaturePng(i + 1, 600, 240)) });
    hashes.push(
      t.db().prepare('SELECT signature_hash FROM attendance WHERE participant_id = ?').pluck().get(p.id) as string,
    );
  }
  return { dayId, hashes };
}

/** The images of the DOCX, signatures only (the emblem is not set here), as bytes. */
async function media(bytes: Uint8Array): Promise<Buffer[]> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
  return Promise.all(names.map((f) => zip.files[f].async('nodebuffer')));
}

const exportDay = async (dayId: string) =>
  (await buildAttendanceList(gatherAttendanceList(t.backend().services!, dayId, false))).bytes;

describe('signature crops', () => {
  it('a check-in crops its signature in the job pool, kept beside the original', async () => {
    const { hashes } = await seed(2);
    const s = t.backend().services!;
    await s.cropQueue.idle();
    for (const hash of hashes) {
      const v = s.crops.get(hash);
      expect(v).not.toBeNull();
      // Cropped to the ink: narrower and lower than the 600 × 240 pad, and stored as blobs.
      expect(v!.crop.width).toBeLessThan(600);
      expect(v!.crop.height).toBeLessThan(240);
      const expected = ink.inkVariants({ data: s.blobs.get(hash)!.data, width: 600, height: 240 })!;
      expect(Buffer.from(v!.crop.data).equals(Buffer.from(expected.crop.data))).toBe(true);
      expect(Buffer.from(v!.bold.data).equals(Buffer.from(expected.bold.data))).toBe(true);
    }
    const rows = t.db().prepare('SELECT original_hash, crop_hash, bold_hash FROM signature_crops').all() as {
      original_hash: string;
      crop_hash: string;
      bold_hash: string;
    }[];
    expect(rows.map((r) => r.original_hash).sort()).toEqual([...hashes].sort());
    const blob = t.db().prepare('SELECT 1 FROM blobs WHERE hash = ?').pluck();
    for (const r of rows) expect([blob.get(r.crop_hash), blob.get(r.bold_hash)]).toEqual([1, 1]);
  });

  it('setSignature (a signature redone) is cropped too', async () => {
    const { dayId } = await seed(1);
    const s = t.backend().services!;
    const participantId = t.db().prepare('SELECT participant_id FROM attendance').pluck().get() as string;
    await t.ok('attendance.setSignature', { dayId, participantId, signature: b64(signaturePng(9, 600, 240)) });
    await s.cropQueue.idle();
    const hash = t.db().prepare('SELECT signature_hash FROM attendance').pluck().get() as string;
    expect(s.crops.get(hash)).not.toBeNull();
  });

  it('the export uses the stored crops and crops nothing itself', async () => {
    const { dayId, hashes } = await seed(3);
    const s = t.backend().services!;
    await s.cropQueue.idle();
    vi.mocked(ink.cropToInk).mockClear();
    const images = await media(await exportDay(dayId));
    expect(ink.cropToInk).not.toHaveBeenCalled();
    // Each signature in the file is one of its stored prints, byte for byte.
    const stored = hashes.flatMap((h) => {
      const v = s.crops.get(h)!;
      return [Buffer.from(v.crop.data), Buffer.from(v.bold.data)];
    });
    expect(images).toHaveLength(3);
    for (const img of images) expect(stored.some((b) => b.equals(img))).toBe(true);
  });

  it('falls back to cropping a signature whose crop is not there, with the same result', async () => {
    const { dayId } = await seed(3);
    const s = t.backend().services!;
    await s.cropQueue.idle();
    vi.mocked(ink.cropToInk).mockClear();
    const withCrops = await media(await exportDay(dayId));
    // Older data: no crops at all (their blobs stay, unused).
    t.db().prepare('DELETE FROM signature_crops').run();
    const without = await media(await exportDay(dayId));
    expect(ink.cropToInk).toHaveBeenCalledTimes(3);
    expect(without.map((b) => b.toString('hex')).sort()).toEqual(withCrops.map((b) => b.toString('hex')).sort());
  });
});
