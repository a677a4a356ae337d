// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AttendanceEntry, DaySheet, Participant } from '../../shared/attendance';
import type { Engagement, Workshop } from '../../shared/domain';

vi.mock('../../renderer/lib/api', () => import('../fixtures/fake-api'));
const { fakeApi } = await import('../fixtures/fake-api');

const { indexPeople, searchPeople, sameName } = await import('../../renderer/features/checkin/search');
const { exportTransform, inkBounds, EXPORT_WIDTH, EXPORT_HEIGHT } =
  await import('../../renderer/features/checkin/strokes');
const { PersonSearch } = await import('../../renderer/features/checkin/person-search');
const { tidySentence } = await import('../../renderer/features/checkin/common');
const { PersonPanel } = await import('../../renderer/features/checkin/person-panel');
const { SignaturePad } = await import('../../renderer/features/checkin/signature-pad');
type DayData = import('../../renderer/features/checkin/use-day-data').DayData;

const ENGAGEMENT_ID = '5b0e7a52-1d4f-4c1e-9a53-000000000001';
const DAY_ID = '5b0e7a52-1d4f-4c1e-9a53-0000000000d1';

function person(i: number, name: string, over: Partial<Participant> = {}): Participant {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    engagementId: ENGAGEMENT_ID,
    name,
    nip: '',
    position: 'Staf',
    agency: 'Dinas Komunikasi dan Informatika',
    phone: '081234567890',
    email: '',
    gender: '',
    role: 'peserta',
    createdAt: '2019-08-28T01:00:00.000Z',
    updatedAt: '2019-08-28T01:00:00.000Z',
    ...over,
  };
}

const PEOPLE = [
  person(1, 'Drs. H. Abdullah Abu Bakar, S.E., M.Si.', { nip: '197005121995031004', gender: 'L' }),
  person(2, 'Siti Nurhayati, S.Kom.', { gender: 'P' }),
  person(3, 'Ir. Bambang Setiawan, M.T.', { agency: 'Barenlitbang', nip: '197803222005011003' }),
  person(4, 'José Bakarudin', { agency: 'Dinas Kesehatan' }),
  person(5, 'Abu Hanifah', { agency: 'Dinas Kesehatan' }),
];

function dayData(entries: AttendanceEntry[] = []): DayData {
  const index = indexPeople(PEOPLE);
  const sheet: DaySheet = {
    day: { id: DAY_ID, date: '2019-08-28', startTime: '09:00', endTime: '15:30', index: 0 },
    workshop: { id: 'w', title: 'Bimtek Tahap III', venue: 'Ruang Joyoboyo', engagementId: ENGAGEMENT_ID },
    timeZone: 'WIB',
    entries,
    counts: { present: entries.filter((e) => e.status === 'hadir').length, expected: PEOPLE.length, byAgency: [] },
  };
  return {
    engagementId: ENGAGEMENT_ID,
    workshopId: 'w',
    dayId: DAY_ID,
    sheet,
    engagement: { agencies: ['Dinas Komunikasi dan Informatika'], kioskPinSet: false } as unknown as Engagement,
    workshop: { days: [] } as unknown as Workshop,
    people: PEOPLE,
    index,
    byId: new Map(PEOPLE.map((p) => [p.id, p])),
    entries: new Map(entries.map((e) => [e.participantId, e])),
    reload: vi.fn(),
  };
}

// jsdom has neither PointerEvent nor a 2D canvas: a minimal PointerEvent, and a canvas whose
// context accepts every drawing call and whose PNG is a fixed string.
beforeAll(() => {
  class FakePointerEvent extends MouseEvent {
    pointerId: number;
    pointerType: string;
    pressure: number;
    constructor(type: string, init: PointerEventInit = {}) {
      super(type, init);
      this.pointerId = init.pointerId ?? 1;
      this.pointerType = init.pointerType ?? 'mouse';
      this.pressure = init.pressure ?? 0.5;
    }
  }
  (globalThis as unknown as { PointerEvent: unknown }).PointerEvent = FakePointerEvent;
  const ctx = new Proxy({}, { get: () => () => undefined, set: () => true });
  HTMLCanvasElement.prototype.getContext = (() => ctx) as unknown as HTMLCanvasElement['getContext'];
  HTMLCanvasElement.prototype.toDataURL = () => 'data:image/png;base64,U0lHTkVE';
});

beforeEach(() => {
  fakeApi.reset();
});
afterEach(cleanup);

