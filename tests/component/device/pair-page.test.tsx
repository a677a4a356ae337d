// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { errorShape } from '../../../shared/messages';

// The pairing page of a group's phone: what it sends, what it says when the code is wrong or the
// device is locked out, and where the token goes.

vi.mock('../../../renderer/lib/api', () => import('../../fixtures/fake-api'));
const { fakeApi } = await import('../../fixtures/fake-api');
const { PairPage, normalizeCode } = await import('../../../renderer/features/device/pair-page');
const { readPairing } = await import('../../../renderer/lib/device');

const PAIRING = {
  token: 'tok',
  deviceId: '0b7f0c7e-1d7a-4c5e-9a53-2f1f3d9c0a01',
  groupId: '5d1c2a44-8a3e-4b8e-9a0f-6c7d8e9f0a12',
  workshopId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c23',
};

beforeEach(() => {
  localStorage.clear();
  location.hash = '#/pair';
  fakeApi.reset();
});
afterEach(cleanup);

const code = () => screen.getByLabelText('Kode pemasangan');
const connect = () => fireEvent.click(screen.getByRole('button', { name: 'Hubungkan' }));

describe('pairing page', () => {
  it('reads a code as the core does: any case, spaces and a dash', () => {
    expect(normalizeCode(' k7m-2pq ')).toBe('K7M2PQ');
    expect(normalizeCode('K7M 2PQ')).toBe('K7M2PQ');
  });

  it('says a code is too short without asking the laptop', () => {
    render(<PairPage />);
    fireEvent.change(code(), { target: { value: 'k7m' } });
    connect();
    expect(screen.getByRole('alert').textContent).toBe('Kode terdiri dari 6 huruf/angka.');
    expect(fakeApi.calls).toEqual([]);
  });

  it.each([
    ['pairCodeWrong', 'Kode tidak dikenal atau sudah kedaluwarsa. Periksa kode di layar proyektor.'],
    ['pairLocked', 'Terlalu banyak kode salah. Tunggu satu menit, lalu coba lagi.'],
  ])('a refusal (%s) is said in words and the code stays to correct', async (key, text) => {
    fakeApi.reset(() => ({
      ok: false,
      error: errorShape('id', key === 'pairLocked' ? 'FORBIDDEN' : 'VALIDATION', key),
    }));
    render(<PairPage />);
    fireEvent.change(code(), { target: { value: 'k7m-2pq' } });
    connect();
    expect(await screen.findByText(text)).toBeTruthy();
    expect((code() as HTMLInputElement).value).toBe('k7m-2pq');
    expect(readPairing()).toBeNull();
  });

  it('keeps the token it gets and opens the group’s worksheet', async () => {
    fakeApi.reset(() => ({ ok: true, value: PAIRING }));
    render(<PairPage />);
    fireEvent.change(code(), { target: { value: 'k7m-2pq' } });
    fireEvent.change(screen.getByLabelText('Nama perangkat, mis. Laptop Bappeda'), {
      target: { value: ' Laptop Bappeda ' },
    });
    connect();
    await waitFor(() => expect(location.hash).toBe('#/group'));
    expect(fakeApi.calls).toEqual([{ op: 'devices.pair', input: { code: 'k7m-2pq', label: 'Laptop Bappeda' } }]);
    expect(readPairing()).toEqual(PAIRING);
  });
});
