import { describe, expect, it } from 'vitest';
import {
  formatClock,
  formatDayMonthYear,
  formatInstantTime,
  formatLongDate,
  formatTimeRange,
  regionTitle,
  stageLabel,
  zoneDate,
} from '../../../shared/format';

describe('formatLongDate', () => {
  it('writes the Kediri Tahap III date as officials do', () => {
    expect(formatLongDate('2019-08-28')).toBe('Rabu, 28 Agustus 2019');
    expect(formatLongDate('2019-08-28', 'id')).toBe('Rabu, 28 Agustus 2019');
  });

  it('writes the same date in English with a comma after the weekday', () => {
    expect(formatLongDate('2019-08-28', 'en')).toBe('Wednesday, 28 August 2019');
  });

  it('names all seven weekdays in Indonesian (Jumat without an apostrophe)', () => {
    // 2019-08-26 was a Monday.
    const week = [
      ['2019-08-26', 'Senin, 26 Agustus 2019'],
      ['2019-08-27', 'Selasa, 27 Agustus 2019'],
      ['2019-08-28', 'Rabu, 28 Agustus 2019'],
      ['2019-08-29', 'Kamis, 29 Agustus 2019'],
      ['2019-08-30', 'Jumat, 30 Agustus 2019'],
      ['2019-08-31', 'Sabtu, 31 Agustus 2019'],
      ['2019-09-01', 'Minggu, 1 September 2019'],
    ];
    for (const [iso, expected] of week) expect(formatLongDate(iso)).toBe(expected);
  });

  it('names all twelve months in Indonesian', () => {
    const months = [
      'Januari',
      'Februari',
      'Maret',
      'April',
      'Mei',
      'Juni',
      'Juli',
      'Agustus',
      'September',
      'Oktober',
      'November',
      'Desember',
    ];
    months.forEach((name, i) => {
      const iso = `2020-${String(i + 1).padStart(2, '0')}-15`;
      expect(formatLongDate(iso)).toMatch(new RegExp(`^\\w+, 15 ${name} 2020$`));
    });
  });

  it('does not shift the day whatever the machine zone is (dates are calendar dates)', () => {
    expect(formatLongDate('2019-01-01')).toBe('Selasa, 1 Januari 2019');
    expect(formatLongDate('2019-12-31')).toBe('Selasa, 31 Desember 2019');
    expect(formatLongDate('2020-02-29')).toBe('Sabtu, 29 Februari 2020');
  });

  it('leaves text that is not an ISO date as it is', () => {
    expect(formatLongDate('28/08/2019')).toBe('28/08/2019');
    expect(formatLongDate('')).toBe('');
  });
});

describe('formatDayMonthYear', () => {
  it('drops the weekday for the place-and-date line', () => {
    expect(`Kediri, ${formatDayMonthYear('2019-08-28')}`).toBe('Kediri, 28 Agustus 2019');
    expect(formatDayMonthYear('2019-08-28', 'en')).toBe('28 August 2019');
  });
});

describe('formatClock', () => {
  it('uses a full stop between hours and minutes', () => {
    expect(formatClock('09:00')).toBe('09.00');
    expect(formatClock('15:30')).toBe('15.30');
    expect(formatClock('00:05')).toBe('00.05');
  });

  it('pads a one-digit hour', () => {
    expect(formatClock('9:05')).toBe('09.05');
  });
});

describe('formatTimeRange', () => {
  it('joins start and end with an en dash and the zone', () => {
    expect(formatTimeRange('09:00', '15:30', 'WIB')).toBe('09.00\u201315.30 WIB');
    expect(formatTimeRange('09:00', '15:30', 'WIB')).toBe('09.00–15.30 WIB');
  });

  it('writes WITA and WIT ranges', () => {
    expect(formatTimeRange('08:00', '10:30', 'WITA')).toBe('08.00–10.30 WITA');
    expect(formatTimeRange('13:15', '17:00', 'WIT')).toBe('13.15–17.00 WIT');
  });

  it('writes "s.d. selesai" when there is no end time', () => {
    expect(formatTimeRange('08:00', null, 'WIB')).toBe('08.00 WIB s.d. selesai');
    expect(formatTimeRange('08:00', null, 'WIT')).toBe('08.00 WIT s.d. selesai');
  });

  it('writes "until finished" in English', () => {
    expect(formatTimeRange('08:00', null, 'WITA', 'en')).toBe('08.00 WITA until finished');
    expect(formatTimeRange('08:00', '09:00', 'WITA', 'en')).toBe('08.00–09.00 WITA');
  });
});