function draw(canvas: HTMLElement) {
  fireEvent.pointerDown(canvas, { pointerId: 7, clientX: 10, clientY: 10, button: 0 });
  for (let i = 1; i <= 5; i++)
    fireEvent.pointerMove(canvas, { pointerId: 7, clientX: 10 + i * 12, clientY: 10 + (i % 2) * 8 });
  fireEvent.pointerUp(canvas, { pointerId: 7, clientX: 80, clientY: 14 });
}

describe('search', () => {
  const index = indexPeople(PEOPLE);
  const names = (q: string) => searchPeople(index, q).map((p) => p.name);

  it('ignores titles, case, diacritics and word order', () => {
    expect(names('abu bakar')[0]).toBe('Drs. H. Abdullah Abu Bakar, S.E., M.Si.');
    expect(names('BAKAR ABU')[0]).toBe('Drs. H. Abdullah Abu Bakar, S.E., M.Si.');
    expect(names('jose')).toEqual(['José Bakarudin']);
    expect(names('siti s.kom')).toEqual(['Siti Nurhayati, S.Kom.']);
  });

  it('finds by NIP digits and by agency', () => {
    expect(names('19780322')).toEqual(['Ir. Bambang Setiawan, M.T.']);
    expect(names('kesehatan')).toEqual(['Abu Hanifah', 'José Bakarudin']);
  });

  it('ranks a name that starts with the query before one that only contains it', () => {
    // "abu" starts "Abu Hanifah" but is a later word of "Abdullah Abu Bakar".
    expect(names('abu')).toEqual(['Abu Hanifah', 'Drs. H. Abdullah Abu Bakar, S.E., M.Si.']);
    // Both start a word with "bakar": then by name.
    expect(names('bakar')).toEqual(['Drs. H. Abdullah Abu Bakar, S.E., M.Si.', 'José Bakarudin']);
  });

  it('finds nothing for an empty query, leaves the excluded person out, limits the list', () => {
    expect(names('  ')).toEqual([]);
    expect(searchPeople(index, 'abu', { excludeId: PEOPLE[4].id }).map((p) => p.id)).toEqual([PEOPLE[0].id]);
    expect(searchPeople(index, 'a', { limit: 2 })).toHaveLength(2);
  });

  it('spots a walk-in who is already in the register under another spelling', () => {
    expect(sameName(index, 'ABDULLAH ABU BAKAR').map((p) => p.id)).toEqual([PEOPLE[0].id]);
    expect(sameName(index, 'Rudi Hartono')).toEqual([]);
  });
});

describe('messages', () => {
  it('keeps one full stop after a degree and leaves an ellipsis alone', () => {
    expect(tidySentence('Terima kasih, Ibu Siti Nurhayati, S.Kom..')).toBe('Terima kasih, Ibu Siti Nurhayati, S.Kom.');
    expect(tidySentence('Menyimpan…')).toBe('Menyimpan…');
    expect(tidySentence('Tunggu...')).toBe('Tunggu...');
  });
});

describe('signature export geometry', () => {
  it('crops to the ink and fits it, centred, into 600×240', () => {
    const box = inkBounds([
      [
        { x: 100, y: 50, w: 2 },
        { x: 400, y: 150, w: 2 },
      ],
    ])!;
    expect(box).toEqual({ minX: 99, minY: 49, maxX: 401, maxY: 151 });
    const { scale, dx, dy } = exportTransform(box);
    expect(box.minX * scale + dx).toBeGreaterThanOrEqual(0);
    expect(box.maxX * scale + dx).toBeLessThanOrEqual(EXPORT_WIDTH);
    expect(box.maxY * scale + dy).toBeLessThanOrEqual(EXPORT_HEIGHT);
    // Centred horizontally.
    expect(box.minX * scale + dx).toBeCloseTo(EXPORT_WIDTH - (box.maxX * scale + dx), 5);
  });

  it('never blows a dot up more than twice', () => {
    const box = inkBounds([[{ x: 10, y: 10, w: 3 }]])!;
    expect(exportTransform(box).scale).toBe(2);
    expect(inkBounds([])).toBeNull();
  });
});

