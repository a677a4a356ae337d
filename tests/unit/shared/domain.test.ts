import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  DEFAULT_PROGRAMME_NAME,
  EngagementInput,
  EngagementPatch,
  isRealDate,
  LIMITS,
  WorkshopInput,
  WorkshopPatch,
} from '../../../shared/domain';
import { issuesByField, toFieldIssues } from '../../../shared/validation';
import { validationMessage } from '../../../shared/messages';
import { engagementInput, UNKNOWN_ID, workshopInput } from '../../fixtures/inputs';

/** The first issue code per field path ("days.0.endTime"), as a form shows them. */
function fieldErrors(schema: z.ZodType, input: unknown): Record<string, string> {
  const r = schema.safeParse(input);
  if (r.success) return {};
  return issuesByField(toFieldIssues(r.error));
}

function parsed<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new Error(`expected valid input: ${JSON.stringify(r.error.issues)}`);
  return r.data;
}

const day = (date: string, startTime: string, endTime: string | null) => ({
  date,
  startTime,
  endTime,
});

describe('EngagementInput', () => {
  it('accepts the Kediri engagement and fills the defaults', () => {
    const { programmeName: _p, agencies: _a, ...minimal } = engagementInput();
    const value = parsed(EngagementInput, minimal);
    expect(value.programmeName).toBe(DEFAULT_PROGRAMME_NAME);
    expect(value.agencies).toEqual([]);
    expect(value.regionName).toBe('Kediri');
  });

  it('trims text', () => {
    const value = parsed(EngagementInput, engagementInput({ regionName: '  Kediri  ', agencies: [' Bappeda '] }));
    expect(value.regionName).toBe('Kediri');
    expect(value.agencies).toEqual(['Bappeda']);
  });

  it('requires the region name and the province', () => {
    const { regionName: _r, province: _p, ...rest } = engagementInput();
    expect(fieldErrors(EngagementInput, rest)).toEqual({
      regionName: 'required',
      province: 'required',
    });
    expect(fieldErrors(EngagementInput, engagementInput({ regionName: '   ', province: '' }))).toEqual({
      regionName: 'required',
      province: 'required',
    });
  });

  it('requires the kind of region and a known one', () => {
    const { regionKind: _k, ...rest } = engagementInput();
    expect(fieldErrors(EngagementInput, rest)).toEqual({
      regionKind: 'required',
    });
    expect(
      fieldErrors(EngagementInput, {
        ...engagementInput(),
        regionKind: 'desa',
      }),
    ).toEqual({
      regionKind: 'invalid',
    });
  });

  it('accepts years 2000 to 2100 only', () => {
    expect(fieldErrors(EngagementInput, engagementInput({ year: 2000 }))).toEqual({});
    expect(fieldErrors(EngagementInput, engagementInput({ year: 2100 }))).toEqual({});
    expect(fieldErrors(EngagementInput, engagementInput({ year: 1999 }))).toEqual({ year: 'yearRange' });
    expect(fieldErrors(EngagementInput, engagementInput({ year: 2101 }))).toEqual({ year: 'yearRange' });
    expect(fieldErrors(EngagementInput, engagementInput({ year: 2019.5 }))).toEqual({ year: 'invalid' });
    // An emptied number field (NaN) is missing: "Wajib diisi.", not "wrong type".
    expect(fieldErrors(EngagementInput, engagementInput({ year: Number.NaN }))).toEqual({ year: 'required' });
    expect(fieldErrors(EngagementInput, { ...engagementInput(), year: '2019' })).toEqual({
      year: 'invalidType',
    });
    const { year: _y, ...rest } = engagementInput();
    expect(fieldErrors(EngagementInput, rest)).toEqual({ year: 'required' });
  });

  it('accepts WIB, WITA and WIT and nothing else', () => {
    for (const timeZone of ['WIB', 'WITA', 'WIT'] as const) {
      expect(fieldErrors(EngagementInput, engagementInput({ timeZone }))).toEqual({});
    }
    expect(fieldErrors(EngagementInput, { ...engagementInput(), timeZone: 'UTC' })).toEqual({
      timeZone: 'invalid',
    });
    expect(fieldErrors(EngagementInput, { ...engagementInput(), timeZone: 'wib' })).toEqual({
      timeZone: 'invalid',
    });
    const { timeZone: _t, ...rest } = engagementInput();
    expect(fieldErrors(EngagementInput, rest)).toEqual({
      timeZone: 'required',
    });
  });

  it('rejects the same agency twice, whatever the case and spacing', () => {
    expect(fieldErrors(EngagementInput, engagementInput({ agencies: ['Diskominfo', 'DISKOMINFO'] }))).toEqual({
      agencies: 'duplicate',
    });
    expect(fieldErrors(EngagementInput, engagementInput({ agencies: ['Bappeda', ' bappeda '] }))).toEqual({
      agencies: 'duplicate',
    });
    expect(fieldErrors(EngagementInput, engagementInput({ agencies: ['Bappeda', 'Barenlitbang'] }))).toEqual({});
  });

  it('rejects an empty agency name, too long names and too many agencies', () => {
    expect(fieldErrors(EngagementInput, engagementInput({ agencies: ['Bappeda', ''] }))).toEqual({
      'agencies.1': 'required',
    });
    expect(fieldErrors(EngagementInput, engagementInput({ regionName: 'x'.repeat(121) }))).toEqual({
      regionName: 'tooLong',
    });
    const many = Array.from({ length: LIMITS.agencies + 1 }, (_, i) => `OPD ${i}`);
    expect(fieldErrors(EngagementInput, engagementInput({ agencies: many }))).toEqual({
      agencies: 'tooMany',
    });
  });

  it('says in both languages what is wrong', () => {
    expect(validationMessage('id', 'duplicate')).toBe('Ada isian ganda.');
    expect(validationMessage('en', 'yearRange')).toBe('Year must be between 2000 and 2100.');
    expect(validationMessage('en', 'no-such-code')).toBe('Not valid.');
  });
});

