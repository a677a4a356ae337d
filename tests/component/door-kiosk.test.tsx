// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DaySheet } from '../../shared/attendance';
import type { BimtekBridge } from '../../shared/bridge';
import type { Engagement, Workshop } from '../../shared/domain';

// The door screen's self check-in controls: in browser mode the one in-window button, under
// Electron (a bridge that can open windows) also "Buka di layar kedua" and "Tutup layar mandiri".

vi.mock('../../renderer/lib/api', () => import('../fixtures/fake-api'));
const { fakeApi } = await import('../fixtures/fake-api');

const { DoorScreen } = await import('../../renderer/features/checkin/door-screen');
const { indexPeople } = await import('../../renderer/features/checkin/search');
type DayData = import('../../renderer/features/checkin/use-day-data').DayData;

const E = '5b0e7a52-1d4f-4c1e-9a53-000000000001';
const W = '5b0e7a52-1d4f-4c1e-9a53-0000000000a1';
const D = '5b0e7a52-1d4f-4c1e-9a53-0000000000d1';
const SELF = `#/engagements/${E}/workshops/${W}/days/${D}/self`;

function dayData(kioskPinSet: boolean): DayData {
  const sheet: DaySheet = {
    day: { id: D, date: '2019-08-28', startTime: '09:00', endTime: '15:30', index: 0 },
    workshop: { id: W, title: 'Bimtek Tahap III', venue: '', engagementId: E },
    timeZone: 'WIB',
    entries: [],
    counts: { present: 0, expected: 0, byAgency: [] },
  };
  return {
    engagementId: E,
    workshopId: W,
    dayId: D,
    sheet,
    engagement: {
      id: E,
      regionKind: 'kabupaten',
      regionName: 'Kediri',
      agencies: [],
      kioskPinSet,
    } as unknown as Engagement,
    workshop: { id: W, title: 'Bimtek Tahap III', days: [{ id: D }] } as unknown as Workshop,
    people: [],
    index: indexPeople([]),
    byId: new Map(),
    entries: new Map(),
    reload: vi.fn(),
  };
}

type KioskBridge = Pick<BimtekBridge, 'openKioskWindow' | 'closeKioskWindow'>;
const win = window as unknown as { bimtek?: KioskBridge };

beforeEach(() => {
  fakeApi.reset(() => ({ ok: true, value: {} }));
  history.replaceState(null, '', '#/');
});
afterEach(() => {
  cleanup();
  delete win.bimtek;
});

const button = (name: string) => screen.queryByRole('button', { name: new RegExp(name) });

describe('door screen, self check-in controls', () => {
  it('in browser mode offers only the in-window mode, as before', () => {
    render(<DoorScreen data={dayData(true)} />);
    expect(button('Mode mandiri')).not.toBeNull();
    expect(button('Buka di layar kedua')).toBeNull();
    expect(button('Tutup layar mandiri')).toBeNull();
    fireEvent.click(button('Mode mandiri')!);
    expect(location.hash).toBe(SELF);
  });

  it('under Electron sets the PIN first, then opens the self check-in window on the route, and closes it', async () => {
    const bridge = {
      openKioskWindow: vi.fn(async () => ({ opened: true })),
      closeKioskWindow: vi.fn(async () => ({ closed: true })),
    };
    win.bimtek = bridge;
    render(<DoorScreen data={dayData(false)} />);
    expect(screen.getByRole('group', { name: 'Mode mandiri' })).toBeTruthy();
    expect(button('Tutup layar mandiri')).toBeNull();

    fireEvent.click(button('Buka di layar kedua')!);
    expect(bridge.openKioskWindow).not.toHaveBeenCalled();
    const dialog = screen.getByRole('dialog', { name: 'Atur PIN fasilitator' });
    const [pin, repeat] = dialog.querySelectorAll('input');
    fireEvent.change(pin, { target: { value: '2468' } });
    fireEvent.change(repeat, { target: { value: '2468' } });
    await act(async () => {
      fireEvent.submit(dialog);
    });
    expect(fakeApi.calls).toEqual([{ op: 'engagements.update', input: { id: E, patch: { kioskPin: '2468' } } }]);
    expect(bridge.openKioskWindow).toHaveBeenCalledExactlyOnceWith(SELF);
    // The facilitator window stays on the door screen.
    expect(location.hash).toBe('#/');
    expect(button('Tutup layar mandiri')).not.toBeNull();

    await act(async () => {
      fireEvent.click(button('Tutup layar mandiri')!);
    });
    expect(bridge.closeKioskWindow).toHaveBeenCalledOnce();
    expect(button('Tutup layar mandiri')).toBeNull();
  });

  it('under Electron keeps the in-window mode, and shows no close control when the window did not open', async () => {
    const bridge = {
      openKioskWindow: vi.fn(async () => ({ opened: false })),
      closeKioskWindow: vi.fn(async () => ({ closed: false })),
    };
    win.bimtek = bridge;
    render(<DoorScreen data={dayData(true)} />);
    await act(async () => {
      fireEvent.click(button('Buka di layar kedua')!);
    });
    expect(bridge.openKioskWindow).toHaveBeenCalledExactlyOnceWith(SELF);
    expect(button('Tutup layar mandiri')).toBeNull();
    fireEvent.click(button('Mode mandiri')!);
    expect(location.hash).toBe(SELF);
  });
});

