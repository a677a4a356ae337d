// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EngagementPatch } from '../../shared/domain';
import type { Result } from '../../shared/errors';
import { SaveIndicator, TextInput } from '../../renderer/components/fields';
import { readDraft } from '../../renderer/lib/drafts';
import { RESEND_AFTER_MS, useAutosave } from '../../renderer/lib/use-autosave';
import { useLanguage } from '../../renderer/i18n';

interface Values {
  regionName: string;
  province: string;
}

function Form({ save, saved }: { save: (patch: Partial<Values>) => Promise<Result<unknown>>; saved: Values }) {
  const form = useAutosave<Values>({ draftKey: 'test:1', saved, schema: EngagementPatch, save, delayMs: 50 });
  const v = form.values!;
  return (
    <div>
      <TextInput
        name="regionName"
        label="Nama daerah"
        value={v.regionName}
        error={form.errors.regionName}
        onChange={(x) => form.setField('regionName', x)}
        onBlur={() => void form.flush()}
      />
      <TextInput
        name="province"
        label="Provinsi"
        value={v.province}
        error={form.errors.province}
        onChange={(x) => form.setField('province', x)}
      />
      <SaveIndicator status={form.status} message={form.message} onDiscard={form.discard} />
    </div>
  );
}

const okSave = () => vi.fn(async (_patch: Partial<Values>): Promise<Result<unknown>> => ({ ok: true, value: {} }));

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('autosave', () => {
  it('keeps each keystroke as a draft at once and sends it after a pause', async () => {
    const save = okSave();
    render(<Form save={save} saved={{ regionName: 'Kediri', province: 'Jawa Timur' }} />);
    fireEvent.change(screen.getByLabelText(/Provinsi/), { target: { value: 'Jawa Tengah' } });
    expect(readDraft('test:1')).toEqual({ province: 'Jawa Tengah' });
    expect(save).not.toHaveBeenCalled();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60);
    });
    expect(save).toHaveBeenCalledWith({ province: 'Jawa Tengah' });
    expect(readDraft('test:1')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('Tersimpan');
  });

  it('an invalid value is not sent, shows its message, and stays as a draft', async () => {
    const save = okSave();
    render(<Form save={save} saved={{ regionName: 'Kediri', province: 'Jawa Timur' }} />);
    fireEvent.change(screen.getByLabelText(/Nama daerah/), { target: { value: '   ' } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60);
    });
    expect(save).not.toHaveBeenCalled();
    expect(screen.getByText('Wajib diisi.')).toBeTruthy();
    expect(readDraft('test:1')).toEqual({ regionName: '   ' });
  });

  it('a draft left by a closed window is restored and committed when the form opens again', async () => {
    localStorage.setItem('bimtek.draft.test:1', JSON.stringify({ province: 'Bali' }));
    const save = okSave();
    render(<Form save={save} saved={{ regionName: 'Denpasar', province: '' }} />);
    expect((screen.getByLabelText(/Provinsi/) as HTMLInputElement).value).toBe('Bali');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
    expect(save).toHaveBeenCalledWith({ province: 'Bali' });
  });

  it('a validation refusal from the boundary lands beside its field', async () => {
    const save = vi.fn(async (): Promise<Result<unknown>> => ({
      ok: false,
      error: {
        code: 'VALIDATION',
        message: 'Isian belum benar.',
        details: { issues: [{ path: ['patch', 'province'], code: 'tooLong' }] },
      },
    }));
    render(<Form save={save} saved={{ regionName: 'Kediri', province: 'Jawa Timur' }} />);
    fireEvent.change(screen.getByLabelText(/Provinsi/), { target: { value: 'Jawa Timur Raya' } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60);
    });
    const field = screen.getByLabelText(/Provinsi/).closest('.field')!;
    expect(field.textContent).toContain('Terlalu panjang.');
    expect(readDraft('test:1')).toEqual({ province: 'Jawa Timur Raya' });
  });

  it('a value just saved stays on screen until the store sends the record back', async () => {
    const save = okSave();
    const { rerender } = render(<Form save={save} saved={{ regionName: 'Kediri', province: 'Jawa Timur' }} />);
    fireEvent.change(screen.getByLabelText(/Provinsi/), { target: { value: 'Jawa Tengah' } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60);
    });
    expect(readDraft('test:1')).toBeNull();
    expect((screen.getByLabelText(/Provinsi/) as HTMLInputElement).value).toBe('Jawa Tengah');
    rerender(<Form save={save} saved={{ regionName: 'Kediri', province: 'Jawa Tengah' }} />);
    expect((screen.getByLabelText(/Provinsi/) as HTMLInputElement).value).toBe('Jawa Tengah');
  });

  it('a refusal from the store is shown with a way to discard the edit', async () => {
    const save = vi.fn(async (): Promise<Result<unknown>> => ({
      ok: false,
      error: { code: 'CONFLICT', message: 'Hari ini sudah memiliki data kehadiran.' },
    }));
    render(<Form save={save} saved={{ regionName: 'Kediri', province: 'Jawa Timur' }} />);
    fireEvent.change(screen.getByLabelText(/Provinsi/), { target: { value: 'X' } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60);
    });
    expect(screen.getByRole('alert').textContent).toContain('Hari ini sudah memiliki data kehadiran.');
    fireEvent.click(screen.getByRole('button', { name: 'Buang perubahan' }));
    expect((screen.getByLabelText(/Provinsi/) as HTMLInputElement).value).toBe('Jawa Timur');
    expect(readDraft('test:1')).toBeNull();
  });

  it('a refusal that came with its key follows a switch of the UI language', async () => {
    const save = vi.fn(async (): Promise<Result<unknown>> => ({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: 'Hari ini sudah memiliki data kehadiran dan tidak dapat dihapus.',
        key: 'errors.dayHasAttendance',
      },
    }));
    render(<Form save={save} saved={{ regionName: 'Kediri', province: 'Jawa Timur' }} />);
    fireEvent.change(screen.getByLabelText(/Provinsi/), { target: { value: 'X' } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60);
    });
    expect(screen.getByRole('alert').textContent).toContain('Hari ini sudah memiliki data kehadiran');
    act(() => useLanguage.getState().setLanguage('en'));
    expect(screen.getByRole('alert').textContent).toContain(
      'This day already has attendance records and cannot be removed.',
    );
    act(() => useLanguage.getState().setLanguage('id'));
  });
});

