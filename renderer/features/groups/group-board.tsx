import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type DragEvent,
  type KeyboardEvent,
  type ReactNode,
} from 'react';
import type { Group, GroupsDay } from '../../../shared/groups';
import { useApp } from '../../app/store';
import { useErrorText, useT } from '../../i18n';
import { call } from '../../lib/api';

type Candidate = GroupsDay['candidates'][number];

const DRAG_TYPE = 'text/x-bimtek-person';

export interface GroupBoardProps {
  day: GroupsDay;
  /** Draws a group's card around its member list (name, topic, devices …). */
  renderCard(group: Group, members: ReactNode): ReactNode;
}

/**
 * The day's groups and the people not in one. A person moves by dragging them onto a group (or
 * back to the unassigned list), or from the keyboard: Alt+←/→ to the previous/next group, or the
 * "Pindahkan ke…" menu. Every move is announced in a live line and the focus follows the person.
 */
export function GroupBoard({ day, renderCard }: GroupBoardProps) {
  const t = useT();
  const errorText = useErrorText();
  const toast = useApp((s) => s.toast);
  // The answer of the last move, shown until the next list arrives from the store.
  const [moved, setMoved] = useState<{ from: GroupsDay; groups: Group[] } | null>(null);
  const groups = moved && moved.from === day ? moved.groups : day.groups;
  const [announce, setAnnounce] = useState('');
  const [dragId, setDragId] = useState<string | null>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const focusAfter = useRef<{ id: string; group: string } | null>(null);
  const board = useRef<HTMLDivElement>(null);

  const people = new Map(day.candidates.map((c) => [c.id, c]));
  const groupOf = new Map<string, string>();
  for (const g of groups) for (const m of g.memberIds) groupOf.set(m, g.id);
  const unassigned = day.candidates.filter((c) => c.present && !groupOf.has(c.id));
  /** The places a person can be, in the order Alt+←/→ walks them: the unassigned list (left), then the groups. */
  const order: (string | null)[] = [null, ...groups.map((g) => g.id)];

  useLayoutEffect(() => {
    const f = focusAfter.current;
    if (!f || !board.current) return;
    const el = board.current.querySelector<HTMLElement>(`[data-person="${f.id}"][data-group="${f.group}"]`);
    if (el) {
      el.focus();
      focusAfter.current = null;
    }
  });

  const move = async (person: Candidate, groupId: string | null, index: number | null = null) => {
    if ((groupOf.get(person.id) ?? null) === groupId) return;
    const r = await call('groups.moveMember', { dayId: day.dayId, participantId: person.id, groupId, index });
    if (!r.ok) {
      toast({ text: errorText(r.error) });
      return;
    }
    setMoved({ from: day, groups: r.value.groups });
    focusAfter.current = { id: person.id, group: groupId ?? '' };
    const target = r.value.groups.find((g) => g.id === groupId);
    setAnnounce(
      target
        ? t('groups.moved', { name: person.name, group: target.name })
        : t('groups.movedOut', { name: person.name }),
    );
  };

  const onKey = (ev: KeyboardEvent, person: Candidate) => {
    if (!ev.altKey || (ev.key !== 'ArrowLeft' && ev.key !== 'ArrowRight')) return;
    ev.preventDefault();
    const at = order.indexOf(groupOf.get(person.id) ?? null);
    const next = at + (ev.key === 'ArrowRight' ? 1 : -1);
    if (next < 0 || next >= order.length) return;
    void move(person, order[next]);
  };

  const dropProps = (groupId: string | null) => ({
    onDragOver: (ev: DragEvent) => {
      if (!ev.dataTransfer.types.includes(DRAG_TYPE) && dragId === null) return;
      ev.preventDefault();
      ev.dataTransfer.dropEffect = 'move';
      setDropTarget(groupId ?? '');
    },
    onDragLeave: () => setDropTarget(null),
    onDrop: (ev: DragEvent) => {
      ev.preventDefault();
      const id = ev.dataTransfer.getData(DRAG_TYPE) || dragId;
      setDragId(null);
      setDropTarget(null);
      const person = id ? people.get(id) : undefined;
      if (person) void move(person, groupId);
    },
  });

  const targets = [
    ...groups.map((g) => ({ id: g.id as string | null, name: g.name })),
    { id: null, name: t('groups.moveToNone') },
  ];

  const personItem = (person: Candidate, group: Group | null) => (
    <PersonItem
      key={person.id}
      person={person}
      group={group}
      hintId={`move-hint-${day.dayId}`}
      dragging={dragId === person.id}
      targets={targets.filter((x) => x.id !== (group?.id ?? null))}
      onKeyDown={(ev) => onKey(ev, person)}
      onDragStart={(ev) => {
        ev.dataTransfer.setData(DRAG_TYPE, person.id);
        ev.dataTransfer.effectAllowed = 'move';
        setDragId(person.id);
      }}
      onDragEnd={() => {
        setDragId(null);
        setDropTarget(null);
      }}
      onMove={(groupId) => void move(person, groupId)}
    />
  );

  return (
    <div className="group-board" ref={board}>
      <p className="muted group-board__hint" id={`move-hint-${day.dayId}`}>
        {t('groups.moveHint')}
      </p>
      <div className="group-board__layout">
        <section
          className={`group-board__unassigned${dropTarget === '' ? ' is-drop-target' : ''}`}
          aria-labelledby={`unassigned-${day.dayId}`}
          {...dropProps(null)}
        >
          <h3 id={`unassigned-${day.dayId}`} className="group-board__title">
            {t('groups.unassigned', { count: unassigned.length })}
          </h3>
          {unassigned.length === 0 ? (
            <p className="muted">{t('groups.unassignedNone')}</p>
          ) : (
            <ul className="person-list">{unassigned.map((p) => personItem(p, null))}</ul>
          )}
        </section>
        <div className="group-board__groups">
          {groups.map((g) => {
            const members = g.memberIds.map((id) => people.get(id)).filter((p): p is Candidate => !!p);
            return (
              <div
                key={g.id}
                className={`group-slot${dropTarget === g.id ? ' is-drop-target' : ''}`}
                {...dropProps(g.id)}
              >
                {renderCard(
                  g,
                  members.length === 0 ? (
                    <p className="muted group-slot__empty">{t('groups.noMembers')}</p>
                  ) : (
                    <ul className="person-list" aria-label={t('groups.membersOf', { name: g.name })}>
                      {members.map((p) => personItem(p, g))}
                    </ul>
                  ),
                )}
              </div>
            );
          })}
        </div>
      </div>
      <p className="visually-hidden" aria-live="polite" data-testid="group-announce">
        {announce}
      </p>
    </div>
  );
}

