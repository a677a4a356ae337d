import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMPTY_OUTPUT_TEXT, NO_OUTPUTS_TEXT } from '../../../electron/core/documents/group-outputs-docx';
import { ROW_ORDER } from '../../../shared/forms';
import { useTestBackend } from '../../fixtures/backend';
import { cellTexts, openDocx, tableRows } from '../../fixtures/docx';
import { ISSUE_VALUES, SAMPLE_AGENCIES, SWOT_VALUES } from '../../fixtures/form-values';
import { engagementInput, STEP, workshopInput } from '../../fixtures/inputs';
import { signaturePng } from '../../fixtures/png';

const t = useTestBackend('bimtek-group-outputs-');
const { ok } = t;

/**
 * A one-day workshop: SWOT and issue analysis in groups, the commitment sheet, a pleno; three
 * groups (the second wrote nothing), a rapporteur and a facilitator for the first.
 */
async function workshop() {
  const e = await ok('engagements.create', {
    ...engagementInput(),
    agencies: [...SAMPLE_AGENCIES, 'Dinas Pekerjaan Umum dan Penataan Ruang', 'Dinas Kesehatan'],
  });
  const w = await ok('workshops.create', {
    ...workshopInput(e.id),
    days: [{ date: '2019-08-28', startTime: '08:00', endTime: '16:00' }],
    template: null,
  });
  const dayId = w.days[0].id as string;
  const add = async (kind: string, title: string, formId: string | null, afterId: string | null) =>
    (await ok('agenda.addStep', { dayId, afterId, step: { ...STEP, kind, title, formId } as never })).id as string;
  const swot = await add('diskusi-kelompok', 'Diskusi kelompok: analisis SWOT', 'swot', null);
  const issues = await add('diskusi-kelompok', 'Diskusi kelompok: isu strategis daerah', 'issue-analysis', swot);
  const commit = await add('penandatanganan-komitmen', 'Penandatanganan lembar komitmen', 'commitment', issues);
  await add('pleno', 'Pleno: presentasi hasil kelompok', null, commit);

  const rapporteur = await ok('participants.create', {
    engagementId: e.id,
    name: 'Rina Kartikasari, S.Kom.',
    agency: 'Dinas Komunikasi dan Informatika',
  });
  const other = await ok('participants.create', {
    engagementId: e.id,
    name: 'Bambang Sutejo',
    agency: 'Dinas Kesehatan',
  });
  for (const p of [rapporteur, other]) await ok('attendance.checkIn', { dayId, participantId: p.id });

  const g1 = await ok('groups.create', { dayId, name: 'Kelompok 1', topic: 'governance' });
  await ok('groups.create', { dayId, name: 'Kelompok 2', topic: 'economy' });
  const g3 = await ok('groups.create', { dayId, name: 'Kelompok 3', topic: 'Struktur' });
  await ok('groups.moveMember', { dayId, participantId: rapporteur.id, groupId: g1.id });
  await ok('groups.moveMember', { dayId, participantId: other.id, groupId: g1.id });
  await ok('groups.update', { id: g1.id, patch: { rapporteurId: rapporteur.id, facilitator: 'Mentor Kominfo' } });

  const write = async (groupId: string, stepId: string, values: Record<string, unknown>) => {
    for (const [p, value] of Object.entries(values)) await ok('outputs.setCell', { groupId, stepId, path: p, value });
  };
  await write(g1.id, swot, SWOT_VALUES);
  await write(g3.id, swot, { dimension: 'environment', strengths: ['Bank sampah di setiap kelurahan'] });
  await write(g1.id, issues, ISSUE_VALUES);
  await write(g1.id, commit, {
    statement: 'Kami berkomitmen melaksanakan Masterplan Smart City Kota Kediri 2020–2024.',
    [`signatories/${ROW_ORDER}`]: ['ttd-kadis'],
    'signatories/ttd-kadis/agency': 'Dinas Komunikasi dan Informatika',
    'signatories/ttd-kadis/name': 'Drs. Apip Permana, M.Si.',
    'signatories/ttd-kadis/position': 'Kepala Dinas',
  });
  await ok('outputs.sign', {
    groupId: g1.id,
    stepId: commit,
    path: 'signatories/ttd-kadis/signature',
    signature: Buffer.from(signaturePng(3)).toString('base64'),
  });
  return { w, other };
}