describe('PersonSearch', () => {
  function Harness({
    data,
    onChoose,
    onNew,
    initial = '',
  }: {
    data: DayData;
    onChoose(p: Participant): void;
    onNew(n: string): void;
    initial?: string;
  }) {
    return (
      <PersonSearch
        data={data}
        value={initial}
        onValueChange={() => {}}
        onChoose={onChoose}
        onNew={onNew}
        label="Cari peserta"
        placeholder=""
      />
    );
  }

  it('Enter takes the top result; the first ArrowDown moves to the second, and Enter takes it', () => {
    const onChoose = vi.fn();
    const data = dayData();
    const { rerender } = render(<Harness data={data} onChoose={onChoose} onNew={vi.fn()} initial="abu" />);
    const box = screen.getByRole('combobox', { name: 'Cari peserta' });
    expect(screen.getAllByRole('option')).toHaveLength(2);
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onChoose).toHaveBeenLastCalledWith(PEOPLE[4]);
    rerender(<Harness data={data} onChoose={onChoose} onNew={vi.fn()} initial="abu" />);
    expect(screen.getAllByRole('option')[0].getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(screen.getAllByRole('option')[1].getAttribute('aria-selected')).toBe('true');
    // At the last result ↓ stays; ↑ goes back to the first.
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(screen.getAllByRole('option')[1].getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowUp' });
    expect(screen.getAllByRole('option')[0].getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'ArrowDown' });
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(onChoose).toHaveBeenLastCalledWith(PEOPLE[0]);
  });

  it('shows the status of the day and never a phone number', () => {
    const data = dayData([
      {
        participantId: PEOPLE[1].id,
        status: 'hadir',
        checkInAt: '2019-08-28T02:05:00.000Z',
        checkOutAt: null,
        representedById: null,
        hasSignature: true,
        updatedAt: '',
      },
    ]);
    render(<Harness data={data} onChoose={vi.fn()} onNew={vi.fn()} initial="s" />);
    expect(screen.getByRole('option', { name: /Siti Nurhayati/ }).textContent).toContain('Hadir 09.05 WIB');
    expect(document.body.textContent).not.toContain('081234567890');
  });

  it('Enter on a query that finds nobody starts a walk-in with the typed name', () => {
    const onNew = vi.fn();
    render(<Harness data={dayData()} onChoose={vi.fn()} onNew={onNew} initial="Rudi Hartono " />);
    expect(screen.getByText('Tidak ada peserta yang cocok dengan “Rudi Hartono”.')).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('combobox'), { key: 'Enter' });
    expect(onNew).toHaveBeenCalledWith('Rudi Hartono');
  });
});

