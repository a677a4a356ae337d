// `performance` is Node's global here (see groups.bench.ts: the bundler renames an import).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createBackend, type Backend } from '../../electron/core/backend';
import { payloadBytes } from '../../electron/core/documents/file-payload';
import { memorySettings } from '../../electron/core/settings';
import type { FilePayload } from '../../shared/attendance';
import { generatedPeople } from '../fixtures/attendance';
import { registerCsv } from './register';
import { ms, median, type Row } from './stats';

const ATTENDEES = 300;
const GROUPS = 12;
const OUTPUTS_PER_GROUP = 25;
const ACTIONS = 200;
const PHOTOS = 20;
const BUILD_BUDGET_MS = 1500;
const BLOCK_BUDGET_MS = 16;
const RUNS = 3;

async function must<T = any>(b: Backend, op: string, input: unknown): Promise<T> {
  const r = await b.handlers.dispatch(op as never, input);
  if (!r.ok) throw new Error(`${op}: ${r.error.message}`);
  return r.value as T;
}

/** A photo like a phone's: 4000 × 3000, smooth light with some grain (JPEG of a few MB). */
async function phonePhoto(seed: number): Promise<string> {
  const width = 4000;
  const height = 3000;
  const small = Buffer.alloc(400 * 300 * 3);
  let x = seed * 7919;
  for (let i = 0; i < small.length; i += 3) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    const p = i / 3;
    small[i] = (((p % 400) / 400) * 200 + (x % 40)) & 255;
    small[i + 1] = ((Math.floor(p / 400) / 300) * 180 + ((x >> 8) % 40)) & 255;
    small[i + 2] = (120 + ((x >> 16) % 60)) & 255;
  }
  const jpeg = await sharp(small, { raw: { width: 400, height: 300, channels: 3 } })
    .resize(width, height)
    .jpeg({ quality: 90 })
    .toBuffer();
  return jpeg.toString('base64');
}

/**
 * A two-day Tahap III at its largest: 300 attendees signed in on both days, 12 groups × 25
 * outputs, 200 action items, 20 photos, notes on every step, decisions, scored quick wins.
 */
async function seed(b: Backend, signatures: string[]) {
  const e = await must(b, 'engagements.create', {
    regionName: 'Kediri',
    regionKind: 'kota',
    province: 'Jawa Timur',
    year: 2019,
    timeZone: 'WIB',
    agencies: ['Diskominfo', 'Bappeda', 'Dinas Kesehatan', 'Bagian Hukum'],
  });
  const w = await must(b, 'workshops.create', {
    engagementId: e.id,
    stage: 'tahap-3',
    title: 'Bimtek Tahap III Penyusunan Masterplan Smart City',
    venue: 'Ruang Joyoboyo, Balai Kota Kediri',
    chairName: 'Abdullah Abu Bakar',
    chairPosition: 'Wali Kota Kediri',
    noteTakerName: 'Siti Rahmawati',
    noteTakerNip: '198501012010012001',
    mentors: ['Mentor Kominfo'],
    days: [
      { date: '2019-08-28', startTime: '08:00', endTime: '15:30' },
      { date: '2019-08-29', startTime: '08:00', endTime: '15:30' },
    ],
    template: 'tahap-3',
  });
  const reg = {
    engagementId: e.id,
    fileName: 'register.csv',
    data: Buffer.from(registerCsv(generatedPeople(ATTENDEES))).toString('base64'),
  };
  const pv = await must(b, 'participants.importPreview', reg);
  await must(b, 'participants.importCommit', { ...reg, headerIndex: pv.headerIndex, mapping: pv.mapping });
  const people: { id: string }[] = await must(b, 'participants.list', { engagementId: e.id });
  for (const day of w.days)
    for (let i = 0; i < people.length; i++)
      await must(b, 'attendance.checkIn', {
        dayId: day.id,
        participantId: people[i].id,
        signature: signatures[i % signatures.length],
      });
  await b.services!.cropQueue.idle();

  const agenda = await must(b, 'agenda.get', { workshopId: w.id });
  for (const day of agenda.days)
    for (const s of day.steps)
      await must(b, 'agenda.updateStep', {
        id: s.id,
        patch: {
          notes: `${s.title}: pokok bahasan disampaikan.\n- payung hukum (Perwali)\n- SOP tertulis\nT: kapan Perwali disahkan?\nJ: sebelum Tahap IV.`,
        },
      });
  const day2 = w.days[1].id;
  const forms = [
    { formId: 'swot', path: 'strengths' },
    { formId: 'vision-mission', path: 'missions' },
    { formId: 'strategy', path: 'strategies' },
  ];
  const steps: { id: string; path: string }[] = [];
  for (let i = 0; i < OUTPUTS_PER_GROUP; i++) {
    const f = forms[i % forms.length];
    const s = await must(b, 'agenda.addStep', {
      dayId: day2,
      step: { kind: 'diskusi-kelompok', title: `Diskusi ${i + 1}`, plannedMinutes: 30, formId: f.formId },
    });
    steps.push({ id: s.id, path: f.path });
  }
  const qw = await must(b, 'agenda.addStep', {
    dayId: day2,
    step: { kind: 'diskusi-kelompok', title: 'Usulan quick win', plannedMinutes: 60, formId: 'quick-win-proposal' },
  });
  const keys: string[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const group = await must(b, 'groups.create', { dayId: day2, name: `Kelompok ${g + 1}` });
    for (const s of steps) {
      const items = Array.from({ length: 8 }, (_, k) => `Butir ${k + 1} kelompok ${g + 1} untuk masterplan`);
      await must(b, 'outputs.setCell', { groupId: group.id, stepId: s.id, path: s.path, value: items });
    }
    await must(b, 'outputs.setCell', { groupId: group.id, stepId: qw.id, path: 'proposals/#rows', value: ['row1'] });
    await must(b, 'outputs.setCell', {
      groupId: group.id,
      stepId: qw.id,
      path: 'proposals/row1/name',
      value: `Usulan quick win kelompok ${g + 1}`,
    });
    keys.push(`${group.id}/${qw.id}/row1`);
  }
  for (const [i, key] of keys.entries())
    await must(b, 'quickwins.score', {
      workshopId: w.id,
      candidateKey: key,
      scorer: 'Tim Penilai',
      scores: { impact: 1 + (i % 5), feasibility: 1 + ((i + 2) % 5), cost: 3, innovation: 1 + ((i + 1) % 5) },
    });
  for (let i = 0; i < 10; i++)
    await must(b, 'decisions.create', { dayId: day2, text: `Keputusan ${i + 1}: Perwali Smart City disusun.` });
  for (let i = 0; i < ACTIONS; i++)
    await must(b, 'actions.create', {
      engagementId: e.id,
      workshopId: w.id,
      title: `Tindak lanjut ${i + 1}: menyusun SOP layanan ${i + 1}`,
      agency: ['Diskominfo', 'Bappeda', 'Bagian Hukum'][i % 3],
      dueDate: '2019-12-31',
    });
  for (let i = 0; i < PHOTOS; i++)
    await must(b, 'minutes.addPhoto', { workshopId: w.id, fileName: `foto-${i + 1}.jpg`, data: await phonePhoto(i) });
  return { w, steps, keys };
}