async function document(workshopId: string) {
  const file = await ok('documents.groupOutputs', { workshopId });
  const bytes = Buffer.from(file.data as string, 'base64');
  return { file, bytes, doc: await openDocx(bytes) };
}

describe('Hasil Diskusi Kelompok (documents.groupOutputs)', () => {
  it('lists per step every group with its heading, who spoke for it and its form’s table', async () => {
    const { w, other } = await workshop();
    const { file, bytes, doc } = await document(w.id);
    expect(file.fileName).toBe('Hasil Diskusi Kelompok Bimtek Tahap III Masterplan Smart City.docx');
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const text = doc.text;
    expect(text).toContain('HASIL DISKUSI KELOMPOK');
    expect(text).toMatch(/Daerah\s*:\s*Kota Kediri/);
    expect(text).toContain('Hari ke-1: Rabu, 28 Agustus 2019');

    // Steps in agenda order, groups in presentation order inside each.
    const at = (s: string, from = 0) => {
      const i = text.indexOf(s, from);
      expect(i, s).toBeGreaterThanOrEqual(0);
      return i;
    };
    const swot = at('Diskusi kelompok: analisis SWOT');
    const issues = at('Diskusi kelompok: isu strategis daerah', swot);
    const commit = at('Penandatanganan lembar komitmen', issues);
    const g1 = at('Kelompok 1 — Smart Governance', swot);
    const g2 = at('Kelompok 2 — Smart Economy', g1);
    const g3 = at('Kelompok 3 — Struktur', g2);
    expect(g3).toBeLessThan(issues);
    expect(text.slice(g1, g2)).toContain('Juru bicara: Rina Kartikasari, S.Kom. · Fasilitator: Mentor Kominfo');
    expect(text.slice(g1, g2)).toContain((SWOT_VALUES.strengths as string[])[0]);
    expect(text.slice(g1, g2)).toContain((SWOT_VALUES.threats as string[]).at(-1)!);
    // The group that wrote nothing says so instead of an empty table.
    expect(text.slice(g2, g3)).toContain(EMPTY_OUTPUT_TEXT);
    expect(text.slice(g3, issues)).toContain('Bank sampah di setiap kelurahan');
    expect(text.slice(issues, commit)).toContain(ISSUE_VALUES['issues/isu-banjir/issue'] as string);
    expect(text.slice(commit)).toContain('Drs. Apip Permana, M.Si.');
    // Members other than the rapporteur are not listed: the outputs are the group's, not a register.
    expect(text).not.toContain(other.name);

    // The signature of the commitment sheet is embedded as an image; each step starts a new page.
    expect(doc.media.length).toBeGreaterThanOrEqual(1);
    expect((doc.documentXml.match(/<w:pageBreakBefore\/>/g) ?? []).length).toBe(2);
    // Table headers repeat on every page the table runs onto.
    expect(tableRows(doc.documentXml).some((r) => r.includes('<w:tblHeader/>'))).toBe(true);
    expect(tableRows(doc.documentXml).map(cellTexts).flat().join(' ')).toContain(
      'Badan Perencanaan Pembangunan Daerah',
    );

    const out = process.env.BIMTEK_SHOTS_DIR;
    if (out) {
      fs.mkdirSync(out, { recursive: true });
      fs.writeFileSync(path.join(out, 'hasil-diskusi-kelompok.docx'), bytes);
    }
  });

  it('says so when no group has worked yet', async () => {
    const e = await ok('engagements.create', engagementInput());
    const w = await ok('workshops.create', { ...workshopInput(e.id), template: 'tahap-3' });
    const { doc } = await document(w.id);
    expect(doc.text).toContain('HASIL DISKUSI KELOMPOK');
    expect(doc.text).toContain(NO_OUTPUTS_TEXT);
  });
});
