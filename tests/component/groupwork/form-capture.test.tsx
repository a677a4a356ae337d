// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FormCapture } from '../../../renderer/features/groupwork/form-capture';
import {
  FORM_DEFINITIONS,
  missingFields,
  rowIdSchema,
  type CellValue,
  type FormDef,
  type OutputValues,
} from '../../../shared/forms';

afterEach(cleanup);

// jsdom has neither PointerEvent nor a 2D canvas (as in checkin.test.tsx).
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

const b = (id: string, en: string) => ({ id, en });

/** A form no shipped code knows: every field kind, a table with user rows and one with fixed rows. */
const TEST_FORM: FormDef = {
  id: 'uji-coba',
  title: b('Lembar Uji Coba', 'Trial sheet'),
  instructions: b('Isi semua kolom uji.', 'Fill in every trial field.'),
  fields: [
    { key: 'judul', kind: 'text', label: b('Judul kegiatan', 'Activity title'), required: true, max: 20 },
    { key: 'ringkasan', kind: 'longText', label: b('Ringkasan', 'Summary'), max: 50 },
    { key: 'gagasan', kind: 'list', label: b('Gagasan', 'Ideas'), maxItems: 3 },
    {
      key: 'skor',
      kind: 'rating',
      label: b('Skor kematangan', 'Maturity score'),
      anchors: [b('Rendah', 'Low'), b('Sedang', 'Medium'), b('Tinggi', 'High')],
    },
    { key: 'opd', kind: 'choice', source: 'agency', label: b('OPD pengampu', 'Lead agency') },
    {
      key: 'cara',
      kind: 'choice',
      source: 'options',
      label: b('Cara pelaksanaan', 'Delivery'),
      options: [
        { value: 'swakelola', label: b('Swakelola', 'In-house') },
        { value: 'kontrak', label: b('Kontrak', 'Contract') },
      ],
    },
    {
      key: 'biaya',
      kind: 'number',
      label: b('Perkiraan biaya', 'Estimated cost'),
      min: 0,
      max: 100,
      unit: b('juta rupiah', 'million rupiah'),
    },
    { key: 'tahun', kind: 'year', label: b('Tahun target', 'Target year') },
    {
      key: 'langkah',
      kind: 'table',
      label: b('Langkah kerja', 'Work steps'),
      rowLabel: b('Langkah', 'Step'),
      minRows: 1,
      required: true,
      columns: [
        { key: 'apa', kind: 'text', label: b('Uraian langkah', 'Step description'), required: true },
        { key: 'kapan', kind: 'choice', source: 'horizon', label: b('Kapan', 'When') },
        { key: 'paraf', kind: 'signature', label: b('Paraf', 'Initials') },
      ],
    },
    {
      key: 'pilar',
      kind: 'table',
      label: b('Pilar uji', 'Trial pillars'),
      rows: [
        { key: 'satu', group: b('Kelompok A', 'Group A'), label: b('Pilar satu', 'Pillar one') },
        { key: 'dua', group: b('Kelompok A', 'Group A'), label: b('Pilar dua', 'Pillar two') },
        { key: 'tiga', group: b('Kelompok B', 'Group B'), label: b('Pilar tiga', 'Pillar three') },
      ],
      columns: [{ key: 'catatan', kind: 'text', label: b('Catatan pilar', 'Pillar note') }],
    },
  ],
};

const AGENCIES = ['Badan Perencanaan Pembangunan Daerah', 'Dinas Komunikasi dan Informatika'];

/** The capture form with its values held like a parent would, every onChange recorded. */
function Harness(props: {
  form: FormDef;
  initial?: OutputValues;
  onChange?: (path: string, value: CellValue) => void;
  onSign?: (path: string, png: string) => void;
  changedBy?: Record<string, { by: string; at: string }>;
  withMissing?: boolean;
}) {
  const [values, setValues] = useState<OutputValues>(props.initial ?? {});
  return (
    <FormCapture
      form={props.form}
      values={values}
      agencies={AGENCIES}
      language="id"
      changedBy={props.changedBy}
      missing={props.withMissing ? missingFields(props.form, values) : undefined}
      onChange={(path, value) => {
        props.onChange?.(path, value);
        setValues((v) => ({ ...v, [path]: value }));
      }}
      onSign={(path, png) => props.onSign?.(path, png)}
    />
  );
}

