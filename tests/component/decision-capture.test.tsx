// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Decision } from '../../shared/followups';
import { fakeApi } from '../fixtures/fake-api';

vi.mock('../../renderer/lib/api', () => import('../fixtures/fake-api'));
const { DecisionCapture } = await import('../../renderer/features/actions/decision-capture');

const E = '0b7f0c7e-1d7a-4c5e-9a53-2f1f3d9c0a01';
const W = '5d1c2a44-8a3e-4b8e-9a0f-6c7d8e9f0a12';
const D = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c23';
const S = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c99';
const decision: Decision = {
  id: '7a7a7a7a-5a4f-4e3d-8c2b-1a0f9e8d7c01',
  workshopId: W,
  dayId: D,
  stepId: S,
  text: 'Perwali Smart City disusun sebelum Tahap IV.',
  position: 0,
  createdAt: '2019-08-28T03:00:00.000Z',
  updatedAt: '2019-08-28T03:00:00.000Z',
};

const flush = () => act(async () => {});
const onShow = vi.fn();
const view = () =>
  render(
    <DecisionCapture
      engagementId={E}
      workshopId={W}
      dayId={D}
      stepId={S}
      stepTitle={(id) => (id === S ? 'Diskusi kelompok' : undefined)}
      onShow={onShow}
    />,
  );

beforeEach(() => fakeApi.reset());
afterEach(cleanup);

describe('decisions in the run console', () => {
  it('K opens a one-line field; Enter saves it with the current step; a refusal keeps the text with the reason', async () => {
    fakeApi.reset((op) =>
      op === 'decisions.list' ? { ok: true, value: [] } : { ok: false, error: { code: 'IO', message: 'Disk penuh.' } },
    );
    view();
    await flush();
    fireEvent.keyDown(window, { key: 'k' });
    await flush();
    const field = screen.getByLabelText('Keputusan baru') as HTMLInputElement;
    fireEvent.change(field, { target: { value: 'SK Tim Pelaksana ditandatangani.' } });
    fireEvent.submit(field.closest('form')!);
    await flush();
    expect(fakeApi.calls.find((c) => c.op === 'decisions.create')?.input).toEqual({
      dayId: D,
      stepId: S,
      text: 'SK Tim Pelaksana ditandatangani.',
    });
    expect(screen.getByRole('alert').textContent).toBe('Disk penuh.');
    expect(field.value).toBe('SK Tim Pelaksana ditandatangani.');
  });

  it('deleting a decision that produced action items asks what to do with them, then deletes as told', async () => {
    fakeApi.reset((op, input) => {
      if (op === 'decisions.list') return { ok: true, value: [decision] };
      if (op === 'decisions.delete' && (input as { actions: string }).actions === 'ask')
        return {
          ok: false,
          error: { code: 'CONFLICT', message: 'x', key: 'errors.decisionHasActions', params: { count: 2 } },
        };
      return { ok: true, value: { id: decision.id } };
    });
    view();
    await flush();
    expect(screen.getByText('Langkah: Diskusi kelompok')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Hapus' }));
    await flush();
    expect(screen.getByRole('alertdialog').textContent).toContain('Keputusan ini menghasilkan 2 tindak lanjut');
    fireEvent.click(screen.getByRole('button', { name: 'Hapus keputusan, simpan tindak lanjut' }));
    await flush();
    expect(fakeApi.calls.filter((c) => c.op === 'decisions.delete').map((c) => c.input)).toEqual([
      { id: decision.id, actions: 'ask' },
      { id: decision.id, actions: 'keep' },
    ]);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('"Jadikan tindak lanjut" creates an item linked to the decision and its step', async () => {
    fakeApi.reset((op) =>
      op === 'decisions.list' ? { ok: true, value: [decision] } : { ok: true, value: { id: 'x' } },
    );
    view();
    await flush();
    fireEvent.click(screen.getByRole('button', { name: 'Jadikan tindak lanjut' }));
    await flush();
    expect(fakeApi.calls.find((c) => c.op === 'actions.create')?.input).toEqual({
      engagementId: E,
      workshopId: W,
      stepId: S,
      decisionId: decision.id,
      title: decision.text,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Tampilkan keputusan' }));
    expect(onShow).toHaveBeenCalled();
  });
});
