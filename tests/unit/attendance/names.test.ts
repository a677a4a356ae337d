import { describe, expect, it } from 'vitest';
import { matchesQuery, normalizeAgency, normalizeName, queryTokens, searchKey } from '../../../shared/names';
import { generatedPeople } from '../../fixtures/attendance';

describe('normalizeName', () => {
  it.each([
    ['Drs. H. Abdullah Abu Bakar, S.E., M.Si.', 'abdullah abu bakar'],
    ['ABDULLAH ABU BAKAR', 'abdullah abu bakar'],
    ['  Abdullah   Abu  Bakar ', 'abdullah abu bakar'],
    ['Drs.H.Abdullah Abu Bakar,SE,MSi', 'abdullah abu bakar'],
    ['Prof. Dr. Ir. H. Bambang Setiawan, M.T., Ph.D.', 'bambang setiawan'],
    ['Hj. Siti Aminah, S.Pd., M.Pd.', 'siti aminah'],
    ['dr. Ratna Dewi Lestari, Sp.OG', 'ratna dewi lestari'],
    ['Rina Wati, A.Md.Kom.', 'rina wati'],
    ['Rina Wati, Amd.', 'rina wati'],
    ['Ns. Dewi Sartika, S.Kep.', 'dewi sartika'],
    ['Agus Salim, S.Kom., M.M., MBA', 'agus salim'],
    ['Budi Santoso, S. Kom', 'budi santoso'],
    ['Budi Santoso SE MM', 'budi santoso'],
    ['Budi Santoso S.Sos. M.AP.', 'budi santoso'],
    ['Ir Joko Widodo, S.T., M.T.', 'joko widodo'],
    ['M. Yusuf Ahmad', 'm yusuf ahmad'],
    ['Yusuf Ahmad M.', 'yusuf ahmad m'],
    ["Ma'ruf Amin", 'maruf amin'],
    ['Abu-Bakar', 'abu bakar'],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeName(raw)).toBe(expected);
  });

  it('removes diacritics', () => {
    expect(normalizeName('José Ramos-Horta')).toBe('jose ramos horta');
    expect(normalizeName('Siti Nurhayati Ç')).toBe('siti nurhayati c');
    expect(normalizeName('Zoë Müller, S.H.')).toBe('zoe muller');
  });

  it('keeps a name written surname first', () => {
    expect(normalizeName('Bakar, Abdullah Abu')).toBe('bakar abdullah abu');
  });

  it('keeps the words when a "name" is nothing but a title', () => {
    expect(normalizeName('Dr.')).toBe('dr');
    expect(normalizeName('')).toBe('');
  });
});

describe('normalizeAgency', () => {
  it('ignores case, punctuation, diacritics and spacing', () => {
    expect(normalizeAgency('Dinas  Kesehatan.')).toBe(normalizeAgency('DINAS KESEHATAN'));
    expect(normalizeAgency('Diskominfo (Dinas Komunikasi & Informatika)')).toBe(
      'diskominfo dinas komunikasi informatika',
    );
    expect(normalizeAgency('Barenlitbang  Kota Kediri ')).toBe('barenlitbang kota kediri');
  });
});

describe('search', () => {
  const mayor = searchKey({
    name: 'Drs. H. Abdullah Abu Bakar, S.E., M.Si.',
    nip: '19700512 199503 1 004',
    agency: 'Dinas Komunikasi dan Informatika',
  });

  it.each([
    'abu bakar',
    'bakar abu',
    'ABU',
    'abú bakar',
    'drs abdullah',
    'abdullah komunikasi',
    'komun',
    '19700512',
    '19700512 199503',
    '1970.0512',
    '',
  ])('finds him with %j', (q) => {
    expect(matchesQuery(mayor, q)).toBe(true);
  });

  it.each(['abu siti', 'kesehatan', '19850315', 'bakr'])('does not find him with %j', (q) => {
    expect(matchesQuery(mayor, q)).toBe(false);
  });

  it('copes without NIP or agency', () => {
    expect(matchesQuery(searchKey({ name: 'Yohanes Prasetyo' }), 'yoh pras')).toBe(true);
    expect(matchesQuery(searchKey({ name: 'Yohanes Prasetyo', nip: null, agency: null }), 'dinas')).toBe(false);
  });

  it('filters a thousand participants with one prepared query', () => {
    const people = [...generatedPeople(999), { name: 'Drs. H. Abdullah Abu Bakar, S.E., M.Si.', agency: 'Diskominfo' }];
    const keys = people.map(searchKey);
    const tokens = queryTokens('Abu Bakar');
    expect(keys.filter((k) => matchesQuery(k, tokens))).toEqual([keys[999]]);
    // Every eighth generated person works at the health office.
    expect(keys.filter((k) => matchesQuery(k, queryTokens('dinas kesehatan')))).toHaveLength(125);
  });
});
