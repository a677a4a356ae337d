// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { DateField, TimeField } from '../../renderer/components/date-field';
import { useLanguage } from '../../renderer/i18n';

function Harness({ start, seen, error }: { start: string; seen: string[]; error?: string }) {
  const [v, setV] = useState(start);
  return (
    <DateField
      name="date"
      label="Tanggal"
      value={v}
      error={error}
      onChange={(x) => {
        seen.push(x);
        setV(x);
      }}
    />
  );
}

afterEach(() => {
  cleanup();
  act(() => useLanguage.getState().setLanguage('id'));
});

const box = () => screen.getByLabelText('Tanggal') as HTMLInputElement;

/** The calendar is a lazily loaded chunk: on a loaded machine its first import takes longer than 1 s. */
const LAZY = { timeout: 10_000 };

describe('DateField', () => {
  it('shows an ISO date day first, 28/08/2019, in a text box whatever the locale', () => {
    render(<Harness start="2019-08-28" seen={[]} />);
    expect(box().type).toBe('text');
    expect(box().value).toBe('28/08/2019');
    expect(box().placeholder).toBe('hh/bb/tttt');
  });

  it('understands 28/8/2019, 28-08-2019, 28082019 and ISO; tidies on blur; keeps what is not a date as typed', () => {
    const seen: string[] = [];
    render(<Harness start="2019-08-20" seen={seen} />);
    fireEvent.change(box(), { target: { value: '28/8/2019' } });
    expect(seen.at(-1)).toBe('2019-08-28');
    expect(box().value).toBe('28/8/2019');
    fireEvent.blur(box());
    expect(box().value).toBe('28/08/2019');
    for (const [typed, iso] of [
      ['29-08-2019', '2019-08-29'],
      ['30082019', '2019-08-30'],
      ['2019-09-02', '2019-09-02'],
      ['3.9.19', '2019-09-03'],
    ]) {
      fireEvent.change(box(), { target: { value: typed } });
      expect(seen.at(-1)).toBe(iso);
    }
    // Not a real date: the text stays as typed, and the schema (isoDate) gets it and says so.
    fireEvent.change(box(), { target: { value: '31/02/2019' } });
    expect(seen.at(-1)).toBe('31/02/2019');
    fireEvent.blur(box());
    expect(box().value).toBe('31/02/2019');
  });

  it('says an invalid date in Indonesian, naming the format', () => {
    render(<Harness start="31/02/2019" seen={[]} error="invalidDate" />);
    expect(screen.getByRole('alert').textContent).toBe('Tanggal tidak valid (hh/bb/tttt, misalnya 28/08/2019).');
    expect(box().getAttribute('aria-invalid')).toBe('true');
    expect(box().value).toBe('31/02/2019');
  });

  it('opens a calendar in Indonesian; a click on a day sets the date and closes it', async () => {
    const seen: string[] = [];
    render(<Harness start="2019-08-28" seen={seen} />);
    fireEvent.click(screen.getByRole('button', { name: 'Pilih tanggal di kalender' }));
    const dialog = await screen.findByRole('dialog', { name: 'Kalender: Tanggal' }, LAZY);
    // Month and weekday names from the date-fns `id` locale; the week starts on Monday.
    expect(dialog.textContent).toContain('Agu');
    const headers = [...dialog.querySelectorAll('th')].map((th) => th.textContent);
    expect(headers[0]?.toLowerCase()).toMatch(/^sen/);
    const selected = dialog.querySelector('[aria-selected="true"]');
    expect(selected?.textContent).toBe('28');
    const day15 = [...dialog.querySelectorAll('button')].find((b) => b.textContent === '15')!;
    fireEvent.click(day15);
    expect(seen.at(-1)).toBe('2019-08-15');
    expect(box().value).toBe('15/08/2019');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('works from the keyboard: the calendar takes the focus, arrows move, the focused day is picked, Escape closes', async () => {
    const seen: string[] = [];
    render(<Harness start="2019-08-28" seen={seen} />);
    const button = screen.getByRole('button', { name: 'Pilih tanggal di kalender' });
    fireEvent.click(button);
    const dialog = await screen.findByRole('dialog', {}, LAZY);
    await waitFor(() => expect(dialog.contains(document.activeElement)).toBe(true));
    expect(document.activeElement?.textContent).toBe('28');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    await waitFor(() => expect(document.activeElement?.textContent).toBe('29'));
    fireEvent.click(document.activeElement!);
    expect(seen.at(-1)).toBe('2019-08-29');
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    const again = await screen.findByRole('dialog', {}, LAZY);
    await waitFor(() => expect(again.contains(document.activeElement)).toBe(true));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(seen.at(-1)).toBe('2019-08-29');
  });

  it('in English the calendar is English, the typed format stays dd/mm/yyyy', async () => {
    act(() => useLanguage.getState().setLanguage('en'));
    render(<Harness start="2019-08-28" seen={[]} />);
    expect(box().value).toBe('28/08/2019');
    expect(box().placeholder).toBe('dd/mm/yyyy');
    fireEvent.click(screen.getByRole('button', { name: 'Choose the date on a calendar' }));
    const dialog = await screen.findByRole('dialog', {}, LAZY);
    expect(dialog.textContent).toContain('Aug');
    expect([...dialog.querySelectorAll('th')][0].textContent?.toLowerCase()).toMatch(/^mo/);
  });
});

describe('TimeField', () => {
  it('shows 09.00, 24-hour, and hands HH:MM on', () => {
    const seen: string[] = [];
    function T() {
      const [v, setV] = useState('13:05');
      return (
        <TimeField
          name="t"
          label="Mulai"
          value={v}
          onChange={(x) => {
            seen.push(x);
            setV(x);
          }}
        />
      );
    }
    render(<T />);
    const input = screen.getByLabelText('Mulai') as HTMLInputElement;
    expect(input.value).toBe('13.05');
    fireEvent.change(input, { target: { value: '900' } });
    expect(seen.at(-1)).toBe('09:00');
    fireEvent.blur(input);
    expect(input.value).toBe('09.00');
  });
});
