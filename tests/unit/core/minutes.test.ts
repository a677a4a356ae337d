import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { openDocx } from '../../fixtures/docx';
import sharp from 'sharp';
import { textToBlocks, blocksToText } from '../../../shared/minutes';
import { useTestBackend } from '../../fixtures/backend';
import { engagementInput, workshopInput } from '../../fixtures/inputs';

const t = useTestBackend('bimtek-minutes-');
const { ok } = t;

const at = (hhmm: string, date = '2019-08-28') => new Date(`${date}T${hhmm}:00+07:00`).toISOString();

async function refused(op: string, input: unknown) {
  const r = await t.backend().handlers.dispatch(op as never, input);
  if (r.ok) throw new Error(`${op} was accepted`);
  return r.error;
}

/** Kota Kediri, Tahap III on two days from the template; day 1 run from 09.05 with notes and a decision. */
async function tahap3() {
  const e = await ok('engagements.create', engagementInput());
  const w = await ok('workshops.create', {
    ...workshopInput(e.id),
    days: [
      { date: '2019-08-28', startTime: '09:00', endTime: '15:30' },
      { date: '2019-08-29', startTime: '08:00', endTime: null },
    ],
    template: 'tahap-3',
  });
  const day1 = w.days[0].id as string;
  const steps = (await ok('agenda.get', { workshopId: w.id })).days[0].steps as any[];
  return { e, w, day1, steps };
}

const view = (workshopId: string) => ok('minutes.get', { workshopId });

describe('notes to blocks', () => {
  it('makes bulleted and numbered lists of marked lines and a paragraph of every other line', () => {
    const blocks = textToBlocks(
      'Mas Abu membuka.\n- level 3\n• level 4\n\n1. Perwali\n2) SOP\nT: kapan?\r\nJ: Desember',
    );
    expect(blocks).toEqual([
      { kind: 'p', text: 'Mas Abu membuka.' },
      { kind: 'ul', items: ['level 3', 'level 4'] },
      { kind: 'ol', items: ['Perwali', 'SOP'] },
      { kind: 'p', text: 'T: kapan?' },
      { kind: 'p', text: 'J: Desember' },
    ]);
    expect(textToBlocks(blocksToText(blocks))).toEqual(blocks);
    expect(textToBlocks('  \n\n')).toEqual([]);
  });
});

