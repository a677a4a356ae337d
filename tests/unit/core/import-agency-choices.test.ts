import { describe, expect, it } from 'vitest';
import { useTestBackend } from '../../fixtures/backend';
import { engagementInput } from '../../fixtures/inputs';

/*
 * The import's mapping step for agencies that match no OPD of the engagement's list nor an alias:
 * the preview lists them; the request chooses per agency (an OPD of the list, a new OPD, or as
 * written), optionally saving the file's name as an alias; the core checks every choice.
 */

const t = useTestBackend('bimtek-agency-choices-');
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

const LIST = [
  'Dinas Komunikasi dan Informatika = Diskominfo',
  'Badan Perencanaan Pembangunan Daerah',
  'Dinas Kesehatan',
];
const CSV = [
  '\ufeffNama;Instansi',
  'Ani;Diskominfo',
  'Budi;Kominfo Kota',
  'Citra;Kominfo kota',
  'Dedi;Bapeda',
  'Eka;Dinas Pariwisata',
  'Fajar;Dinas Sosial',
  'Gita;Dinas Kesehatan',
].join('\r\n');

async function setup() {
  const e = await t.ok('engagements.create', engagementInput({ agencies: LIST }));
  const file = { engagementId: e.id, fileName: 'peserta.csv', data: b64(CSV) };
  return { e, file };
}

const agenciesOf = (preview: Record<string, any>) =>
  Object.fromEntries(
    (preview.rows as { values: { name: string; agency: string } }[]).map((r) => [r.values.name, r.values.agency]),
  );

