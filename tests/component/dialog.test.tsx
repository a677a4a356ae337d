// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfirmDialog } from '../../renderer/components/confirm-dialog';
import { Dialog } from '../../renderer/components/dialog';
import { Modal } from '../../renderer/features/participants/modal';

// The one dialog of the app, and the confirm dialog and participants modal built on it.

afterEach(cleanup);

/** A page with a button that opens a two-field dialog, the way the screens use it. */
function Harness(props: { closeOnEscape?: boolean; closeOnBackdrop?: boolean; onClose?: () => void }) {
  const [open, setOpen] = useState(false);
  const close = () => {
    props.onClose?.();
    setOpen(false);
  };
  return (
    <>
      <button onClick={() => setOpen(true)}>Buka</button>
      <button>Di belakang</button>
      {open && (
        <Dialog
          title="Ubah data"
          onClose={close}
          closeOnEscape={props.closeOnEscape}
          closeOnBackdrop={props.closeOnBackdrop}
        >
          <label>
            Nama <input />
          </label>
          <button onClick={close}>Selesai</button>
        </Dialog>
      )}
    </>
  );
}

function openHarness(props: Parameters<typeof Harness>[0] = {}) {
  render(<Harness {...props} />);
  const opener = screen.getByRole('button', { name: 'Buka' });
  opener.focus();
  fireEvent.click(opener);
  return { opener, dialog: screen.getByRole('dialog', { name: 'Ubah data' }) };
}

describe('Dialog', () => {
  it('is a modal dialog labelled by its title, with the focus on its first field', () => {
    const { dialog } = openHarness();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Ubah data');
    expect(document.activeElement).toBe(screen.getByLabelText('Nama'));
  });

  it('keeps Tab inside: past the last control it wraps to the first, and back', () => {
    openHarness();
    const field = screen.getByLabelText('Nama');
    const done = screen.getByRole('button', { name: 'Selesai' });
    done.focus();
    fireEvent.keyDown(done, { key: 'Tab' });
    expect(document.activeElement).toBe(field);
    fireEvent.keyDown(field, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(done);
  });

  it('takes the focus back when something behind it grabs it', () => {
    const { dialog } = openHarness();
    act(() => screen.getByRole('button', { name: 'Di belakang', hidden: true }).focus());
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it('closes on Escape and gives the focus back to the button that opened it', () => {
    const onClose = vi.fn();
    const { opener } = openHarness({ onClose });
    fireEvent.keyDown(screen.getByLabelText('Nama'), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('stays open on Escape when closing must be deliberate', () => {
    const onClose = vi.fn();
    openHarness({ onClose, closeOnEscape: false });
    fireEvent.keyDown(screen.getByLabelText('Nama'), { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.getByRole('dialog', { name: 'Ubah data' })).toBeTruthy();
  });

  it('closes on a click beside it only when asked to; a click inside never closes it', () => {
    const onClose = vi.fn();
    const { dialog } = openHarness({ onClose });
    fireEvent.click(dialog.parentElement!);
    fireEvent.click(dialog);
    expect(onClose).not.toHaveBeenCalled();
    cleanup();

    const { dialog: again } = openHarness({ onClose, closeOnBackdrop: true });
    fireEvent.click(again);
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(again.parentElement!);
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('answers Escape only in the innermost of two open dialogs', () => {
    const outer = vi.fn();
    const inner = vi.fn();
    render(
      <>
        <Dialog title="Luar" onClose={outer}>
          <input aria-label="a" />
        </Dialog>
        <Dialog title="Dalam" onClose={inner}>
          <input aria-label="b" />
        </Dialog>
      </>,
    );
    fireEvent.keyDown(screen.getByLabelText('b'), { key: 'Escape' });
    expect(inner).toHaveBeenCalledTimes(1);
    expect(outer).not.toHaveBeenCalled();
  });

  it('as a form, Enter in a field submits it', () => {
    const onSubmit = vi.fn((e: { preventDefault(): void }) => e.preventDefault());
    render(
      <Dialog title="PIN" onSubmit={onSubmit}>
        <input aria-label="PIN" />
      </Dialog>,
    );
    const form = screen.getByRole('dialog', { name: 'PIN' });
    expect(form.tagName).toBe('FORM');
    fireEvent.submit(form);
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});

describe('ConfirmDialog', () => {
  it('is an alert dialog named by its question, with the focus on Cancel; Escape cancels', () => {
    const onCancel = vi.fn();
    const onConfirm = vi.fn();
    render(<ConfirmDialog text="Hapus data ini?" confirmLabel="Hapus" onConfirm={onConfirm} onCancel={onCancel} />);
    const dialog = screen.getByRole('alertdialog', { name: 'Hapus data ini?' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Batal' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(onCancel).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Hapus' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
  });
});

describe('participants Modal', () => {
  it('has a close button, is not closed by a click beside it, and starts on the first field', () => {
    const onClose = vi.fn();
    render(
      <Modal title="Tambah peserta" onClose={onClose} footer={<button>Simpan</button>}>
        <input aria-label="Nama" />
      </Modal>,
    );
    const dialog = screen.getByRole('dialog', { name: 'Tambah peserta' });
    expect(document.activeElement).toBe(screen.getByLabelText('Nama'));
    fireEvent.click(dialog.parentElement!);
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Tutup' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