describe('SignaturePad', () => {
  it('tracks emptiness through strokes, undo, redo and clear', () => {
    const onEmpty = vi.fn();
    render(<SignaturePad label="Kotak tanda tangan" onEmptyChange={onEmpty} />);
    const canvas = screen.getByRole('img', { name: 'Kotak tanda tangan' });
    expect(canvas.getAttribute('data-empty')).toBe('true');
    draw(canvas);
    expect(onEmpty).toHaveBeenLastCalledWith(false);
    expect(canvas.getAttribute('data-empty')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: /Urungkan/ }));
    expect(onEmpty).toHaveBeenLastCalledWith(true);
    fireEvent.click(screen.getByRole('button', { name: /Ulangi/ }));
    expect(onEmpty).toHaveBeenLastCalledWith(false);
    fireEvent.click(screen.getByRole('button', { name: 'Hapus' }));
    expect(onEmpty).toHaveBeenLastCalledWith(true);
    expect((screen.getByRole('button', { name: /Ulangi/ }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('ignores a second finger while the first is drawing', () => {
    const onEmpty = vi.fn();
    render(<SignaturePad label="Kotak tanda tangan" onEmptyChange={onEmpty} />);
    const canvas = screen.getByRole('img', { name: 'Kotak tanda tangan' });
    fireEvent.pointerDown(canvas, { pointerId: 1, pointerType: 'touch', clientX: 5, clientY: 5 });
    fireEvent.pointerDown(canvas, { pointerId: 2, pointerType: 'touch', clientX: 50, clientY: 50 });
    fireEvent.pointerUp(canvas, { pointerId: 2 });
    expect(onEmpty).not.toHaveBeenCalled();
    fireEvent.pointerUp(canvas, { pointerId: 1 });
    expect(onEmpty).toHaveBeenCalledWith(false);
  });
});

describe('PersonPanel', () => {
  it('an empty pad cannot be submitted; a signed one checks in with the PNG', async () => {
    fakeApi.answer = (op) =>
      op === 'attendance.checkIn'
        ? {
            ok: true,
            value: {
              participantId: PEOPLE[1].id,
              status: 'hadir',
              checkInAt: '2019-08-28T02:05:00.000Z',
              checkOutAt: null,
              representedById: null,
              hasSignature: true,
              updatedAt: '',
            },
          }
        : { ok: true, value: { dataUrl: null } };
    const onDone = vi.fn();
    render(
      <PersonPanel data={dayData()} person={PEOPLE[1]} onDone={onDone} onCancel={vi.fn()} onRepresent={vi.fn()} />,
    );
    const hadir = screen.getByRole('button', { name: '✓ Hadir' }) as HTMLButtonElement;
    expect(hadir.disabled).toBe(true);
    expect(screen.getByText(/Kotak tanda tangan masih kosong/)).toBeTruthy();
    const canvas = screen.getByRole('img', { name: 'Kotak tanda tangan' });
    fireEvent.keyDown(canvas, { key: 'Enter' });
    expect(fakeApi.calls.filter((c) => c.op === 'attendance.checkIn')).toHaveLength(0);

    draw(canvas);
    expect(hadir.disabled).toBe(false);
    await act(async () => {
      fireEvent.keyDown(canvas, { key: 'Enter' });
      fireEvent.keyDown(canvas, { key: 'Enter' }); // a double press checks in once
    });
    const checkIns = fakeApi.calls.filter((c) => c.op === 'attendance.checkIn');
    expect(checkIns).toEqual([
      { op: 'attendance.checkIn', input: { dayId: DAY_ID, participantId: PEOPLE[1].id, signature: 'U0lHTkVE' } },
    ]);
    expect(onDone).toHaveBeenCalledWith('Siti Nurhayati, S.Kom. tercatat hadir pukul 09.05 WIB.');
  });

  it('a server refusal is shown in Indonesian and the drawing stays', async () => {
    fakeApi.answer = (op) =>
      op === 'attendance.checkIn'
        ? {
            ok: false,
            error: {
              code: 'VALIDATION',
              message: 'Isian belum benar. Periksa kolom yang ditandai.',
              details: { issues: [{ path: ['signature'], code: 'emptySignature' }] },
            },
          }
        : { ok: true, value: { dataUrl: null } };
    const onDone = vi.fn();
    render(
      <PersonPanel data={dayData()} person={PEOPLE[1]} onDone={onDone} onCancel={vi.fn()} onRepresent={vi.fn()} />,
    );
    const canvas = screen.getByRole('img', { name: 'Kotak tanda tangan' });
    draw(canvas);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '✓ Hadir' }));
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Isian belum benar');
    expect(alert.textContent).toContain('Tanda tangan masih kosong.');
    expect(onDone).not.toHaveBeenCalled();
    expect(canvas.getAttribute('data-empty')).toBe('false');
  });

  it('asks before turning a present person into izin', async () => {
    fakeApi.answer = (op) =>
      op === 'attendance.signature'
        ? { ok: true, value: { dataUrl: 'data:image/png;base64,AAAA' } }
        : { ok: true, value: {} };
    const entry: AttendanceEntry = {
      participantId: PEOPLE[0].id,
      status: 'hadir',
      checkInAt: '2019-08-28T02:05:00.000Z',
      checkOutAt: null,
      representedById: null,
      hasSignature: true,
      updatedAt: 'x',
    };
    const onDone = vi.fn();
    await act(async () => {
      render(
        <PersonPanel
          data={dayData([entry])}
          person={PEOPLE[0]}
          onDone={onDone}
          onCancel={vi.fn()}
          onRepresent={vi.fn()}
        />,
      );
    });
    expect(screen.getByRole('img', { name: 'Tanda tangan tersimpan' }).getAttribute('src')).toBe(
      'data:image/png;base64,AAAA',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Izin' }));
    expect(screen.getByRole('alertdialog').textContent).toContain('menghapus jam hadir dan tanda tangannya');
    expect(fakeApi.calls.filter((c) => c.op === 'attendance.setStatus')).toHaveLength(0);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Ubah status' }));
    });
    expect(fakeApi.calls.filter((c) => c.op === 'attendance.setStatus').map((c) => c.input)).toEqual([
      { dayId: DAY_ID, participantId: PEOPLE[0].id, status: 'izin' },
    ]);
    expect(onDone).toHaveBeenCalledWith('Drs. H. Abdullah Abu Bakar, S.E., M.Si.: Izin.');
  });
});