describe('import: agencies that match no OPD', () => {
  it('the preview lists them once each (first spelling, rows), with the OPDs to map them to', async () => {
    const { file } = await setup();
    const p = await t.ok('participants.importPreview', file);
    expect(p.unknownAgencies).toEqual([
      { written: 'Kominfo Kota', rows: 2 },
      { written: 'Bapeda', rows: 1 },
      { written: 'Dinas Pariwisata', rows: 1 },
      { written: 'Dinas Sosial', rows: 1 },
    ]);
    expect(p.opds).toEqual([
      'Dinas Komunikasi dan Informatika',
      'Badan Perencanaan Pembangunan Daerah',
      'Dinas Kesehatan',
    ]);
  });

  it('applies the choices on import and saves a new OPD and an alias on the list, in the same transaction', async () => {
    const { e, file } = await setup();
    const agencyChoices = [
      { written: 'kominfo kota', action: 'opd', opd: 'Dinas Komunikasi dan Informatika', saveAlias: true },
      { written: 'Bapeda', action: 'opd', opd: 'Badan Perencanaan Pembangunan Daerah', saveAlias: false },
      { written: 'Dinas Pariwisata', action: 'new' },
      { written: 'Dinas Sosial', action: 'keep' },
    ];
    const p = await t.ok('participants.importPreview', { ...file, agencyChoices });
    expect(agenciesOf(p)).toEqual({
      Ani: 'Dinas Komunikasi dan Informatika',
      Budi: 'Dinas Komunikasi dan Informatika',
      Citra: 'Dinas Komunikasi dan Informatika',
      Dedi: 'Badan Perencanaan Pembangunan Daerah',
      Eka: 'Dinas Pariwisata',
      Fajar: 'Dinas Sosial',
      Gita: 'Dinas Kesehatan',
    });
    // The preview writes nothing: the list is as it was.
    expect((await t.ok('engagements.get', { id: e.id })).agencies).toEqual(LIST);
    // Still listed as unknown (to the list as stored), whatever was chosen for them.
    expect(p.unknownAgencies).toHaveLength(4);

    const r = await t.ok('participants.importCommit', {
      ...file,
      headerIndex: p.headerIndex,
      mapping: p.mapping,
      agencyChoices,
    });
    expect(r).toMatchObject({ created: 7, opdsAdded: 1, aliasesSaved: 1 });
    expect((await t.ok('engagements.get', { id: e.id })).agencies).toEqual([
      'Dinas Komunikasi dan Informatika = Diskominfo, kominfo kota',
      'Badan Perencanaan Pembangunan Daerah',
      'Dinas Kesehatan',
      'Dinas Pariwisata',
    ]);
    const people = (await t.ok('participants.list', { engagementId: e.id })) as unknown as {
      name: string;
      agency: string;
    }[];
    expect(Object.fromEntries(people.map((x) => [x.name, x.agency]))).toEqual(agenciesOf(p));
    // Next time the saved alias matches by itself, and the new OPD is on the list.
    const again = await t.ok('participants.importPreview', file);
    expect(again.unknownAgencies.map((u: { written: string }) => u.written)).toEqual(['Bapeda', 'Dinas Sosial']);
  });

  it('refuses a choice the core cannot apply, naming the choice, and writes nothing', async () => {
    const { e, file } = await setup();
    const refused = async (agencyChoices: unknown[]) => {
      const p = await t.ok('participants.importPreview', file);
      const r = await t.backend().handlers.dispatch('participants.importCommit', {
        ...file,
        headerIndex: p.headerIndex,
        mapping: p.mapping,
        agencyChoices,
      });
      expect(r.ok).toBe(false);
      return r.ok ? [] : (r.error.details as { issues: { path: unknown[]; code: string }[] }).issues;
    };
    expect(await refused([{ written: 'Bapeda', action: 'opd', opd: 'Dinas Pendidikan' }])).toEqual([
      { path: ['agencyChoices', 0, 'opd'], code: 'notAnOpd' },
    ]);
    expect(await refused([{ written: 'Bapeda', action: 'opd' }])).toEqual([
      { path: ['agencyChoices', 0, 'opd'], code: 'required' },
    ]);
    // Not an agency of the file, or one the list already has: a choice cannot rename an OPD.
    expect(await refused([{ written: 'Dinas Perhubungan', action: 'new' }])).toEqual([
      { path: ['agencyChoices', 0, 'written'], code: 'notInFile' },
    ]);
    expect(await refused([{ written: 'Diskominfo', action: 'opd', opd: 'Dinas Kesehatan' }])).toEqual([
      { path: ['agencyChoices', 0, 'written'], code: 'notInFile' },
    ]);
    expect(
      await refused([
        { written: 'Bapeda', action: 'keep' },
        { written: 'BAPEDA', action: 'new' },
      ]),
    ).toEqual([{ path: ['agencyChoices', 1, 'written'], code: 'duplicate' }]);
    expect(await refused([{ written: 'Bapeda', action: 'sometimes' }])).toEqual([
      { path: ['agencyChoices', 0, 'action'], code: 'invalid' },
    ]);
    expect((await t.ok('participants.list', { engagementId: e.id })).length).toBe(0);
    expect((await t.ok('engagements.get', { id: e.id })).agencies).toEqual(LIST);
  });

  it('an alias the list format cannot hold is refused with its own message', async () => {
    const { validationMessage } = await import('../../../shared/messages');
    const e = await t.ok('engagements.create', engagementInput({ agencies: LIST }));
    const file = { engagementId: e.id, fileName: 'p.csv', data: b64('\ufeffNama;Instansi\r\nAni;"Kominfo, Kota"\r\n') };
    const r = await t.backend().handlers.dispatch('participants.importPreview', {
      ...file,
      agencyChoices: [
        { written: 'Kominfo, Kota', action: 'opd', opd: 'Dinas Komunikasi dan Informatika', saveAlias: true },
      ],
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.details).toEqual({ issues: [{ path: ['agencyChoices', 0, 'written'], code: 'agencyCharacters' }] });
    expect(validationMessage('id', 'agencyCharacters')).toContain('koma');
    // Mapped without saving the alias, the same row imports under the OPD.
    const p = await t.ok('participants.importPreview', {
      ...file,
      agencyChoices: [{ written: 'Kominfo, Kota', action: 'opd', opd: 'Dinas Komunikasi dan Informatika' }],
    });
    expect(agenciesOf(p)).toEqual({ Ani: 'Dinas Komunikasi dan Informatika' });
  });
});
