// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DOCUMENT_SETTINGS } from '../../shared/attendance';
import type { Engagement } from '../../shared/domain';

vi.mock('../../renderer/lib/api', () => import('../fixtures/fake-api'));
const exportFile = vi.fn(async (_op: string, _input: unknown) => ({ status: 'saved' as const, fileName: 'x.docx' }));
vi.mock('../../renderer/lib/files', () => ({ exportFile }));

const { useAttendanceExport } = await import('../../renderer/features/checkin/attendance-export');
const { parseRoute } = await import('../../renderer/app/store');

const ENGAGEMENT_ID = '5b0e7a52-1d4f-4c1e-9a53-000000000001';
const DAY_ID = '5b0e7a52-1d4f-4c1e-9a53-0000000000d1';

function engagement(lines: string[]): Engagement {
  return {
    id: ENGAGEMENT_ID,
    regionName: 'Kediri',
    regionKind: 'kota',
    province: 'Jawa Timur',
    year: 2019,
    timeZone: 'WIB',
    programmeName: 'Gerakan Menuju 100 Smart City',
    agencies: [],
    letterhead: { lines, address: '', contacts: '' },
    documents: DEFAULT_DOCUMENT_SETTINGS,
    hasEmblem: false,
    kioskPinSet: false,
    createdAt: '2019-05-15T00:00:00.000Z',
    updatedAt: '2019-05-15T00:00:00.000Z',
  };
}

function Harness({ e }: { e: Engagement }) {
  const x = useAttendanceExport(e, (name) => `saved ${name}`);
  return (
    <div>
      <button onClick={() => x.start(DAY_ID, 'list')}>list</button>
      <button onClick={() => x.start(DAY_ID, 'annex')}>annex</button>
      {x.dialog}
    </div>
  );
}

afterEach(() => {
  cleanup();
  exportFile.mockClear();
});

const flush = () => act(async () => {});

describe('exporting the daftar hadir', () => {
  it('without a letterhead asks first, and exports without one only when told', async () => {
    render(<Harness e={engagement([])} />);
    fireEvent.click(screen.getByText('list'));
    expect(screen.getByRole('alertdialog').textContent).toMatch(/Kop surat .* belum diisi/);
    expect(exportFile).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Unduh tanpa kop' }));
    await flush();
    expect(exportFile).toHaveBeenCalledWith('documents.attendanceList', { dayId: DAY_ID, blank: false, copy: 'list' });
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });

  it('offers to set the letterhead: the engagement page opens at its letterhead', async () => {
    render(<Harness e={engagement([])} />);
    fireEvent.click(screen.getByText('annex'));
    // The suggested action has the focus.
    expect(document.activeElement?.textContent).toBe('Atur kop surat');
    fireEvent.click(screen.getByRole('button', { name: 'Atur kop surat' }));
    expect(location.hash).toBe(`#/engagements/${ENGAGEMENT_ID}/kop`);
    expect(parseRoute(location.hash)).toEqual({ name: 'engagement', id: ENGAGEMENT_ID });
    expect(exportFile).not.toHaveBeenCalled();
  });

  it('with a letterhead exports at once; the annex copy asks for the copy without phone numbers', async () => {
    render(<Harness e={engagement(['PEMERINTAH KOTA KEDIRI'])} />);
    fireEvent.click(screen.getByText('annex'));
    await flush();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(exportFile).toHaveBeenCalledWith('documents.attendanceList', { dayId: DAY_ID, blank: false, copy: 'annex' });
  });
});