describe('FormCapture', () => {
  it.each(FORM_DEFINITIONS.map((f) => [f.id, f] as const))('renders the shipped form %s', (_id, form) => {
    render(<Harness form={form} />);
    expect(screen.getByRole('form', { name: form.title.id })).toBeTruthy();
    expect(screen.getByText(form.instructions.id)).toBeTruthy();
    for (const f of form.fields) {
      if (f.kind === 'table') expect(screen.getByRole('heading', { name: new RegExp(f.label.id) })).toBeTruthy();
      else expect(screen.getAllByText(f.label.id, { exact: false }).length).toBeGreaterThan(0);
    }
  });

  it('the readiness form shows its pillars as groups with every element and its anchors', () => {
    render(<Harness form={FORM_DEFINITIONS.find((f) => f.fields.some((x) => x.kind === 'table' && x.rows))!} />);
    for (const g of ['Struktur', 'Infrastruktur', 'Suprastruktur'])
      expect(screen.getByRole('heading', { level: 4, name: g })).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Sumber daya manusia' })).toBeTruthy();
    expect(screen.getAllByRole('radio', { name: /Berjalan sebagian/ })).toHaveLength(9);
  });

  it('a form defined here: labels found, typing gives onChange(path, value) per cell', () => {
    const onChange = vi.fn();
    render(<Harness form={TEST_FORM} onChange={onChange} />);
    expect(screen.getByText('Isi semua kolom uji.')).toBeTruthy();

    fireEvent.change(screen.getByLabelText(/Judul kegiatan/), { target: { value: 'Sapa Warga' } });
    expect(onChange).toHaveBeenLastCalledWith('judul', 'Sapa Warga');

    fireEvent.change(screen.getByLabelText(/Ringkasan/), { target: { value: 'Layanan aduan' } });
    expect(onChange).toHaveBeenLastCalledWith('ringkasan', 'Layanan aduan');

    fireEvent.change(screen.getByLabelText(/Gagasan/), { target: { value: 'Satu\n\n  Dua  \n' } });
    expect(onChange).toHaveBeenLastCalledWith('gagasan', ['Satu', 'Dua']);
    // What is typed stays as typed (blank line included) while the cell holds the items.
    expect((screen.getByLabelText(/Gagasan/) as HTMLTextAreaElement).value).toBe('Satu\n\n  Dua  \n');

    const rating = screen.getByRole('group', { name: 'Skor kematangan' });
    fireEvent.click(within(rating).getByRole('radio', { name: /2 Sedang/ }));
    expect(onChange).toHaveBeenLastCalledWith('skor', 2);
    expect((within(rating).getByRole('radio', { name: /2 Sedang/ }) as HTMLInputElement).checked).toBe(true);

    const opd = screen.getByLabelText(/OPD pengampu/) as HTMLSelectElement;
    expect([...opd.options].map((o) => o.value)).toEqual(['', ...AGENCIES]);
    fireEvent.change(opd, { target: { value: AGENCIES[0] } });
    expect(onChange).toHaveBeenLastCalledWith('opd', AGENCIES[0]);

    fireEvent.change(screen.getByLabelText(/Cara pelaksanaan/), { target: { value: 'kontrak' } });
    expect(onChange).toHaveBeenLastCalledWith('cara', 'kontrak');

    const cost = screen.getByLabelText(/Perkiraan biaya \(juta rupiah\)/) as HTMLInputElement;
    fireEvent.change(cost, { target: { value: '12,5' } });
    expect(onChange).toHaveBeenLastCalledWith('biaya', 12.5);
    fireEvent.change(cost, { target: { value: '' } });
    expect(onChange).toHaveBeenLastCalledWith('biaya', null);

    fireEvent.change(screen.getByLabelText(/Tahun target/), { target: { value: '2027' } });
    expect(onChange).toHaveBeenLastCalledWith('tahun', 2027);

    // Fixed rows: grouped, each row's cell at key/<rowKey>/<column>.
    expect(screen.getByRole('heading', { level: 4, name: 'Kelompok A' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 4, name: 'Kelompok B' })).toBeTruthy();
    const pillarTwo = screen.getByRole('group', { name: 'Pilar dua' });
    fireEvent.change(within(pillarTwo).getByLabelText(/Catatan pilar/), { target: { value: 'Sudah ada perda' } });
    expect(onChange).toHaveBeenLastCalledWith('pilar/dua/catatan', 'Sudah ada perda');
  });

  it('adding a row writes the order cell; the new row takes input; rows move and are removed', async () => {
    const onChange = vi.fn();
    render(<Harness form={TEST_FORM} onChange={onChange} />);
    expect(screen.getByText(/Belum ada baris/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /Tambah Langkah/ }));
    const [path, order] = onChange.mock.lastCall!;
    expect(path).toBe('langkah/#rows');
    expect(order).toHaveLength(1);
    const first = (order as string[])[0];
    expect(rowIdSchema.safeParse(first).success).toBe(true);

    const row1 = screen.getByRole('group', { name: 'Langkah 1' });
    fireEvent.change(within(row1).getByLabelText(/Uraian langkah/), { target: { value: 'Rapat OPD' } });
    expect(onChange).toHaveBeenLastCalledWith(`langkah/${first}/apa`, 'Rapat OPD');
    fireEvent.change(within(row1).getByLabelText(/Kapan/), { target: { value: 'pendek' } });
    expect(onChange).toHaveBeenLastCalledWith(`langkah/${first}/kapan`, 'pendek');

    fireEvent.click(screen.getByRole('button', { name: /Tambah Langkah/ }));
    const second = (onChange.mock.lastCall![1] as string[])[1];
    expect(onChange.mock.lastCall![1]).toEqual([first, second]);
    expect(second).not.toBe(first);

    // Move the second row up: the order cell is rewritten, focus stays on the moved row's button.
    fireEvent.click(screen.getByRole('button', { name: 'Naikkan Langkah 2' }));
    expect(onChange).toHaveBeenLastCalledWith('langkah/#rows', [second, first]);
    expect(
      within(screen.getByRole('group', { name: 'Langkah 2' })).getByLabelText<HTMLInputElement>(/Uraian langkah/).value,
    ).toBe('Rapat OPD');
    expect(document.activeElement?.textContent).toBe('↓');

    // An empty row goes at once; a row with content asks first.
    fireEvent.click(screen.getByRole('button', { name: 'Hapus Langkah 1' }));
    expect(onChange).toHaveBeenLastCalledWith('langkah/#rows', [first]);
    onChange.mockClear();
    fireEvent.click(screen.getByRole('button', { name: 'Hapus Langkah 1' }));
    expect(onChange).not.toHaveBeenCalled();
    const dialog = await screen.findByRole('alertdialog');
    expect(dialog.textContent).toContain('Hapus Langkah 1 beserta isinya?');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Hapus' }));
    expect(onChange).toHaveBeenLastCalledWith('langkah/#rows', []);
  });

  it('an over-limit value shows the limit and is kept; a paste over the limit says it was cut', async () => {
    const onChange = vi.fn();
    render(<Harness form={TEST_FORM} onChange={onChange} initial={{ judul: 'x'.repeat(25) }} />);
    const title = screen.getByLabelText(/Judul kegiatan/) as HTMLInputElement;
    expect(title.value).toBe('x'.repeat(25));
    expect(screen.getByText('Terlalu panjang: paling banyak 20 karakter.')).toBeTruthy();
    expect(screen.getByText('25/20 karakter')).toBeTruthy();

    const summary = screen.getByLabelText(/Ringkasan/) as HTMLTextAreaElement;
    expect(summary.maxLength).toBe(50);
    summary.setSelectionRange(0, 0);
    fireEvent.paste(summary, { clipboardData: { getData: () => 'y'.repeat(60) } });
    await act(() => new Promise((r) => setTimeout(r, 0)));
    expect(screen.getByText('Teks yang ditempel dipotong: kolom ini paling banyak 50 karakter.')).toBeTruthy();

    // A list item over 500 characters and too many items.
    fireEvent.change(screen.getByLabelText(/Gagasan/), { target: { value: `a\n${'z'.repeat(501)}` } });
    expect(screen.getByText('Butir ke-2 terlalu panjang: paling banyak 500 karakter.')).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/Gagasan/), { target: { value: 'a\nb\nc\nd' } });
    expect(screen.getByText('Terlalu banyak butir: paling banyak 3.')).toBeTruthy();
  });

  it('a number that is not one stays in the box with a message; out of range says the limit', () => {
    const onChange = vi.fn();
    render(<Harness form={TEST_FORM} onChange={onChange} initial={{ biaya: 5 }} />);
    const cost = screen.getByLabelText(/Perkiraan biaya/) as HTMLInputElement;
    expect(cost.value).toBe('5');
    fireEvent.change(cost, { target: { value: '12 juta' } });
    expect(cost.value).toBe('12 juta');
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText(/Bukan angka/)).toBeTruthy();
    fireEvent.change(cost, { target: { value: '150' } });
    expect(onChange).toHaveBeenLastCalledWith('biaya', 150);
    expect(screen.getByText('Paling besar 100.')).toBeTruthy();

    const year = screen.getByLabelText(/Tahun target/) as HTMLInputElement;
    fireEvent.change(year, { target: { value: '27' } });
    expect(year.value).toBe('27');
    expect(screen.getByText(/empat angka/)).toBeTruthy();
    fireEvent.change(year, { target: { value: '1999' } });
    expect(screen.getByText('Tahun harus antara 2000 dan 2100.')).toBeTruthy();
  });

  it('an unknown stored OPD stays visible and chosen', () => {
    render(<Harness form={TEST_FORM} initial={{ opd: 'Dinas Kominfo (lama)' }} />);
    const opd = screen.getByLabelText(/OPD pengampu/) as HTMLSelectElement;
    expect(opd.value).toBe('Dinas Kominfo (lama)');
    expect(opd.selectedOptions[0].textContent).toBe('Dinas Kominfo (lama) (tidak ada di daftar)');
  });

  it('missing fields: a summary on top and "Wajib diisi." under each', () => {
    render(<Harness form={TEST_FORM} withMissing />);
    expect(screen.getByText('Belum lengkap: 2 isian wajib masih kosong.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Judul kegiatan' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Langkah kerja: belum ada baris' })).toBeTruthy();
    expect(screen.getByText('Wajib diisi.')).toBeTruthy();
    expect(screen.getByText('Tambahkan paling sedikit 1 baris.')).toBeTruthy();
    // Jumping to the field focuses it.
    fireEvent.click(screen.getByRole('button', { name: 'Judul kegiatan' }));
    expect(document.activeElement).toBe(screen.getByLabelText(/Judul kegiatan/));
  });

  it('a cell another device changed says who and when', () => {
    render(
      <Harness
        form={TEST_FORM}
        initial={{ judul: 'Sapa Warga' }}
        changedBy={{ judul: { by: 'Laptop Kelompok 2', at: '09:41' } }}
      />,
    );
    expect(screen.getByText('Diubah oleh Laptop Kelompok 2 pukul 09.41')).toBeTruthy();
    cleanup();
    render(
      <FormCapture
        form={TEST_FORM}
        values={{ judul: 'Sapa Warga' }}
        agencies={AGENCIES}
        language="en"
        changedBy={{ judul: { by: 'Group 2 phone', at: '09:41' } }}
        onChange={() => {}}
        onSign={() => {}}
      />,
    );
    expect(screen.getByText('Changed by Group 2 phone at 09:41')).toBeTruthy();
  });

  it('signature cells: the pad, then "✓ Sudah ditandatangani" with "Ulangi" once a hash is stored', async () => {
    const onSign = vi.fn();
    const hash = 'a'.repeat(64);
    render(
      <Harness
        form={TEST_FORM}
        onSign={onSign}
        initial={{ 'langkah/#rows': ['row0001', 'row0002'], 'langkah/row0002/paraf': hash }}
      />,
    );
    const row1 = screen.getByRole('group', { name: 'Langkah 1' });
    fireEvent.click(within(row1).getByRole('button', { name: 'Tanda tangani' }));
    const canvas = within(row1).getByRole('img', { name: /Paraf/ });
    const save = within(row1).getByRole('button', { name: 'Simpan tanda tangan' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.pointerDown(canvas, { pointerId: 7, clientX: 10, clientY: 10, button: 0 });
    for (let i = 1; i <= 5; i++) fireEvent.pointerMove(canvas, { pointerId: 7, clientX: 10 + i * 12, clientY: 12 });
    fireEvent.pointerUp(canvas, { pointerId: 7, clientX: 80, clientY: 14 });
    expect(save.disabled).toBe(false);
    await act(async () => fireEvent.click(save));
    expect(onSign).toHaveBeenCalledWith('langkah/row0001/paraf', 'U0lHTkVE');

    const row2 = screen.getByRole('group', { name: 'Langkah 2' });
    expect(within(row2).getByText('✓ Sudah ditandatangani')).toBeTruthy();
    expect(within(row2).getByRole('button', { name: 'Ulangi' })).toBeTruthy();
  });

  it('read-only: every control is disabled and no row can be added', () => {
    render(
      <FormCapture
        form={TEST_FORM}
        values={{ judul: 'Sapa Warga' }}
        agencies={AGENCIES}
        language="en"
        readOnly
        onChange={() => {}}
        onSign={() => {}}
      />,
    );
    expect((screen.getByLabelText(/Activity title/) as HTMLInputElement).closest('fieldset')!.disabled).toBe(true);
    expect(screen.queryByRole('button', { name: /Add Step/ })).toBeNull();
  });
});
