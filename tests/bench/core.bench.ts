import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../../electron/core/backend';
import { memorySettings } from '../../electron/core/settings';
import { ms, percentile, type Row } from './stats';

/** 1,000 workshop edits through the handlers: call → durable commit (synchronous=FULL, WAL). */
export async function benchWorkshopEdits(): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bimtek-bench-'));
  const backend = createBackend({ dataDir: dir, mode: 'browser', version: 'bench', settings: memorySettings() });
  const h = backend.handlers;
  const e = await h['engagements.create']({
    regionName: 'Kediri',
    regionKind: 'kota',
    province: 'Jawa Timur',
    year: 2019,
    timeZone: 'WIB',
  });
  if (!e.ok) throw new Error(e.error.message);
  const w = await h['workshops.create']({
    engagementId: e.value.id,
    stage: 'tahap-3',
    title: 'Bimtek Tahap III',
    days: [{ date: '2019-08-28', startTime: '09:00', endTime: '15:30' }],
  });
  if (!w.ok) throw new Error(w.error.message);
  const times: number[] = [];
  for (let i = 0; i < 1000; i++) {
    const t0 = performance.now();
    const r = await h['workshops.update']({ id: w.value.id, patch: { venue: `Ruang Joyoboyo ${i}` } });
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(r.error.message);
  }
  backend.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const p50 = percentile(times, 50);
  const p99 = percentile(times, 99);
  return [
    {
      what: 'workshop edit, handler → durable commit (1,000)',
      figure: `p50 ${ms(p50)}, p99 ${ms(p99)}`,
      budget: 'p99 ≤ 5 ms',
      ok: p99 <= 5,
    },
  ];
}
