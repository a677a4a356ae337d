// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ClockInput } from '../../renderer/components/fields';

function Harness({ start, seen }: { start: string; seen: string[] }) {
  const [v, setV] = useState(start);
  return (
    <label>
      Mulai
      <ClockInput
        id="t"
        name="startTime"
        value={v}
        onChange={(x) => {
          seen.push(x);
          setV(x);
        }}
      />
    </label>
  );
}

afterEach(cleanup);

describe('ClockInput', () => {
  it('shows 24-hour time with a full stop, whatever the locale', () => {
    render(<Harness start="15:30" seen={[]} />);
    const box = screen.getByLabelText('Mulai') as HTMLInputElement;
    expect(box.type).toBe('text');
    expect(box.value).toBe('15.30');
  });

  it('understands 9.05, 0905 and 09:05, tidies on blur, and keeps what is not a time as typed', () => {
    const seen: string[] = [];
    render(<Harness start="08:00" seen={seen} />);
    const box = screen.getByLabelText('Mulai') as HTMLInputElement;
    fireEvent.change(box, { target: { value: '9.05' } });
    expect(seen.at(-1)).toBe('09:05');
    expect(box.value).toBe('9.05');
    fireEvent.blur(box);
    expect(box.value).toBe('09.05');
    fireEvent.change(box, { target: { value: '0930' } });
    expect(seen.at(-1)).toBe('09:30');
    fireEvent.change(box, { target: { value: '25.00' } });
    // Not a time: kept as typed, and the schema (clockTime) will say so.
    expect(seen.at(-1)).toBe('25.00');
    fireEvent.blur(box);
    expect(box.value).toBe('25.00');
  });
});
