// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

vi.mock('../../renderer/lib/api', () => import('../fixtures/fake-api'));
const { CreateForm } = await import('../../renderer/components/create-form');
const { useCreateForm } = await import('../../renderer/lib/use-create-form');

const KEY = 'thing:new';
const stored = () => localStorage.getItem(`bimtek.draft.${KEY}`);

function NewThing({ onCancel }: { onCancel(): void }) {
  const f = useCreateForm({
    draftKey: KEY,
    initial: () => ({ name: '' }),
    schema: z.object({ name: z.string().min(1) }),
    create: async () => ({ ok: true as const, value: 1 }),
    onCreated: () => {},
  });
  return (
    <CreateForm
      submitLabel="Buat"
      busy={f.busy}
      failure={f.failure}
      onSubmit={() => void f.submit()}
      dirty={f.dirty}
      onDiscard={f.discard}
      onCancel={onCancel}
    >
      <label>
        Nama
        <input value={f.values.name} onChange={(e) => f.set('name', e.target.value)} />
      </label>
    </CreateForm>
  );
}

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('Batal on a new-record form', () => {
  it('asks first when something was typed, then throws the draft away', async () => {
    const onCancel = vi.fn();
    render(<NewThing onCancel={onCancel} />);
    fireEvent.change(screen.getByLabelText('Nama'), { target: { value: 'Kota Kediri' } });
    expect(stored()).toContain('Kota Kediri');
    fireEvent.click(screen.getByRole('button', { name: 'Batal' }));
    expect(screen.getByRole('alertdialog').textContent).toContain('Buang isian yang sudah diketik?');
    expect(onCancel).not.toHaveBeenCalled();
    // Changing one's mind keeps everything.
    fireEvent.click(screen.getAllByRole('button', { name: 'Batal' }).at(-1)!);
    expect(stored()).toContain('Kota Kediri');
    fireEvent.click(screen.getByRole('button', { name: 'Batal' }));
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Buang' })));
    expect(onCancel).toHaveBeenCalledTimes(1);
    expect(stored()).toBeNull();
  });

  it('leaves at once when nothing was typed', () => {
    const onCancel = vi.fn();
    render(<NewThing onCancel={onCancel} />);
    fireEvent.click(screen.getByRole('button', { name: 'Batal' }));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onCancel).toHaveBeenCalledTimes(1);
  });
});