/** The same minutes as Markdown, for pandoc: headings, paragraphs, lists, tables and the photos. */
async function asMarkdown(b: Backend, workshopId: string, dir: string): Promise<string> {
  const view = await must(b, 'minutes.get', { workshopId });
  const lines: string[] = [`# ${view.title}`, ''];
  for (const h of view.header) lines.push(`**${h.label}**: ${h.value.split('\n').join('  \n')}`, '');
  for (const s of view.sections) {
    lines.push(`## ${s.title}`, '', s.subtitle, '');
    for (const blk of s.blocks) {
      if (blk.kind === 'p') lines.push(blk.text, '');
      else
        lines.push(...blk.items.map((t: string, i: number) => (blk.kind === 'ul' ? `- ${t}` : `${i + 1}. ${t}`)), '');
    }
  }
  const table = (rows: string[][]) => [
    `| ${rows[0].join(' | ')} |`,
    `|${rows[0].map(() => '---').join('|')}|`,
    ...rows.slice(1).map((r) => `| ${r.map((c) => c.replace(/\|/g, '/')).join(' | ')} |`),
  ];
  lines.push('## Tindak Lanjut', '', ...table(view.followUps), '');
  const people: { name: string; nip: string; position: string; agency: string }[] = await must(b, 'participants.list', {
    engagementId: (await must(b, 'workshops.get', { id: workshopId })).engagementId,
  });
  for (const [d, day] of ['Hari ke-1', 'Hari ke-2'].entries()) {
    lines.push(`## Lampiran I Daftar Hadir ${day}`, '');
    lines.push(
      ...table([
        ['No', 'Nama', 'NIP', 'Jabatan', 'Instansi/OPD', 'Tanda Tangan'],
        ...people.map((p, i) => [String(i + 1), p.name, p.nip, p.position, p.agency, `![](sig-${d}-${i % 50}.png)`]),
      ]),
      '',
    );
  }
  for (let i = 0; i < 50; i++)
    for (const d of [0, 1]) fs.writeFileSync(path.join(dir, `sig-${d}-${i}.png`), Buffer.from(SIG_PNG, 'base64'));
  const groups = await must(b, 'groups.list', { workshopId });
  lines.push('## Lampiran II Hasil Diskusi Kelompok', '');
  for (const day of groups.days)
    for (const g of day.groups)
      for (const s of day.steps.filter((x: any) => x.formId)) {
        const out = await must(b, 'outputs.get', { groupId: g.id, stepId: s.id });
        lines.push(`### ${g.name} — ${s.title}`, '');
        for (const v of Object.values(out.values))
          if (Array.isArray(v)) lines.push(...v.map((t) => `- ${String(t)}`), '');
      }
  lines.push('## Lampiran V Dokumentasi', '');
  for (const [i, p] of view.photos.entries()) {
    fs.writeFileSync(path.join(dir, `photo-${i}.jpg`), Buffer.from(p.thumbnail.split(',')[1], 'base64'));
    lines.push(`![${p.caption || p.fileName}](photo-${i}.jpg)`, '');
  }
  return lines.join('\n');
}