describe('the minutes of a workshop', () => {
  it('are assembled from the record: header, actual times, notes per step, decisions, follow-ups', async () => {
    const { e, w, day1, steps } = await tahap3();
    const talk = steps.find((s) => s.kind === 'paparan');
    await ok('agenda.updateStep', {
      id: talk.id,
      patch: { notes: 'Kediri di level 3, ingin level 4.\n- payung hukum (Perwali)\n- SOP tertulis' },
    });
    t.clock.clock = at('09:05');
    await ok('run.command', { dayId: day1, command: 'start', expectedStepId: null });
    let current = steps[0].id;
    // Each step after the first takes 20 minutes: 09.25, 09.45, 10.05, …
    for (const [i, s] of steps.slice(1, steps.indexOf(talk) + 2).entries()) {
      const minutes = 9 * 60 + 25 + i * 20;
      t.clock.clock = at(
        `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
      );
      await ok('run.command', { dayId: day1, command: 'next', expectedStepId: current });
      current = s.id;
    }
    await ok('decisions.create', { dayId: day1, text: 'Perwali Smart City disusun sebelum Tahap IV.' });
    const siti = await ok('participants.create', { engagementId: e.id, name: 'Siti Aminah', agency: 'Diskominfo' });
    await ok('attendance.checkIn', { dayId: day1, participantId: siti.id });
    await ok('actions.create', {
      engagementId: e.id,
      workshopId: w.id,
      title: 'Menyusun Perwali Smart City',
      agency: 'Bagian Hukum',
      dueDate: '2019-12-31',
    });

    const m = await view(w.id);
    expect(m.state).toBe('draft');
    expect(m.title).toBe('NOTULEN RAPAT');
    const header = Object.fromEntries(m.header.map((h: any) => [h.label, h.value]));
    // The stage is in the title already; the region is added.
    expect(header['Sidang/Rapat']).toBe('Bimtek Tahap III Masterplan Smart City Kota Kediri');
    expect(header['Hari/Tanggal']).toBe('Hari ke-1: Rabu, 28 Agustus 2019\nHari ke-2: Kamis, 29 Agustus 2019');
    expect(header['Surat Undangan']).toBe('Nomor 005/123/419.44/2019 tanggal 20 Agustus 2019');
    expect(header['Waktu']).toMatch(
      /^Hari ke-1: 09\.00–15\.30 WIB \(pelaksanaan 09\.05 WIB s\.d\. selesai\)\nHari ke-2: 08\.00–\d\d\.\d\d WIB$/,
    );
    expect(header['Tempat']).toBe('Ruang Joyoboyo, Balai Kota Kediri');
    expect(header['Pimpinan Rapat']).toBe('Abdullah Abu Bakar, Wali Kota Kediri');
    expect(header['Notulis']).toBe('Staf Diskominfo');
    expect(header['Peserta']).toBe('Hari ke-1: 1 orang\nHari ke-2: 0 orang, daftar hadir terlampir');
    // The numbered agenda leaves out registration and breaks.
    expect(header['Acara'].split('\n')[0]).toMatch(/^1\. Pembukaan/);
    expect(header['Acara']).not.toMatch(/Registrasi|Istirahat/);

    expect(m.sections[0]).toMatchObject({ key: 'opening', edited: false });
    expect(m.sections[0].blocks[0]).toEqual({
      kind: 'p',
      text: 'Rapat dibuka pada pukul 09.05 WIB oleh Abdullah Abu Bakar, Wali Kota Kediri.',
    });
    const pembahasan = m.sections.find((s: any) => s.key === `step:${talk.id}`);
    expect(pembahasan.subtitle).toMatch(
      /^Hari ke-1 · \d\d\.\d\d–\d\d\.\d\d WIB \(rencana \d\d\.\d\d–\d\d\.\d\d WIB\)$/,
    );
    expect(pembahasan.blocks).toEqual([
      { kind: 'p', text: 'Kediri di level 3, ingin level 4.' },
      { kind: 'ul', items: ['payung hukum (Perwali)', 'SOP tertulis'] },
    ]);
    expect(m.sections.find((s: any) => s.key === 'decisions').blocks).toEqual([
      { kind: 'ol', items: ['Perwali Smart City disusun sebelum Tahap IV.'] },
    ]);
    expect(m.sections[m.sections.length - 1].key).toBe('closing');
    expect(m.followUps[0]).toEqual(['No', 'Tindak lanjut', 'Penanggung jawab (OPD)', 'Batas waktu', 'Status']);
    expect(m.followUps[1]).toEqual(['1', 'Menyusun Perwali Smart City', 'Bagian Hukum', '31 Desember 2019', 'Belum']);
    expect(m.annexes).toEqual(['Lampiran I Daftar Hadir', 'Lampiran II Tindak Lanjut']);
    expect(m.signing.placeDate).toBe('Kediri, 29 Agustus 2019');
    expect(m.signing.signatories.map((s: any) => s.role)).toEqual(['Pimpinan Rapat', 'Notulis']);
  });

  it('keeps a rewritten section until it is rebuilt from the notes, which then flow in again', async () => {
    const { w, steps } = await tahap3();
    const talk = steps.find((s) => s.kind === 'paparan');
    const key = `step:${talk.id}`;
    const before = await view(w.id);
    const mine = [
      { kind: 'p', text: 'Ditulis ulang oleh sekretariat.' },
      { kind: 'ol', items: ['satu', 'dua'] },
    ];
    const saved = await ok('minutes.saveSection', { workshopId: w.id, key, blocks: mine });
    expect(saved.revision).toBe(before.revision + 1);
    await ok('agenda.updateStep', { id: talk.id, patch: { notes: 'Catatan baru notulis.' } });
    let s = (await view(w.id)).sections.find((x: any) => x.key === key);
    expect(s).toMatchObject({ edited: true, blocks: mine, draft: [{ kind: 'p', text: 'Catatan baru notulis.' }] });

    await ok('minutes.rebuildSection', { workshopId: w.id, key });
    s = (await view(w.id)).sections.find((x: any) => x.key === key);
    expect(s).toMatchObject({ edited: false, blocks: [{ kind: 'p', text: 'Catatan baru notulis.' }] });
  });

  it('takes a 100,000-character section and refuses a section that is not in the minutes', async () => {
    const { w, steps } = await tahap3();
    const long = 'Pembahasan panjang. '.repeat(5000);
    await ok('minutes.saveSection', { workshopId: w.id, key: 'closing', blocks: [{ kind: 'p', text: long }] });
    expect((await view(w.id)).sections.at(-1).blocks[0].text === long).toBe(true);
    // …and exports.
    const file = await ok('minutes.export', { workshopId: w.id });
    expect(Buffer.from(file.data, 'base64').subarray(0, 2).toString()).toBe('PK');
    const err = await refused('minutes.saveSection', {
      workshopId: w.id,
      key: 'step:00000000-0000-4000-8000-000000000000',
      blocks: [],
    });
    expect(err.code).toBe('NOT_FOUND');
    // Registration has no Pembahasan section: it cannot be written either.
    const registration = steps.find((x: { kind: string }) => x.kind === 'registrasi');
    const again = await refused('minutes.saveSection', {
      workshopId: w.id,
      key: `step:${registration.id}`,
      blocks: [],
    });
    expect(again.code).toBe('NOT_FOUND');
  });

  it('a chair whose name ends in a title gets one full stop', async () => {
    const e = await ok('engagements.create', engagementInput());
    const w = await ok(
      'workshops.create',
      workshopInput(e.id, { chairName: 'Drs. Sutrisno, M.Si.', chairPosition: '' }),
    );
    expect((await view(w.id)).sections[0].blocks[0].text).toBe('Rapat dibuka oleh Drs. Sutrisno, M.Si.');
  });

  it('an empty workshop (no agenda, no attendance, no groups) still has its sections', async () => {
    const e = await ok('engagements.create', engagementInput());
    const w = await ok(
      'workshops.create',
      workshopInput(e.id, { venue: '', mentors: [], invitationNumber: '', invitationDate: null }),
    );
    const m = await view(w.id);
    // Reading never writes: the minutes row is made by the first change.
    expect(t.db().prepare('SELECT count(*) FROM minutes').pluck().get()).toBe(0);
    expect(m.sections.map((s: any) => s.key)).toEqual(['opening', 'decisions', 'closing']);
    const header = Object.fromEntries(m.header.map((h: any) => [h.label, h.value]));
    expect(header['Tempat']).toBe('—');
    expect(header['Surat Undangan']).toBe('—');
    expect(header['Acara']).toBe('—');
    expect(m.followUps).toHaveLength(1);
    expect(m.annexes).toEqual([]);
    // It still exports: a valid DOCX whose sections say "—".
    const file = await ok('minutes.export', { workshopId: w.id });
    const text = (await openDocx(Buffer.from(file.data, 'base64'))).text;
    expect(text).toContain('C. Keputusan/Kesimpulan\n\n—');
  });

  it('the number is kept; photos are refused when the workshop is unknown', async () => {
    const { w } = await tahap3();
    await ok('minutes.setHeader', { workshopId: w.id, number: '005/77/419.44/2019' });
    expect((await view(w.id)).number).toBe('005/77/419.44/2019');
    const err = await refused('minutes.get', { workshopId: '00000000-0000-4000-8000-000000000000' });
    expect(err.code).toBe('NOT_FOUND');
  });
});

describe('photos of the minutes', () => {
  const jpeg = (width: number, height: number, r = 200) =>
    sharp({ create: { width, height, channels: 3, background: { r, g: 90, b: 40 } } })
      .jpeg()
      .toBuffer()
      .then((b) => b.toString('base64'));

  it('go in resized, in order, with captions; a HEIC or a broken file is refused with the reason', async () => {
    const { w } = await tahap3();
    const big = await ok('minutes.addPhoto', {
      workshopId: w.id,
      fileName: 'pembukaan.jpg',
      data: await jpeg(3200, 2400),
    });
    expect(big).toMatchObject({ width: 1600, height: 1200, included: true, caption: '', position: 0 });
    expect(big.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    const small = await ok('minutes.addPhoto', {
      workshopId: w.id,
      fileName: 'diskusi.jpg',
      data: await jpeg(800, 600, 20),
    });

    const heic = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic'), Buffer.alloc(64, 1)]);
    let err = await refused('minutes.addPhoto', {
      workshopId: w.id,
      fileName: 'IMG_0001.HEIC',
      data: heic.toString('base64'),
    });
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toMatch(/HEIC.*JPEG/);
    err = await refused('minutes.addPhoto', {
      workshopId: w.id,
      fileName: 'notulen.txt',
      data: Buffer.from('bukan foto').toString('base64'),
    });
    expect(err.message).toBe('Berkas ini bukan foto JPEG, PNG atau WebP.');

    await ok('minutes.updatePhoto', { id: small.id, caption: 'Diskusi kelompok', included: true });
    await ok('minutes.updatePhoto', { id: big.id, included: false });
    await ok('minutes.movePhoto', { id: small.id, index: 0 });
    const m = await view(w.id);
    expect(m.photos.map((p: any) => [p.fileName, p.caption, p.included, p.position])).toEqual([
      ['diskusi.jpg', 'Diskusi kelompok', true, 0],
      ['pembukaan.jpg', '', false, 1],
    ]);
    expect(m.annexes).toEqual(['Lampiran I Dokumentasi']);

    await ok('minutes.removePhoto', { id: small.id });
    expect((await view(w.id)).photos.map((p: any) => p.id)).toEqual([big.id]);
  });
});

describe('finalizing the minutes', () => {
  it('locks version 1 with its bytes and code; reopening needs a reason and the next finalize is version 2', async () => {
    const { w } = await tahap3();
    const draft = await ok('minutes.export', { workshopId: w.id });
    expect(draft.fileName).toMatch(/\(draf\)\.docx$/);
    const { revision } = await view(w.id);
    const v1 = await ok('minutes.finalize', { workshopId: w.id, revision, by: 'Staf Diskominfo' });
    expect(v1).toMatchObject({ version: 1, finalizedBy: 'Staf Diskominfo', reopenedAt: null });
    expect(v1.code).toMatch(/^[0-9A-F]{4}-[0-9A-F]{4}$/);
    const first = Buffer.from((await ok('minutes.version', { workshopId: w.id, version: 1 })).data, 'base64');
    expect(createHash('sha256').update(first).digest('hex')).toBe(v1.sha256);
    expect(first.byteLength).toBe(v1.bytes);
    const zip = await JSZip.loadAsync(first);
    const footers = Object.keys(zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n));
    const footerText = (await Promise.all(footers.map((n) => zip.file(n)!.async('string')))).join('');
    expect(footerText).toContain(`Versi 1 · Kode verifikasi ${v1.code}`);
    // The export of finalized minutes is the version itself.
    expect(Buffer.from((await ok('minutes.export', { workshopId: w.id })).data, 'base64').equals(first)).toBe(true);

    let err = await refused('minutes.saveSection', { workshopId: w.id, key: 'opening', blocks: [] });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/sudah difinalkan/);
    err = await refused('minutes.reopen', { workshopId: w.id, by: 'Staf Diskominfo', reason: ' ' });
    expect(err.code).toBe('VALIDATION');

    const reopened = await ok('minutes.reopen', {
      workshopId: w.id,
      by: 'Staf Diskominfo',
      reason: 'Nama narasumber salah.',
    });
    expect(reopened.state).toBe('draft');
    expect(reopened.versions[0]).toMatchObject({ version: 1, reopenReason: 'Nama narasumber salah.' });
    await ok('minutes.saveSection', {
      workshopId: w.id,
      key: 'opening',
      blocks: [{ kind: 'p', text: 'Dibuka ulang.' }],
    });
    const v2 = await ok('minutes.finalize', { workshopId: w.id, revision: (await view(w.id)).revision, by: 'Siti' });
    expect(v2.version).toBe(2);
    expect(v2.code).not.toBe(v1.code);
    expect((await view(w.id)).versions.map((v: any) => v.version)).toEqual([1, 2]);
    const again = Buffer.from((await ok('minutes.version', { workshopId: w.id, version: 1 })).data, 'base64');
    expect(again.equals(first)).toBe(true);
  });

  it('finalizing twice at once (two windows) makes one version; a stale revision is refused', async () => {
    const { w } = await tahap3();
    const { revision } = await view(w.id);
    const results = await Promise.all([
      t.backend().handlers.dispatch('minutes.finalize', { workshopId: w.id, revision, by: 'Jendela A' }),
      t.backend().handlers.dispatch('minutes.finalize', { workshopId: w.id, revision, by: 'Jendela B' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const lost = results.find((r) => !r.ok);
    expect(lost && !lost.ok && lost.error.code).toBe('CONFLICT');
    expect((await view(w.id)).versions).toHaveLength(1);

    await ok('minutes.reopen', { workshopId: w.id, by: 'A', reason: 'Perbaikan' });
    const err = await refused('minutes.finalize', { workshopId: w.id, revision, by: 'A' });
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toMatch(/berubah/);
  });
});

describe('progress of a long export', () => {
  it('the worker reports its phases in order; the page can ask how far an export is', async () => {
    const { w } = await tahap3();
    const phases: string[] = [];
    const s = t.backend().services!;
    await s.jobs.run('minutes.build', { dbFile: s.ctx.db.name, workshopId: w.id, version: null }, [], (p) =>
      phases.push(`${p.phase} ${p.step}/${p.steps}`),
    );
    expect(phases).toEqual(['gather 1/3', 'chart 2/3', 'build 3/3']);

    expect(await ok('minutes.progress', { workshopId: w.id })).toBeNull();
    const exporting = ok('minutes.export', { workshopId: w.id });
    // The export cannot finish before its worker answers, which takes a turn of the event loop.
    const during = await ok('minutes.progress', { workshopId: w.id });
    expect(during).toMatchObject({ startedAt: t.clock.clock });
    await exporting;
    expect(await ok('minutes.progress', { workshopId: w.id })).toBeNull();
  });
});

describe('the annexes from the record', () => {
  it('group outputs, the register and the scored quick wins with their chart go in', async () => {
    const { e, w } = await tahap3();
    const day2 = w.days[1].id;
    const step = await ok('agenda.addStep', {
      dayId: day2,
      step: { kind: 'diskusi-kelompok', title: 'Usulan quick win', plannedMinutes: 60, formId: 'quick-win-proposal' },
    });
    const group = await ok('groups.create', { dayId: day2, name: 'Kelompok 1' });
    const cell = (path: string, value: unknown) =>
      ok('outputs.setCell', { groupId: group.id, stepId: step.id, path, value });
    await cell('proposals/#rows', ['row1']);
    await cell('proposals/row1/name', 'e-SPTPD');
    await ok('quickwins.score', {
      workshopId: w.id,
      candidateKey: `${group.id}/${step.id}/row1`,
      scorer: 'Tim Penilai',
      scores: { impact: 5, feasibility: 4, cost: 3, innovation: 4 },
    });
    await ok('actions.create', { engagementId: e.id, title: 'Perwali Smart City', agency: 'Bagian Hukum' });

    const m = await view(w.id);
    expect(m.annexes).toEqual([
      'Lampiran I Hasil Diskusi Kelompok',
      'Lampiran II Tindak Lanjut',
      'Lampiran III Peringkat Quick Win',
    ]);
    const file = await ok('minutes.export', { workshopId: w.id });
    const doc = await openDocx(Buffer.from(file.data, 'base64'));
    for (const heading of m.annexes) expect(doc.text.replace(/\n+/g, ' ')).toContain(heading);
    expect(doc.text).toContain('e-SPTPD');
    // The chart is a PNG in the file.
    expect(doc.media.some((n) => n.endsWith('.png'))).toBe(true);
  });
});