describe('formatInstantTime', () => {
  it('shows a UTC instant in the region zone', () => {
    expect(formatInstantTime('2019-08-28T02:05:00.000Z', 'WIB')).toBe('09.05 WIB');
    expect(formatInstantTime('2019-08-28T02:05:00.000Z', 'WITA')).toBe('10.05 WITA');
    expect(formatInstantTime('2019-08-28T02:05:00.000Z', 'WIT')).toBe('11.05 WIT');
  });

  it('rolls over midnight into the next day', () => {
    expect(formatInstantTime('2019-08-28T17:30:00Z', 'WIB')).toBe('00.30 WIB');
    expect(formatInstantTime('2019-08-28T16:00:00Z', 'WITA')).toBe('00.00 WITA');
    expect(formatInstantTime('2019-08-28T23:59:00Z', 'WIT')).toBe('08.59 WIT');
  });

  it('accepts instants written with an offset', () => {
    expect(formatInstantTime('2019-08-28T09:05:00+07:00', 'WIB')).toBe('09.05 WIB');
  });

  it('leaves text that is not an instant as it is', () => {
    expect(formatInstantTime('not a time', 'WIB')).toBe('not a time');
  });
});

describe('zoneDate', () => {
  it('gives the calendar date in the region zone', () => {
    expect(zoneDate('2019-08-28T02:00:00Z', 'WIB')).toBe('2019-08-28');
  });

  it('moves to the next day once local midnight has passed', () => {
    // 16:59 UTC is 23:59 WIB (same day) but 00:59 WITA and 01:59 WIT (next day).
    expect(zoneDate('2019-08-28T16:59:00Z', 'WIB')).toBe('2019-08-28');
    expect(zoneDate('2019-08-28T16:59:00Z', 'WITA')).toBe('2019-08-29');
    expect(zoneDate('2019-08-28T16:59:00Z', 'WIT')).toBe('2019-08-29');
    expect(zoneDate('2019-08-28T17:00:00Z', 'WIB')).toBe('2019-08-29');
    expect(zoneDate('2019-12-31T15:00:00Z', 'WIT')).toBe('2020-01-01');
  });
});

describe('stageLabel', () => {
  it('writes stages with Roman numerals', () => {
    expect(stageLabel('tahap-1')).toBe('Tahap I');
    expect(stageLabel('tahap-2')).toBe('Tahap II');
    expect(stageLabel('tahap-3')).toBe('Tahap III');
    expect(stageLabel('tahap-4')).toBe('Tahap IV');
    expect(stageLabel('tahap-3', '', 'en')).toBe('Stage III');
  });

  it('uses the custom name for a custom stage, with a fallback', () => {
    expect(stageLabel('custom', 'Rapat Evaluasi')).toBe('Rapat Evaluasi');
    expect(stageLabel('custom')).toBe('Tahap lainnya');
    expect(stageLabel('custom', '', 'en')).toBe('Custom stage');
  });
});

describe('regionTitle', () => {
  it('prefixes the kind of region', () => {
    expect(regionTitle('kota', 'Kediri')).toBe('Kota Kediri');
    expect(regionTitle('kabupaten', 'Malang')).toBe('Kabupaten Malang');
  });
});

describe('zoneDate on text that is not an instant', () => {
  it('leaves it as it is, like formatInstantTime, instead of throwing', () => {
    // A display helper must not crash a screen or an export on one bad value.
    expect(() => zoneDate('not a time', 'WIB')).not.toThrow();
    expect(zoneDate('not a time', 'WIB')).toBe('not a time');
  });
});

describe('times typed for input susulan', () => {
  it('reads 9.05, 09.05, 0905 and 09:05 as 09:05, and refuses what is not a time', async () => {
    const { parseTypedTime, zonedInstant } = await import('../../../shared/format');
    for (const typed of ['9.05', '09.05', '0905', '09:05', ' 09.05 ']) expect(parseTypedTime(typed)).toBe('09:05');
    for (const typed of ['24.00', '09.60', '9', 'jam 9', '']) expect(parseTypedTime(typed)).toBeNull();
    expect(zonedInstant('2019-08-28', '09:05', 'WIB')).toBe('2019-08-28T02:05:00.000Z');
    expect(zonedInstant('2019-08-28', '07:00', 'WIT')).toBe('2019-08-27T22:00:00.000Z');
  });
});

describe('dates typed day first', () => {
  it('reads 28/08/2019, 28/8/2019, 28-08-2019, 28.08.2019, 28082019, 28/8/19 and ISO as 2019-08-28', async () => {
    const { parseTypedDate, formatTypedDate } = await import('../../../shared/format');
    for (const typed of [
      '28/08/2019',
      '28/8/2019',
      '28-08-2019',
      '28.08.2019',
      '28082019',
      '28/8/19',
      '2019-08-28',
      ' 28/08/2019 ',
    ])
      expect(parseTypedDate(typed), typed).toBe('2019-08-28');
    // Day first, never month first; a date that does not exist is no date.
    for (const typed of ['08/28/2019', '31/02/2019', '29/02/2019', '0/1/2019', '28/08', '2019/08/28', 'besok', ''])
      expect(parseTypedDate(typed), typed).toBeNull();
    expect(parseTypedDate('29/02/2020')).toBe('2020-02-29');
    expect(formatTypedDate('2019-08-28')).toBe('28/08/2019');
    expect(formatTypedDate('28/8')).toBe('28/8');
  });
});
