// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Group, GroupsDay } from '../../../shared/groups';

vi.mock('../../../renderer/lib/api', () => import('../../fixtures/fake-api'));
const { fakeApi } = await import('../../fixtures/fake-api');
const { GroupBoard } = await import('../../../renderer/features/groups/group-board');

afterEach(cleanup);

const W = '5d1c2a44-8a3e-4b8e-9a0f-6c7d8e9f0a12';
const D = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c23';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const G1 = id(101);
const G2 = id(102);
const G3 = id(103);

function group(gid: string, name: string, memberIds: string[]): Group {
  return {
    id: gid,
    workshopId: W,
    dayId: D,
    name,
    topic: '',
    position: 0,
    memberIds,
    rapporteurId: null,
    facilitator: '',
    pairing: null,
    devices: [],
    updatedAt: '2019-08-29T01:00:00.000Z',
  };
}

function dayWith(groups: Group[]): GroupsDay {
  return {
    dayId: D,
    date: '2019-08-29',
    groups,
    steps: [],
    candidates: [
      { id: id(1), name: 'Ani Lestari', agency: 'Diskominfo', present: true },
      { id: id(2), name: 'Budi Santoso', agency: 'Bappeda', present: true },
      { id: id(3), name: 'Citra Dewi', agency: 'DLH', present: true },
      { id: id(4), name: 'Dedi Kurnia', agency: 'Dinas Kesehatan', present: false },
    ],
    outputs: [],
  };
}

/** The store: moving a person takes them out of their group and puts them at the end of the target. */
let stored: Group[];
function moveAnswer(op: string, input: unknown) {
  if (op !== 'groups.moveMember') return { ok: false, error: { code: 'INTERNAL', message: 'x' } };
  const { participantId, groupId } = input as { participantId: string; groupId: string | null };
  stored = stored.map((g) => ({
    ...g,
    memberIds: [...g.memberIds.filter((m) => m !== participantId), ...(g.id === groupId ? [participantId] : [])],
  }));
  return { ok: true, value: { dayId: D, groups: stored } };
}

const board = (day: GroupsDay) => (
  <GroupBoard
    day={day}
    renderCard={(g, members) => (
      <section aria-label={g.name} data-card={g.id}>
        {members}
      </section>
    )}
  />
);

const personIn = (groupId: string, personId: string) =>
  document.querySelector<HTMLElement>(`[data-person="${personId}"][data-group="${groupId}"]`);

describe('group board: moving people from the keyboard', () => {
  beforeEach(() => {
    stored = [group(G1, 'Kelompok 1', [id(1), id(4)]), group(G2, 'Kelompok 2', [id(2)]), group(G3, 'Kelompok 3', [])];
    fakeApi.reset(moveAnswer);
  });

  it('Alt+→ moves the focused person to the next group, announces it, and keeps the focus on them', async () => {
    render(board(dayWith(stored)));
    const ani = personIn(G1, id(1))!;
    ani.focus();
    await act(async () => {
      fireEvent.keyDown(ani, { key: 'ArrowRight', altKey: true });
    });
    expect(fakeApi.calls).toEqual([
      { op: 'groups.moveMember', input: { dayId: D, participantId: id(1), groupId: G2, index: null } },
    ]);
    const moved = personIn(G2, id(1));
    expect(moved).not.toBeNull();
    expect(personIn(G1, id(1))).toBeNull();
    expect(document.activeElement).toBe(moved);
    expect(screen.getByTestId('group-announce').textContent).toBe('Ani Lestari dipindahkan ke Kelompok 2.');

    // Again from where they are now: group 3; Alt+← brings them back to group 2.
    await act(async () => {
      fireEvent.keyDown(moved!, { key: 'ArrowRight', altKey: true });
    });
    expect(document.activeElement).toBe(personIn(G3, id(1)));
    await act(async () => {
      fireEvent.keyDown(personIn(G3, id(1))!, { key: 'ArrowLeft', altKey: true });
    });
    expect(document.activeElement).toBe(personIn(G2, id(1)));
    expect(fakeApi.calls.map((c) => (c.input as { groupId: string }).groupId)).toEqual([G2, G3, G2]);
  });

  it('Alt+← from the first group takes the person out (unassigned list); past the last group nothing moves', async () => {
    render(board(dayWith(stored)));
    await act(async () => {
      fireEvent.keyDown(personIn(G1, id(1))!, { key: 'ArrowLeft', altKey: true });
    });
    const out = personIn('', id(1));
    expect(out).not.toBeNull();
    expect(document.activeElement).toBe(out);
    expect(screen.getByTestId('group-announce').textContent).toBe('Ani Lestari dikeluarkan dari kelompok.');
    const unassigned = screen.getByRole('region', { name: /Belum berkelompok/ });
    expect(within(unassigned).getByText('Ani Lestari')).toBeTruthy();

    // Arrows without Alt, and Alt+→ in the last group, call nothing.
    fakeApi.calls.length = 0;
    stored = [group(G1, 'Kelompok 1', []), group(G2, 'Kelompok 2', []), group(G3, 'Kelompok 3', [id(2)])];
    cleanup();
    render(board(dayWith(stored)));
    const budi = personIn(G3, id(2))!;
    await act(async () => {
      fireEvent.keyDown(budi, { key: 'ArrowRight' });
      fireEvent.keyDown(budi, { key: 'ArrowRight', altKey: true });
    });
    expect(fakeApi.calls).toEqual([]);
  });

  it('the "Pindahkan ke…" menu lists the other places, moves the person to the chosen one, Escape closes it', async () => {
    render(board(dayWith(stored)));
    const menuButton = screen.getByRole('button', { name: 'Pindahkan Budi Santoso ke…' });
    fireEvent.click(menuButton);
    const menu = screen.getByRole('menu', { name: 'Pindahkan Budi Santoso ke…' });
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((i) => i.textContent)).toEqual(['Kelompok 1', 'Kelompok 3', 'Belum berkelompok']);
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(items[0], { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[1]);
    fireEvent.keyDown(items[1], { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(menuButton);
    expect(fakeApi.calls).toEqual([]);

    fireEvent.click(menuButton);
    await act(async () => {
      fireEvent.click(within(screen.getByRole('menu')).getByRole('menuitem', { name: 'Kelompok 3' }));
    });
    expect(fakeApi.calls[0].input).toMatchObject({ participantId: id(2), groupId: G3 });
    expect(document.activeElement).toBe(personIn(G3, id(2)));
  });

  it('an absent member is flagged, and a refused move leaves everyone where they were', async () => {
    fakeApi.reset(() => ({ ok: false, error: { code: 'NOT_FOUND', message: 'Kelompok tidak ditemukan.' } }));
    render(board(dayWith(stored)));
    const dedi = personIn(G1, id(4))!;
    expect(dedi.getAttribute('aria-label')).toBe('Dedi Kurnia, Dinas Kesehatan, tidak hadir');
    await act(async () => {
      fireEvent.keyDown(personIn(G1, id(1))!, { key: 'ArrowRight', altKey: true });
    });
    expect(personIn(G1, id(1))).not.toBeNull();
    expect(personIn(G2, id(1))).toBeNull();
    expect(screen.getByTestId('group-announce').textContent).toBe('');
  });
});