describe('door screen, day and OPD list', () => {
  it('says which day it records when that is not today, and offers input susulan', () => {
    render(<DoorScreen data={dayData(true)} />);
    const note = screen.getByRole('note');
    expect(note.textContent).toMatch(
      /^Anda mencatat kehadiran untuk Rabu, 28 Agustus 2019 — hari ini \S+, \d{1,2} \S+ \d{4}\./,
    );
    expect(screen.getByRole('checkbox', { name: 'Input susulan (jam diketik)' })).toBeTruthy();
  });

  it('says nothing about the day when it is today', () => {
    const data = dayData(true);
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    render(<DoorScreen data={{ ...data, sheet: { ...data.sheet, day: { ...data.sheet.day, date: today } } }} />);
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('lets the keyboard reach the scrolling list of OPD', () => {
    const data = dayData(true);
    const byAgency = Array.from({ length: 30 }, (_, i) => ({
      agency: `Dinas Nomor ${i + 1}`,
      present: 0,
      expected: 2,
    }));
    render(<DoorScreen data={{ ...data, sheet: { ...data.sheet, counts: { present: 0, expected: 60, byAgency } } }} />);
    const list = screen.getByRole('list', { name: 'Per OPD' });
    expect(list.tabIndex).toBe(0);
    expect(list.querySelectorAll('li')).toHaveLength(30);
  });
});

describe('door screen, walk-in', () => {
  it('a half-typed walk-in survives a reload; Batal throws it away', () => {
    localStorage.clear();
    const first = render(<DoorScreen data={dayData(true)} />);
    fireEvent.keyDown(window, { key: 'n', ctrlKey: true });
    const form = screen.getByRole('form', { name: 'Peserta baru' });
    fireEvent.change(within(form).getByLabelText(/Nama lengkap/), { target: { value: 'Rudi Hartono' } });
    fireEvent.change(within(form).getByLabelText(/Jabatan/), { target: { value: 'Analis' } });
    first.unmount();

    render(<DoorScreen data={dayData(true)} />);
    const again = screen.getByRole('form', { name: 'Peserta baru' });
    expect((within(again).getByLabelText(/Nama lengkap/) as HTMLInputElement).value).toBe('Rudi Hartono');
    expect((within(again).getByLabelText(/Jabatan/) as HTMLInputElement).value).toBe('Analis');
    fireEvent.click(within(again).getByRole('button', { name: 'Batal' }));
    cleanup();
    render(<DoorScreen data={dayData(true)} />);
    expect(screen.queryByRole('form', { name: 'Peserta baru' })).toBeNull();
  });
});
