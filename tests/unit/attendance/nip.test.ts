import { describe, expect, it } from 'vitest';
import { formatNip, NIP_PROBLEM_MESSAGES, NIP_PROBLEMS, validateNip } from '../../../shared/nip';

const NOW = new Date(Date.UTC(2024, 5, 1));

describe('validateNip', () => {
  it('reads birth date, appointment and gender from a valid NIP', () => {
    expect(validateNip('198503152010011002', NOW)).toEqual({
      ok: true,
      nip: '198503152010011002',
      birthDate: '1985-03-15',
      appointment: '2010-01',
      gender: 'L',
    });
  });

  it('reads digit 15 = 2 as female', () => {
    const r = validateNip('198109302009022001', NOW);
    expect(r.ok && r.gender).toBe('P');
  });

  it('accepts the official spacing, dots and stray spaces, and returns the bare digits', () => {
    for (const typed of [
      '19850315 201001 1 002',
      '19850315.201001.1.002',
      ' 198503152010011002 ',
      '19850315\u00a0201001\u00a01\u00a0002',
    ]) {
      const r = validateNip(typed, NOW);
      expect(r.ok && r.nip).toBe('198503152010011002');
    }
  });

  it.each([
    ['17 digits', '19850315201001100', 'length'],
    ['19 digits', '1985031520100110021', 'length'],
    ['empty', '', 'length'],
    ['a letter', '19850315201001100X', 'digits'],
    ['a NIK-like dash', '1985031520100110/2', 'digits'],
    ['30 February', '198502302010011002', 'birthDate'],
    ['month 13 of birth', '198513152010011002', 'birthDate'],
    ['born before 1940', '193901012010011002', 'birthDate'],
    ['born after this year', '202501012045011002', 'birthDate'],
    ['appointment month 00', '198503152010001002', 'appointment'],
    ['appointment month 13', '198503152010131002', 'appointment'],
    ['appointed at 14', '198503151999011002', 'appointment'],
    ['appointed after next year', '198503152026011002', 'appointment'],
    ['gender digit 3', '198503152010013002', 'gender'],
    ['gender digit 0', '198503152010010002', 'gender'],
    ['sequence 000', '198503152010011000', 'sequence'],
  ])('rejects %s as %s', (_label, nip, problem) => {
    expect(validateNip(nip, NOW)).toEqual({ ok: false, problem });
  });

  it('allows appointment in the coming year but not the one after', () => {
    expect(validateNip('198503152025011002', NOW).ok).toBe(true);
    expect(validateNip('198503152026011002', NOW).ok).toBe(false);
  });

  it('uses the current year when no date is given', () => {
    const nextYear = new Date().getFullYear() + 1;
    expect(validateNip(`19850315${nextYear}011002`).ok).toBe(true);
    expect(validateNip(`19850315${nextYear + 1}011002`).ok).toBe(false);
  });
});

describe('NIP_PROBLEM_MESSAGES', () => {
  it('has a distinct sentence for every problem in both languages', () => {
    for (const lang of ['id', 'en'] as const) {
      const texts = NIP_PROBLEMS.map((p) => NIP_PROBLEM_MESSAGES[lang][p]);
      expect(texts.every((t) => t.length > 10)).toBe(true);
      expect(new Set(texts).size).toBe(NIP_PROBLEMS.length);
    }
  });

  it('names the wrong part and its digits', () => {
    expect(NIP_PROBLEM_MESSAGES.id.birthDate).toContain('Tanggal lahir');
    expect(NIP_PROBLEM_MESSAGES.id.birthDate).toContain('1–8');
    expect(NIP_PROBLEM_MESSAGES.id.appointment).toContain('9–14');
    expect(NIP_PROBLEM_MESSAGES.id.gender).toContain('15');
    expect(NIP_PROBLEM_MESSAGES.id.sequence).toContain('16–18');
    expect(NIP_PROBLEM_MESSAGES.en.appointment).toContain('TMT CPNS');
  });
});

describe('formatNip', () => {
  it('prints a NIP in its official groups', () => {
    expect(formatNip('198503152010011002')).toBe('19850315 201001 1 002');
    expect(formatNip('19850315.201001.1.002')).toBe('19850315 201001 1 002');
  });

  it('leaves anything else as typed', () => {
    expect(formatNip(' 12345 ')).toBe('12345');
  });
});