describe('EngagementPatch', () => {
  it('accepts a single field (autosave) and an empty patch', () => {
    expect(parsed(EngagementPatch, { province: 'Jawa Timur' })).toEqual({
      province: 'Jawa Timur',
    });
    expect(parsed(EngagementPatch, {})).toEqual({});
  });

  it('checks the fields it carries like the input does', () => {
    expect(fieldErrors(EngagementPatch, { year: 1999 })).toEqual({
      year: 'yearRange',
    });
    expect(fieldErrors(EngagementPatch, { regionName: '' })).toEqual({
      regionName: 'required',
    });
    expect(fieldErrors(EngagementPatch, { agencies: ['Dinkes', 'dinkes'] })).toEqual({
      agencies: 'duplicate',
    });
    expect(fieldErrors(EngagementPatch, { id: UNKNOWN_ID })).toEqual({
      id: 'unknownField',
    });
  });
});

describe('WorkshopInput', () => {
  it('accepts the Tahap III workshop', () => {
    const value = parsed(WorkshopInput, workshopInput(UNKNOWN_ID));
    expect(value.days).toHaveLength(2);
    expect(value.days[1].endTime).toBeNull();
  });

  it('fills defaults for the optional fields', () => {
    const value = parsed(WorkshopInput, {
      engagementId: UNKNOWN_ID,
      stage: 'tahap-1',
      title: 'Bimtek Tahap I',
      days: [day('2019-07-09', '08:00', '16:00')],
    });
    expect(value).toMatchObject({
      customStageName: '',
      venue: '',
      chairNip: '',
      mentors: [],
      noteTakerNip: '',
      invitationDate: null,
    });
  });

  it('needs at least one day, and at most the limit', () => {
    expect(fieldErrors(WorkshopInput, workshopInput(UNKNOWN_ID, { days: [] }))).toEqual({
      days: 'atLeastOneDay',
    });
    const tooMany = Array.from({ length: LIMITS.days + 1 }, (_, i) =>
      day(`2019-08-${String(i + 1).padStart(2, '0')}`, '09:00', '10:00'),
    );
    expect(fieldErrors(WorkshopInput, workshopInput(UNKNOWN_ID, { days: tooMany }))).toEqual({
      days: 'tooMany',
    });
  });

  it('rejects dates that do not exist', () => {
    expect(
      fieldErrors(
        WorkshopInput,
        workshopInput(UNKNOWN_ID, {
          days: [day('2019-02-30', '09:00', '10:00')],
        }),
      ),
    ).toEqual({ 'days.0.date': 'invalidDate' });
    expect(
      fieldErrors(
        WorkshopInput,
        workshopInput(UNKNOWN_ID, {
          days: [day('2019-02-29', '09:00', '10:00')],
        }),
      ),
    ).toEqual({ 'days.0.date': 'invalidDate' });
    expect(
      fieldErrors(
        WorkshopInput,
        workshopInput(UNKNOWN_ID, {
          days: [day('2020-02-29', '09:00', '10:00')],
        }),
      ),
    ).toEqual({});
    expect(
      fieldErrors(
        WorkshopInput,
        workshopInput(UNKNOWN_ID, {
          days: [day('28-08-2019', '09:00', '10:00')],
        }),
      ),
    ).toEqual({ 'days.0.date': 'invalidDate' });
    expect(fieldErrors(WorkshopInput, workshopInput(UNKNOWN_ID, { invitationDate: '2019-13-01' }))).toEqual({
      invitationDate: 'invalidDate',
    });
  });

  it('isRealDate knows month lengths and leap years', () => {
    expect(isRealDate('2019-08-28')).toBe(true);
    expect(isRealDate('2019-04-31')).toBe(false);
    expect(isRealDate('2000-02-29')).toBe(true);
    expect(isRealDate('1900-02-29')).toBe(false);
    expect(isRealDate('2019-8-28')).toBe(false);
  });

  it('wants the end time after the start time, on the right day', () => {
    const input = workshopInput(UNKNOWN_ID, {
      days: [day('2019-08-28', '09:00', '15:30'), day('2019-08-29', '15:30', '09:00')],
    });
    expect(fieldErrors(WorkshopInput, input)).toEqual({
      'days.1.endTime': 'endBeforeStart',
    });
    expect(
      fieldErrors(
        WorkshopInput,
        workshopInput(UNKNOWN_ID, {
          days: [day('2019-08-28', '09:00', '08:00')],
        }),
      ),
    ).toEqual({ 'days.0.endTime': 'endBeforeStart' });
    expect(
      fieldErrors(
        WorkshopInput,
        workshopInput(UNKNOWN_ID, {
          days: [day('2019-08-28', '09:00', '09:00')],
        }),
      ),
    ).toEqual({ 'days.0.endTime': 'endBeforeStart' });
  });

  it('allows an open end ("s.d. selesai")', () => {
    expect(fieldErrors(WorkshopInput, workshopInput(UNKNOWN_ID, { days: [day('2019-08-28', '23:00', null)] }))).toEqual(
      {},
    );
  });

  it('rejects times that are not HH:MM on a 24-hour clock', () => {
    for (const bad of ['24:00', '9:00', '09.00', '09:60', '']) {
      expect(fieldErrors(WorkshopInput, workshopInput(UNKNOWN_ID, { days: [day('2019-08-28', bad, null)] }))).toEqual({
        'days.0.startTime': 'invalidTime',
      });
    }
  });

  it('needs a name for a custom stage', () => {
    expect(fieldErrors(WorkshopInput, workshopInput(UNKNOWN_ID, { stage: 'custom', customStageName: '' }))).toEqual({
      customStageName: 'customStageRequired',
    });
    expect(fieldErrors(WorkshopInput, workshopInput(UNKNOWN_ID, { stage: 'custom', customStageName: '   ' }))).toEqual({
      customStageName: 'customStageRequired',
    });
    expect(
      fieldErrors(
        WorkshopInput,
        workshopInput(UNKNOWN_ID, {
          stage: 'custom',
          customStageName: 'Rapat Evaluasi',
        }),
      ),
    ).toEqual({});
    expect(
      fieldErrors(WorkshopInput, {
        ...workshopInput(UNKNOWN_ID),
        stage: 'tahap-5',
      }),
    ).toEqual({
      stage: 'invalid',
    });
  });

  it('takes NIPs of 18 digits or empty, ignoring spaces', () => {
    expect(parsed(WorkshopInput, workshopInput(UNKNOWN_ID, { chairNip: '19850101 201001 1 001' })).chairNip).toBe(
      '198501012010011001',
    );
    expect(fieldErrors(WorkshopInput, workshopInput(UNKNOWN_ID, { chairNip: '' }))).toEqual({});
    expect(fieldErrors(WorkshopInput, workshopInput(UNKNOWN_ID, { chairNip: '19850101201001100' }))).toEqual({
      chairNip: 'invalidNip',
    });
    expect(fieldErrors(WorkshopInput, workshopInput(UNKNOWN_ID, { noteTakerNip: '1985010120100110011' }))).toEqual({
      noteTakerNip: 'invalidNip',
    });
    expect(fieldErrors(WorkshopInput, workshopInput(UNKNOWN_ID, { noteTakerNip: '19850101201001100X' }))).toEqual({
      noteTakerNip: 'invalidNip',
    });
  });

  it('requires a title and keeps it within bounds', () => {
    expect(fieldErrors(WorkshopInput, workshopInput(UNKNOWN_ID, { title: '  ' }))).toEqual({
      title: 'required',
    });
    expect(fieldErrors(WorkshopInput, workshopInput(UNKNOWN_ID, { title: 'x'.repeat(1_000_000) }))).toEqual({
      title: 'tooLong',
    });
  });

  it('rejects an empty mentor name and an engagement id that is not a UUID', () => {
    expect(fieldErrors(WorkshopInput, workshopInput(UNKNOWN_ID, { mentors: ['A', ''] }))).toEqual({
      'mentors.1': 'required',
    });
    expect(fieldErrors(WorkshopInput, workshopInput('kediri'))).toEqual({
      engagementId: 'invalidId',
    });
  });

  it('rejects an unknown key inside a day', () => {
    const input = workshopInput(UNKNOWN_ID);
    const days = [{ ...input.days[0], note: 'x' }];
    expect(fieldErrors(WorkshopInput, { ...input, days })).toEqual({
      'days.0.note': 'unknownField',
    });
  });
});