function PersonItem(props: {
  person: Candidate;
  group: Group | null;
  /** The board's line that says how to move people (unassigned people are on the board too). */
  hintId: string;
  dragging: boolean;
  targets: { id: string | null; name: string }[];
  onKeyDown(ev: KeyboardEvent): void;
  onDragStart(ev: DragEvent): void;
  onDragEnd(): void;
  onMove(groupId: string | null): void;
}) {
  const { person, group } = props;
  const t = useT();
  const [menu, setMenu] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const rapporteur = group?.rapporteurId === person.id;

  useEffect(() => {
    if (menu) list.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [menu]);

  const close = () => {
    setMenu(false);
    button.current?.focus();
  };
  const onMenuKey = (ev: KeyboardEvent) => {
    const items = [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (ev.key === 'Escape') {
      ev.preventDefault();
      ev.stopPropagation();
      close();
    } else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      const n = items.length;
      items[(at + (ev.key === 'ArrowDown' ? 1 : n - 1)) % n]?.focus();
    } else if (ev.key === 'Tab') {
      setMenu(false);
    }
  };

  const label = [
    person.name,
    person.agency,
    person.present ? null : t('groups.absent'),
    rapporteur ? t('groups.rapporteurBadge') : null,
  ]
    .filter(Boolean)
    .join(', ');

  return (
    <li
      className={`person${props.dragging ? ' is-dragging' : ''}${person.present ? '' : ' person--absent'}`}
      data-person={person.id}
      data-group={group?.id ?? ''}
      tabIndex={0}
      draggable
      aria-label={label}
      aria-describedby={props.hintId}
      onDragStart={props.onDragStart}
      onDragEnd={props.onDragEnd}
      onKeyDown={(ev) => {
        if (ev.target === ev.currentTarget) props.onKeyDown(ev);
      }}
    >
      <span className="person__grip" aria-hidden="true">
        ⠿
      </span>
      <span className="person__text">
        <span className="person__name">{person.name}</span>
        <span className="person__agency">{person.agency || '—'}</span>
      </span>
      {rapporteur && <span className="gp-badge gp-badge--brand">{t('groups.rapporteurBadge')}</span>}
      {!person.present && (
        <span className="gp-badge gp-badge--warning" title={t('groups.absentTitle')}>
          {t('groups.absent')}
        </span>
      )}
      <span className="person__menu">
        <button
          ref={button}
          type="button"
          className="btn btn--ghost btn--small"
          aria-haspopup="menu"
          aria-expanded={menu}
          aria-label={t('groups.moveMenu', { name: person.name })}
          title={t('groups.moveMenu', { name: person.name })}
          onClick={() => setMenu(!menu)}
        >
          <span aria-hidden="true">⇄</span>
        </button>
        {menu && (
          <ul
            ref={list}
            role="menu"
            className="person__menu-list"
            aria-label={t('groups.moveMenu', { name: person.name })}
            onKeyDown={onMenuKey}
          >
            {props.targets.map((x) => (
              <li key={x.id ?? 'none'} role="none">
                <button
                  type="button"
                  role="menuitem"
                  tabIndex={-1}
                  onClick={() => {
                    setMenu(false);
                    props.onMove(x.id);
                  }}
                >
                  {x.name}
                </button>
              </li>
            ))}
          </ul>
        )}
      </span>
    </li>
  );
}
