// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CellValue } from '../../../shared/forms';
import type { CellWrite, Output } from '../../../shared/groups';
import type { Result } from '../../../shared/errors';
import { readDraft } from '../../../renderer/lib/drafts';
import { CELL_DELAY_MS, CELL_RESEND_MS, useCellSaver } from '../../../renderer/features/groups/use-cell-saver';

const G = '00000000-0000-4000-8000-000000000001';
const S = '00000000-0000-4000-8000-000000000002';
const KEY = `output:${G}:${S}`;

function output(values: Output['values'], meta: Output['meta'] = {}): Output {
  return { groupId: G, stepId: S, formId: 'swot', status: 'draft', values, meta, agencies: [], updatedAt: '' };
}

type Send = (path: string, value: CellValue, base: number | null) => Promise<Result<CellWrite>>;

function Harness({ out, send }: { out: Output; send: Send }) {
  const cells = useCellSaver({ draftKey: KEY, output: out, send });
  return (
    <div>
      <output data-testid="values">{JSON.stringify(cells.values)}</output>
      <output data-testid="status">{cells.status}</output>
      <button onClick={() => cells.change('strengths', ['A'])}>a</button>
      <button onClick={() => cells.change('strengths', ['A', 'B'])}>ab</button>
      <button onClick={() => void cells.flush()}>flush</button>
    </div>
  );
}

/** A store answering every write with the next version of the cell. */
function store() {
  const versions = new Map<string, number>();
  const calls: { path: string; value: CellValue; base: number | null }[] = [];
  const send = vi.fn(async (path: string, value: CellValue, base: number | null): Promise<Result<CellWrite>> => {
    calls.push({ path, value, base });
    const version = (versions.get(path) ?? 3) + 1;
    versions.set(path, version);
    return {
      ok: true,
      value: { groupId: G, stepId: S, path, value, meta: { version, by: '', at: '' }, overwrote: false },
    };
  });
  return { send, calls };
}

const shown = () => JSON.parse(screen.getByTestId('values').textContent!) as Record<string, unknown>;

beforeEach(() => {
  localStorage.clear();
  vi.useFakeTimers();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('output autosave, cell by cell', () => {
  it('keeps a change on the device at once, sends it after the pause with the version it started from', async () => {
    const { send, calls } = store();
    render(
      <Harness
        out={output({ strengths: ['lama'] }, { strengths: { version: 3, by: 'Tablet', at: '' } })}
        send={send}
      />,
    );
    fireEvent.click(screen.getByText('a'));
    expect(shown().strengths).toEqual(['A']);
    expect(readDraft<{ values: Record<string, unknown> }>(KEY)?.values).toEqual({ strengths: ['A'] });
    expect(send).not.toHaveBeenCalled();
    await act(async () => {
      await vi.advanceTimersByTimeAsync(CELL_DELAY_MS);
    });
    expect(calls).toEqual([{ path: 'strengths', value: ['A'], base: 3 }]);
    // Stored: the draft is gone, and the text stays on screen until the change event brings it.
    expect(readDraft(KEY)).toBeNull();
    expect(shown().strengths).toEqual(['A']);
    expect(screen.getByTestId('status').textContent).toBe('saved');

    // The next edit of the same cell starts from the version the laptop itself wrote.
    fireEvent.click(screen.getByText('ab'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(CELL_DELAY_MS);
    });
    expect(calls[1]).toEqual({ path: 'strengths', value: ['A', 'B'], base: 4 });
  });

  it('typing on within the pause sends one write; leaving the form sends what waits at once', async () => {
    const { send, calls } = store();
    const view = render(<Harness out={output({})} send={send} />);
    fireEvent.click(screen.getByText('a'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(CELL_DELAY_MS / 2);
    });
    fireEvent.click(screen.getByText('ab'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(CELL_DELAY_MS);
    });
    expect(calls).toEqual([{ path: 'strengths', value: ['A', 'B'], base: null }]);

    fireEvent.click(screen.getByText('a'));
    await act(async () => {
      view.unmount();
    });
    expect(calls).toHaveLength(2);
    expect(calls[1].value).toEqual(['A']);
  });

  it('a reload keeps the unsent text: shown from the draft and sent as the output opens', async () => {
    const never = vi.fn(() => new Promise<Result<CellWrite>>(() => {}));
    const first = render(<Harness out={output({})} send={never} />);
    fireEvent.click(screen.getByText('ab'));
    first.unmount();
    expect(readDraft<{ values: Record<string, unknown> }>(KEY)?.values).toEqual({ strengths: ['A', 'B'] });

    const { send, calls } = store();
    await act(async () => {
      render(<Harness out={output({ strengths: ['lama'] })} send={send} />);
    });
    expect(calls).toEqual([{ path: 'strengths', value: ['A', 'B'], base: null }]);
    expect(shown().strengths).toEqual(['A', 'B']);
    expect(readDraft(KEY)).toBeNull();
  });

  it('when the store cannot write, the text stays as a draft and is sent again by itself', async () => {
    const { send: ok, calls } = store();
    let down = true;
    const send: Send = async (path, value, base) =>
      down ? { ok: false, error: { code: 'IO', message: 'Disk penuh' } } : ok(path, value, base);
    render(<Harness out={output({})} send={send} />);
    fireEvent.click(screen.getByText('a'));
    await act(async () => {
      await vi.advanceTimersByTimeAsync(CELL_DELAY_MS);
    });
    expect(screen.getByTestId('status').textContent).toBe('error');
    expect(shown().strengths).toEqual(['A']);
    expect(readDraft<{ values: Record<string, unknown> }>(KEY)?.values).toEqual({ strengths: ['A'] });
    down = false;
    await act(async () => {
      await vi.advanceTimersByTimeAsync(CELL_RESEND_MS);
    });
    expect(calls).toEqual([{ path: 'strengths', value: ['A'], base: null }]);
    expect(readDraft(KEY)).toBeNull();
    expect(screen.getByTestId('status').textContent).toBe('saved');
  });
});