/** A 1×1 PNG stands in for each signature in the Markdown (pandoc only embeds the file). */
const SIG_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** The longest time the loop could not run a 1 ms timer while `work` ran. */
async function longestBlock<T>(work: () => Promise<T>): Promise<{ value: T; blockMs: number }> {
  let last = performance.now();
  let worst = 0;
  let running = true;
  const tick = () => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 1);
    last = now;
    if (running) setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  try {
    const value = await work();
    return { value, blockMs: worst };
  } finally {
    running = false;
  }
}

export async function benchMinutes(signatures: string[]): Promise<Row[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bimtek-bench-minutes-'));
  const b = createBackend({ dataDir: dir, mode: 'browser', version: 'bench', settings: memorySettings() });
  const rows: Row[] = [];
  const what = `minutes DOCX of a two-day workshop (${ATTENDEES} signed × 2 days, ${GROUPS} groups × ${OUTPUTS_PER_GROUP} outputs, ${ACTIONS} actions, ${PHOTOS} photos)`;
  try {
    const s0 = performance.now();
    const { w } = await seed(b, signatures);
    console.log(`minutes bench: seeded in ${((performance.now() - s0) / 1000).toFixed(1)} s`);
    // The first export loads the document builders in the worker; it is timed apart.
    const first = await longestBlock(() => must<FilePayload>(b, 'minutes.export', { workshopId: w.id }));
    const times: number[] = [];
    let worst = first.blockMs;
    let bytes = payloadBytes(first.value);
    for (let i = 0; i < RUNS; i++) {
      const s = performance.now();
      const r = await longestBlock(() => must<FilePayload>(b, 'minutes.export', { workshopId: w.id }));
      times.push(performance.now() - s);
      worst = Math.max(worst, r.blockMs);
      bytes = payloadBytes(r.value);
    }
    const build = median(times);
    rows.push({
      what,
      figure: `median ${ms(build)} of ${RUNS} (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB)`,
      budget: `≤ ${BUILD_BUDGET_MS} ms`,
      ok: build <= BUILD_BUDGET_MS,
    });
    const { revision } = await must(b, 'minutes.get', { workshopId: w.id });
    const fin = await longestBlock(() =>
      must(b, 'minutes.finalize', { workshopId: w.id, revision, by: 'Siti Rahmawati' }),
    );
    worst = Math.max(worst, fin.blockMs);
    rows.push({
      what: 'event loop answering calls, longest block while the minutes are built and finalized',
      figure: ms(worst),
      budget: `≤ ${BLOCK_BUDGET_MS} ms`,
      ok: worst <= BLOCK_BUDGET_MS,
    });

    const pandoc = spawnSync('pandoc', ['--version'], { encoding: 'utf8' });
    if (pandoc.status !== 0) {
      rows.push({
        what: 'pandoc, the same minutes as Markdown → DOCX',
        figure: 'not measured: pandoc is not installed (apt-get install pandoc)',
        budget: 'ours faster',
        ok: false,
      });
    } else {
      const mdDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bimtek-bench-pandoc-'));
      try {
        fs.writeFileSync(path.join(mdDir, 'notulen.md'), await asMarkdown(b, w.id, mdDir));
        const pt: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const s = performance.now();
          const r = spawnSync('pandoc', ['notulen.md', '-o', 'notulen.docx'], { cwd: mdDir, encoding: 'utf8' });
          pt.push(performance.now() - s);
          if (r.status !== 0) throw new Error(`pandoc failed: ${r.stderr}`);
        }
        const theirs = median(pt);
        rows.push({
          what: 'pandoc, the same minutes as Markdown → DOCX (its own process)',
          figure: `median ${ms(theirs)}; ours ${ms(build)} = ${(build / theirs).toFixed(2)}× pandoc's time`,
          budget: 'ours faster (ratio < 1)',
          ok: build < theirs,
        });
      } finally {
        fs.rmSync(mdDir, { recursive: true, force: true });
      }
    }
  } finally {
    b.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