describe('WorkshopPatch', () => {
  it('accepts one field at a time and checks it like the input', () => {
    expect(parsed(WorkshopPatch, { venue: 'Pendopo' })).toEqual({
      venue: 'Pendopo',
    });
    expect(fieldErrors(WorkshopPatch, { days: [] })).toEqual({
      days: 'atLeastOneDay',
    });
    expect(fieldErrors(WorkshopPatch, { days: [day('2019-02-30', '09:00', null)] })).toEqual({
      'days.0.date': 'invalidDate',
    });
    expect(fieldErrors(WorkshopPatch, { chairNip: '123' })).toEqual({
      chairNip: 'invalidNip',
    });
    expect(fieldErrors(WorkshopPatch, { engagementId: UNKNOWN_ID })).toEqual({
      engagementId: 'unknownField',
    });
  });
});

describe('document settings', () => {
  it('an emptied number (NaN) says "Wajib diisi.", and the list settings are checked', async () => {
    const { DocumentSettings, DEFAULT_DOCUMENT_SETTINGS } = await import('../../../shared/attendance');
    const { toFieldIssues, issuesByField } = await import('../../../shared/validation');
    const errors = (v: unknown) => {
      const r = DocumentSettings.safeParse(v);
      return r.success ? {} : issuesByField(toFieldIssues(r.error));
    };
    expect(errors(DEFAULT_DOCUMENT_SETTINGS)).toEqual({});
    expect(errors({ ...DEFAULT_DOCUMENT_SETTINGS, fontSizePt: Number.NaN, blankRows: Number.NaN })).toEqual({
      fontSizePt: 'required',
      blankRows: 'required',
    });
    expect(errors({ ...DEFAULT_DOCUMENT_SETTINGS, listScope: 'some' })).toEqual({ listScope: 'invalid' });
  });
});
