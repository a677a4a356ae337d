// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DOCUMENT_SETTINGS, type Participant } from '../../shared/attendance';
import type { Engagement } from '../../shared/domain';

vi.mock('../../renderer/lib/api', () => import('../fixtures/fake-api'));
const { fakeApi } = await import('../fixtures/fake-api');

const { ParticipantsPage } = await import('../../renderer/features/participants/participants-page');
const { ParticipantDialog } = await import('../../renderer/features/participants/participant-dialog');
const { columnLetter, maskPhone } = await import('../../renderer/features/participants/format');

const ENGAGEMENT_ID = '5b0e7a52-1d4f-4c1e-9a53-000000000001';

const engagement: Engagement = {
  id: ENGAGEMENT_ID,
  regionName: 'Kediri',
  regionKind: 'kota',
  province: 'Jawa Timur',
  year: 2019,
  timeZone: 'WIB',
  programmeName: 'Gerakan Menuju 100 Smart City',
  agencies: ['Diskominfo', 'Bappeda'],
  letterhead: { lines: [], address: '', contacts: '' },
  documents: DEFAULT_DOCUMENT_SETTINGS,
  hasEmblem: false,
  kioskPinSet: false,
  createdAt: '2019-05-15T00:00:00.000Z',
  updatedAt: '2019-05-15T00:00:00.000Z',
};

function person(i: number, over: Partial<Participant> = {}): Participant {
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    engagementId: ENGAGEMENT_ID,
    name: `Peserta ${String(i).padStart(4, '0')}`,
    nip: '',
    position: 'Staf',
    agency: i % 2 ? 'Diskominfo' : 'Bappeda',
    phone: `0812${String(10_000_000 + i).slice(-8)}`,
    email: '',
    gender: '',
    role: 'peserta',
    createdAt: '2019-08-28T01:00:00.000Z',
    updatedAt: '2019-08-28T01:00:00.000Z',
    ...over,
  };
}

beforeEach(() => {
  fakeApi.reset();
  localStorage.clear();
});
afterEach(cleanup);

describe('participant formatting', () => {
  it('masks phone numbers, keeping only the first and last digits', () => {
    expect(maskPhone('081234567890')).toBe('0812••••7890');
    expect(maskPhone('+62 812-3456-7890')).toBe('+628••••7890');
    expect(maskPhone('0354 682')).toBe('03••••82');
    expect(maskPhone('123')).toBe('••••');
    expect(maskPhone('')).toBe('');
  });

  it('names spreadsheet columns by letter', () => {
    expect([0, 4, 25, 26, 27].map(columnLetter)).toEqual(['A', 'E', 'Z', 'AA', 'AB']);
  });
});

describe('register page', () => {
  it('renders 200 of 1,200 people, searches ignoring titles, and masks phones', async () => {
    const people = Array.from({ length: 1199 }, (_, i) => person(i + 1));
    people.push(
      person(5000, {
        name: 'Drs. H. Abdullah Abu Bakar, S.E., M.Si.',
        nip: '197005121995031004',
        phone: '081234567890',
        agency: 'Pemerintah Kota Kediri',
      }),
    );
    fakeApi.answer = (op) => {
      if (op === 'engagements.get') return { ok: true, value: engagement };
      if (op === 'participants.list') return { ok: true, value: people };
      return { ok: false, error: { code: 'INTERNAL', message: 'unexpected' } };
    };
    render(<ParticipantsPage engagementId={ENGAGEMENT_ID} />);
    const table = await screen.findByRole('table', { name: 'Daftar peserta' });
    expect(within(table).getAllByRole('row')).toHaveLength(201);
    expect(screen.getByTestId('register-showing').textContent).toContain('Menampilkan 200 dari 1.200 orang.');
    expect(screen.getByTestId('register-summary').textContent).toContain('1.200 orang terdaftar · 3 instansi');

    await act(async () => {
      fireEvent.change(screen.getByRole('searchbox', { name: 'Cari peserta' }), { target: { value: 'ABU bakar' } });
    });
    const rows = within(screen.getByRole('table', { name: 'Daftar peserta' })).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(rows[1].textContent).toContain('Drs. H. Abdullah Abu Bakar, S.E., M.Si.');
    expect(rows[1].textContent).toContain('19700512 199503 1 004');
    expect(rows[1].textContent).toContain('0812••••7890');
    expect(document.body.textContent).not.toContain('081234567890');

    await act(async () => {
      fireEvent.change(screen.getByRole('searchbox', { name: 'Cari peserta' }), { target: { value: '1970 0512' } });
    });
    expect(within(screen.getByRole('table', { name: 'Daftar peserta' })).getAllByRole('row')).toHaveLength(2);
  });
});

describe('participant dialog', () => {
  it('checks the NIP before sending and shows a taken NIP on the NIP field', async () => {
    fakeApi.answer = (op) =>
      op === 'participants.create'
        ? {
            ok: false,
            error: {
              code: 'CONFLICT',
              message: 'NIP ini sudah terdaftar atas nama Rina Wulandari — periksa kembali nomornya.',
              key: 'checkin.duplicateNipOf',
              params: { name: 'Rina Wulandari' },
              details: { issues: [{ path: ['nip'], code: 'duplicateNip' }] },
            },
          }
        : { ok: false, error: { code: 'INTERNAL', message: 'unexpected' } };
    const onClose = vi.fn();
    render(<ParticipantDialog engagementId={ENGAGEMENT_ID} agencies={['Diskominfo']} onClose={onClose} />);
    const dialog = screen.getByRole('dialog', { name: 'Tambah peserta' });
    fireEvent.change(within(dialog).getByLabelText(/Nama lengkap/), { target: { value: 'Rina Kartika' } });
    fireEvent.change(within(dialog).getByLabelText('NIP'), { target: { value: '19901301 201503 2 001' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Tambahkan' }));
    });
    expect(dialog.textContent).toContain('Tanggal lahir pada NIP (digit 1–8, TTTTBBHH) tidak valid.');
    expect(fakeApi.calls.filter((c) => c.op === 'participants.create')).toHaveLength(0);

    // The draft is on the device already.
    expect(localStorage.getItem(`bimtek.draft.participant:new:${ENGAGEMENT_ID}`)).toContain('Rina Kartika');

    fireEvent.change(within(dialog).getByLabelText('NIP'), { target: { value: '199001012015032001' } });
    await act(async () => {
      fireEvent.click(within(dialog).getByRole('button', { name: 'Tambahkan' }));
    });
    expect(fakeApi.calls.filter((c) => c.op === 'participants.create')).toHaveLength(1);
    const nipInput = within(dialog).getByLabelText('NIP');
    expect(nipInput.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(nipInput.getAttribute('aria-describedby')!)?.textContent).toBe(
      'NIP ini sudah terdaftar untuk peserta lain.',
    );
    // ... and the dialog names who already has it.
    expect(dialog.textContent).toContain(
      'NIP ini sudah terdaftar atas nama Rina Wulandari — periksa kembali nomornya.',
    );
    expect(onClose).not.toHaveBeenCalled();
  });
});