describe('autosave when the store cannot write (disk full, folder read-only or gone)', () => {
  it('says so, keeps the edit on screen and as a draft, and sends it again by itself until it lands', async () => {
    const diskFull: Result<unknown> = {
      ok: false,
      error: { code: 'IO', message: 'Disk penuh: perubahan belum tersimpan.', key: 'errors.diskFull' },
    };
    let answers = [diskFull, diskFull];
    const save = vi.fn(async (): Promise<Result<unknown>> => answers.shift() ?? { ok: true, value: {} });
    render(<Form save={save} saved={{ regionName: 'Kediri', province: 'Jawa Timur' }} />);
    fireEvent.change(screen.getByLabelText(/Provinsi/), { target: { value: 'Jawa Tengah' } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(60);
    });
    expect(save).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('alert').textContent).toContain('Disk penuh');
    expect((screen.getByLabelText(/Provinsi/) as HTMLInputElement).value).toBe('Jawa Tengah');
    expect(readDraft('test:1')).toEqual({ province: 'Jawa Tengah' });
    // Nobody touches the form: it is resent, still refused, resent again, and then stored.
    await act(async () => {
      await vi.advanceTimersByTimeAsync(RESEND_AFTER_MS + 10);
    });
    expect(save).toHaveBeenCalledTimes(2);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(RESEND_AFTER_MS + 10);
    });
    expect(save).toHaveBeenCalledTimes(3);
    expect(save).toHaveBeenLastCalledWith({ province: 'Jawa Tengah' });
    expect(readDraft('test:1')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    answers = [];
    await act(async () => {
      await vi.advanceTimersByTimeAsync(RESEND_AFTER_MS * 2);
    });
    expect(save).toHaveBeenCalledTimes(3);
  });
});
