// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { EngagementPatch, WorkshopPatch } from '../../shared/domain';
import { maxLengthOf } from '../../shared/validation';
import { TextInput } from '../../renderer/components/fields';

afterEach(cleanup);

describe('text limits in forms', () => {
  it('the limit comes from the shared schema', () => {
    expect(maxLengthOf(EngagementPatch.shape.regionName)).toBe(120);
    expect(maxLengthOf(WorkshopPatch.shape.title)).toBe(300);
    expect(maxLengthOf(WorkshopPatch.shape.chairRank)).toBe(120);
    expect(maxLengthOf(WorkshopPatch.shape.days)).toBeUndefined();
  });

  it('"Terlalu panjang" says the limit', () => {
    render(
      <TextInput name="regionName" label="Nama daerah" value="x" error="tooLong" maxLength={120} onChange={() => {}} />,
    );
    expect(screen.getByRole('alert').textContent).toBe('Terlalu panjang: paling banyak 120 karakter.');
  });

  it('a paste over the limit says it was cut', async () => {
    render(<TextInput name="province" label="Provinsi" value="Jawa " maxLength={10} onChange={() => {}} />);
    const box = screen.getByLabelText('Provinsi') as HTMLInputElement;
    box.setSelectionRange(5, 5);
    fireEvent.paste(box, { clipboardData: { getData: () => 'Timur Raya Sekali' } });
    await act(() => new Promise((r) => setTimeout(r, 0)));
    expect(screen.getByRole('status').textContent).toBe(
      'Teks yang ditempel dipotong: kolom ini paling banyak 10 karakter.',
    );
  });

  it('a paste that fits says nothing', async () => {
    render(<TextInput name="province" label="Provinsi" value="Jawa " maxLength={10} onChange={() => {}} />);
    const box = screen.getByLabelText('Provinsi') as HTMLInputElement;
    box.setSelectionRange(5, 5);
    fireEvent.paste(box, { clipboardData: { getData: () => 'Timur' } });
    await act(() => new Promise((r) => setTimeout(r, 0)));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
