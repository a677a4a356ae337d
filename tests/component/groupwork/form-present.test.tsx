// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormPresent } from '../../../renderer/features/groupwork/form-present';
import type { FormDef } from '../../../shared/forms';
import { SAMPLE_HASH } from '../../fixtures/form-values';

afterEach(cleanup);

const b = (id: string, en: string) => ({ id, en });
const FORM: FormDef = {
  id: 'uji-proyektor',
  title: b('Lembar Uji Proyektor', 'Projector trial sheet'),
  instructions: b('Paparkan.', 'Present.'),
  fields: [
    { key: 'butir', kind: 'list', label: b('Butir', 'Items') },
    {
      key: 'tt',
      kind: 'table',
      label: b('Penanda tangan', 'Signatories'),
      rowLabel: b('Penanda tangan', 'Signatory'),
      columns: [
        { key: 'nama', kind: 'text', label: b('Nama', 'Name') },
        { key: 'ttd', kind: 'signature', label: b('Tanda tangan', 'Signature') },
      ],
    },
  ],
};
const values = {
  butir: Array.from({ length: 25 }, (_, i) => `Butir ke-${i + 1}`),
  'tt/#rows': ['row1'],
  'tt/row1/nama': 'Drs. Sutrisno',
  'tt/row1/ttd': SAMPLE_HASH,
};

describe('FormPresent', () => {
  it('shows a page of a form defined here with "Halaman n/N" and tells the page count', () => {
    const onPages = vi.fn();
    render(<FormPresent form={FORM} values={values} language="id" page={1} onPages={onPages} />);
    expect(screen.getByRole('heading', { level: 1, name: 'Lembar Uji Proyektor' })).toBeTruthy();
    expect(screen.getByText('Butir ke-1')).toBeTruthy();
    const total = onPages.mock.lastCall![0] as number;
    expect(total).toBeGreaterThan(1);
    expect(screen.getByTestId('form-present-page').textContent).toBe(`Halaman 1/${total}`);
  });

  it('the last page: the signature as a mark, never an image; a page beyond the end shows the last', () => {
    render(<FormPresent form={FORM} values={values} language="id" page={99} />);
    expect(screen.getByText('✓ ditandatangani')).toBeTruthy();
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByText('Drs. Sutrisno')).toBeTruthy();
  });

  it('an empty output says "belum diisi"', () => {
    render(<FormPresent form={FORM} values={{}} language="id" page={1} />);
    expect(screen.getByText('belum diisi')).toBeTruthy();
  });
});
