import { describe, expect, it } from 'vitest';
import { CATALOGUES, errorKey, isMessageKey, translate, translateKnown } from '../../../shared/i18n';
import { en } from '../../../shared/i18n/en';
import { id } from '../../../shared/i18n/id';
import { errorMessage, errorShape, validationMessage } from '../../../shared/messages';

/** Every leaf of a catalogue as [dotted key, sentence]. */
function leaves(node: unknown, prefix = ''): [string, string][] {
  if (typeof node === 'string') return [[prefix, node]];
  expect(node, `${prefix} is a sentence or a group`).toBeTypeOf('object');
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const paramsOf = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();

describe('the text catalogues', () => {
  const idLeaves = new Map(leaves(id));
  const enLeaves = new Map(leaves(en));

  it('id and en have the same keys', () => {
    expect([...enLeaves.keys()].sort()).toEqual([...idLeaves.keys()].sort());
    // Groups every part of the app relies on are there (a catalogue of nothing would also be "equal").
    for (const group of ['app', 'engagements', 'workshops', 'participants', 'checkin', 'import', 'nip'] as const) {
      expect(Object.keys(id[group]).length, group).toBeGreaterThan(0);
    }
    for (const group of ['errors', 'validation', 'menu', 'dialogs'] as const) {
      expect(Object.keys(id[group]).length, group).toBeGreaterThan(0);
    }
  });

  it('every key has the same {param} names in id and en', () => {
    const differing = [...idLeaves].filter(([key, text]) => {
      const other = enLeaves.get(key);
      return other === undefined || paramsOf(text).join() !== paramsOf(other).join();
    });
    expect(differing.map(([key]) => key)).toEqual([]);
  });

  it('has no empty sentence and no brace that is not a {param}', () => {
    for (const [lang, map] of [
      ['id', idLeaves],
      ['en', enLeaves],
    ] as const) {
      for (const [key, text] of map) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
        expect(text.replace(/\{\w+\}/g, ''), `${lang} ${key}`).not.toMatch(/[{}]/);
      }
    }
  });

  it('translates a key with its parameters in each language', () => {
    expect(translate('id', 'workshops.deleteConfirm', { name: 'Tahap III' })).toBe(
      'Hapus Bimtek "Tahap III"? Anda dapat mengurungkannya segera setelah ini.',
    );
    expect(translate('en', 'checkin.doneRepresentedSigned', { name: 'Siti', rep: 'Budi', time: '09.12 WIB' })).toBe(
      'Siti is represented by Budi; Budi present at 09.12 WIB.',
    );
    expect(translate('id', 'menu.file')).toBe('Berkas');
    expect(translate('en', 'menu.file')).toBe('File');
  });

  it('leaves a parameter that was not given visible rather than dropping it', () => {
    expect(translateKnown('id', 'engagements.workshops', {})).toBe('{count} Bimtek');
  });

  it('tells keys from sentences that arrive as data', () => {
    expect(isMessageKey('errors.internal')).toBe(true);
    expect(isMessageKey('errors')).toBe(false);
    expect(isMessageKey('Pendampingan tidak ditemukan.')).toBe(false);
    expect(translateKnown('en', 'not a key at all')).toBe('not a key at all');
    expect(errorKey('engagementNotFound')).toBe('errors.engagementNotFound');
    expect(errorKey('import.noHeader')).toBe('import.noHeader');
    expect(errorKey('Sentence.')).toBeUndefined();
  });

  it('keeps the old helpers as views of the catalogue', () => {
    expect(errorMessage('id', 'engagementNotFound')).toBe(CATALOGUES.id.errors.engagementNotFound);
    expect(errorMessage('en', 'import.noHeader')).toBe(CATALOGUES.en.import.noHeader);
    expect(validationMessage('id', 'nip.sequence')).toBe(CATALOGUES.id.nip.sequence);
    expect(validationMessage('en', 'nip.nonsense')).toBe(CATALOGUES.en.validation.invalid);
  });

  it('builds an error envelope with the sentence, its key and its parameters', () => {
    expect(errorShape('en', 'NOT_FOUND', 'workshopNotFound', { id: 'x' })).toEqual({
      code: 'NOT_FOUND',
      message: 'Workshop not found.',
      key: 'errors.workshopNotFound',
      details: { id: 'x' },
    });
    expect(errorShape('id', 'IO', 'dialogs.saveFile.failedWithCode', undefined, { code: 'ENOSPC' })).toEqual({
      code: 'IO',
      message: 'Berkas tidak dapat disimpan (ENOSPC).',
      key: 'dialogs.saveFile.failedWithCode',
      params: { code: 'ENOSPC' },
    });
    // A sentence where a key belongs (older callers) travels as it is, without a key.
    expect(errorShape('en', 'VALIDATION', 'Kolom tidak dikenal.')).toEqual({
      code: 'VALIDATION',
      message: 'Kolom tidak dikenal.',
    });
  });
});

// Checked by the type checker (tsconfig includes tests/): each line below must fail to compile.
// A key that does not exist, a missing parameter, a misspelt one, a parameter a sentence does not take.
function typeChecks() {
  // @ts-expect-error no such key
  translate('id', 'app.noSuchKey');
  // @ts-expect-error the sentence needs {name}
  translate('id', 'workshops.deleteConfirm');
  // @ts-expect-error {name}, not {nam}
  translate('id', 'workshops.deleteConfirm', { nam: 'x' });
  // @ts-expect-error app.back takes no parameters
  translate('en', 'app.back', { name: 'x' });
}
void typeChecks;
