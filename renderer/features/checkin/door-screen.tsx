import { memo, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Participant } from '../../../shared/attendance';
import { formatInstantTime, formatLongDate, formatTimeRange, regionTitle, zoneDate } from '../../../shared/format';
import { routeHash, useApp } from '../../app/store';
import { useLanguage, useT } from '../../i18n';
import { useAttendanceExport, type ListKind } from './attendance-export';
import { tidySentence } from './common';
import { PersonPanel } from './person-panel';
import { PersonSearch } from './person-search';
import { PinSetupDialog } from './pin-dialogs';
import type { DayData } from './use-day-data';
import { walkInDraftKey, WalkInForm } from './walk-in-form';
import { clearDraft, readDraft } from '../../lib/drafts';
import './door-screen.css';

type View =
  | { kind: 'search' }
  | { kind: 'person'; person: Participant; note?: string; represents?: Participant }
  | { kind: 'walkin'; name: string }
  | { kind: 'rep'; forPerson: Participant }
  | { kind: 'rep-walkin'; forPerson: Participant; name: string };

interface Flash {
  id: number;
  text: string;
  /** A warning (nothing was recorded) rather than a confirmation. */
  tone?: 'warn';
}

let flashSeq = 0;

/** Where self check-in opens: this window (browser and Electron) or its own window (Electron only). */
type KioskTarget = 'here' | 'window';

/** The Electron bridge when it can open the self check-in window; null in browser mode. */
function kioskWindowBridge() {
  const bridge = typeof window !== 'undefined' ? window.bimtek : undefined;
  return bridge && typeof bridge.openKioskWindow === 'function' && typeof bridge.closeKioskWindow === 'function'
    ? bridge
    : null;
}

/**
 * Whether this window opened a self check-in window that may still be open. Module state, so it
 * survives leaving the door screen and coming back; the window can also be closed with its own
 * close button, so "Tutup layar mandiri" may find nothing to close (and then says so).
 */
let kioskWindowShown = false;

/**
 * The door screen: one search box that is always ready, a confirm panel with the signature pad,
 * walk-ins without leaving the screen, and live counts per OPD for the projector. Phone numbers
 * are never shown here (the screen may be projected).
 */
export function DoorScreen({ data }: { data: DayData }) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  const { navigate, toast } = useApp();
  const searchRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  // A walk-in half typed before a reload comes back as it was.
  const [view, setView] = useState<View>(() =>
    readDraft(walkInDraftKey(data.dayId)) ? { kind: 'walkin', name: '' } : { kind: 'search' },
  );
  const [flash, setFlash] = useState<Flash | null>(null);
  const [pinSetup, setPinSetup] = useState<KioskTarget | null>(null);
  const [kioskWindowOpen, setKioskWindowOpen] = useState(kioskWindowShown);
  const [kioskWindowBusy, setKioskWindowBusy] = useState(false);
  const kioskBridge = kioskWindowBridge();
  const { sheet, engagement, workshop } = data;
  const exporter = useAttendanceExport(engagement, (name) => t('checkin.saved', { name }));
  const downloading = exporter.busy;
  const downloadsRef = useRef<HTMLDetailsElement>(null);
  const [lateEntry, setLateEntry] = useState(false);
  // The day this screen records, beside today's date in the region: they differ when the list is
  // filled in afterwards (or the wrong day was opened).
  const today = zoneDate(new Date().toISOString(), sheet.timeZone);
  const otherDay = today !== sheet.day.date;
  const ids = { engagementId: data.engagementId, workshopId: data.workshopId, dayId: data.dayId };

  // Back to the search box, cleared and focused: ready for the next person.
  const [focusTick, setFocusTick] = useState(0);
  const ready = useCallback((message?: string) => {
    setView({ kind: 'search' });
    setQuery('');
    if (message) setFlash({ id: ++flashSeq, text: tidySentence(message) });
    setFocusTick((n) => n + 1);
  }, []);
  const backToSearch = useCallback(() => {
    setView({ kind: 'search' });
    setFocusTick((n) => n + 1);
  }, []);
  // Back from a panel (Esc): the search text is selected, so the next name typed replaces it.
  useEffect(() => {
    if (view.kind !== 'search') return;
    searchRef.current?.focus();
    searchRef.current?.select();
  }, [view.kind, focusTick]);

  useEffect(() => {
    if (!flash) return;
    const timer = setTimeout(() => setFlash((f) => (f?.id === flash.id ? null : f)), 6000);
    return () => clearTimeout(timer);
  }, [flash]);

  // Ctrl+N (or Alt+N, which browsers leave to the page): a new participant from anywhere.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (pinSetup || e.key.toLowerCase() !== 'n' || !((e.ctrlKey && !e.altKey) || (e.altKey && !e.ctrlKey))) return;
      e.preventDefault();
      setView((v) => (v.kind === 'walkin' ? v : { kind: 'walkin', name: query.trim() }));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pinSetup, query]);

  const download = (kind: ListKind) => exporter.start(data.dayId, kind);

  const markKioskWindow = (open: boolean) => {
    kioskWindowShown = open;
    setKioskWindowOpen(open);
  };

  const showKiosk = async (target: KioskTarget) => {
    const route = { name: 'self-checkin' as const, ...ids };
    if (target === 'here' || !kioskBridge) return navigate(route);
    setKioskWindowBusy(true);
    const r = await kioskBridge.openKioskWindow(routeHash(route));
    setKioskWindowBusy(false);
    if (r.opened) markKioskWindow(true);
    toast({ text: t(r.opened ? 'checkin.kioskWindowOpened' : 'checkin.kioskWindowFailed') });
  };

  // The PIN that closes self check-in is set first, wherever it opens.
  const openKiosk = (target: KioskTarget) => {
    if (engagement.kioskPinSet) void showKiosk(target);
    else setPinSetup(target);
  };

  const closeKioskWindow = async () => {
    if (!kioskBridge) return;
    setKioskWindowBusy(true);
    const r = await kioskBridge.closeKioskWindow();
    setKioskWindowBusy(false);
    markKioskWindow(false);
    toast({ text: t(r.closed ? 'checkin.kioskWindowClosed' : 'checkin.kioskWindowNotOpen') });
  };

  const open = (person: Participant, note?: string, represents?: Participant) =>
    setView({ kind: 'person', person, note, represents });
  // The representative's panel: the signature records both; leaving it records nobody, and says so.
  const openRepresentative = (rep: Participant, forPerson: Participant) =>
    open(rep, tidySentence(t('checkin.representSign', { name: forPerson.name, rep: rep.name })), forPerson);
  // Stable, so the memoised side column does not re-render on every keystroke.
  const openFromList = useCallback((person: Participant) => setView({ kind: 'person', person }), []);
  const dayIndex = workshop.days.findIndex((d) => d.id === data.dayId);
  const region = regionTitle(engagement.regionKind, engagement.regionName);

  let main: ReactNode;
  switch (view.kind) {
    case 'person': {
      const person = data.byId.get(view.person.id) ?? view.person;
      main = (
        <PersonPanel
          key={person.id}
          data={data}
          person={person}
          note={view.note}
          onDone={ready}
          onCancel={
            view.represents
              ? () => {
                  backToSearch();
                  setFlash({
                    id: ++flashSeq,
                    text: tidySentence(
                      t('checkin.representNotSigned', { name: view.represents!.name, rep: person.name }),
                    ),
                    tone: 'warn',
                  });
                }
              : backToSearch
          }
          onRepresent={() => setView({ kind: 'rep', forPerson: person })}
          represents={view.represents}
          lateEntry={lateEntry}
        />
      );
      break;
    }
    case 'walkin':
      main = (
        <WalkInForm
          data={data}
          initialName={view.name}
          title={t('checkin.walkInTitle')}
          submitLabel={t('checkin.createAndSign')}
          onCreated={(p) => open(p)}
          onOpen={(p) => {
            clearDraft(walkInDraftKey(data.dayId));
            open(p);
          }}
          onCancel={backToSearch}
          draftKey={walkInDraftKey(data.dayId)}
        />
      );
      break;
    case 'rep':
      main = (
        <RepresentativePicker
          data={data}
          forPerson={view.forPerson}
          onRepresented={(rep) => openRepresentative(rep, view.forPerson)}
          onNew={(name) => setView({ kind: 'rep-walkin', forPerson: view.forPerson, name })}
          onCancel={() => open(view.forPerson)}
        />
      );
      break;
    case 'rep-walkin':
      main = (
        <RepresentWalkIn
          data={data}
          forPerson={view.forPerson}
          name={view.name}
          onRepresented={(rep) => openRepresentative(rep, view.forPerson)}
          onCancel={() => setView({ kind: 'rep', forPerson: view.forPerson })}
        />
      );
      break;
    case 'search':
      main = null;
  }

  return (
    <section className={view.kind === 'search' ? 'page ci-door' : 'page ci-door ci-door--panel'}>
      <nav className="crumbs">
        <a href={routeHash({ name: 'engagements' })}>{t('engagements.title')}</a> ›{' '}
        <a href={routeHash({ name: 'engagement', id: engagement.id })}>{region}</a> ›{' '}
        <a href={routeHash({ name: 'workshop', engagementId: engagement.id, id: workshop.id })}>{workshop.title}</a>
      </nav>
      <header className="ci-header">
        <div className="ci-header__text">
          <p className="eyebrow">{t('checkin.eyebrow', { n: dayIndex + 1 })}</p>
          <h1>{sheet.workshop.title}</h1>
          <p className="ci-when">
            <strong>{formatLongDate(sheet.day.date, lang)}</strong> ·{' '}
            {formatTimeRange(sheet.day.startTime, sheet.day.endTime, sheet.timeZone, lang)}
          </p>
          {sheet.workshop.venue && <p className="ci-venue muted">{sheet.workshop.venue}</p>}
          {workshop.days.length > 1 && (
            <nav className="ci-days" aria-label={t('workshops.days')}>
              {workshop.days.map((d, i) => (
                <a
                  key={d.id}
                  href={routeHash({
                    name: 'checkin',
                    engagementId: engagement.id,
                    workshopId: workshop.id,
                    dayId: d.id,
                  })}
                  aria-current={d.id === data.dayId ? 'page' : undefined}
                >
                  {t('checkin.dayN', { n: i + 1 })}
                </a>
              ))}
            </nav>
          )}
        </div>
        <div className="ci-header__actions">
          {kioskBridge ? (
            <span className="ci-kiosk" role="group" aria-label={t('checkin.kioskMode')}>
              <button type="button" className="btn btn--primary" onClick={() => openKiosk('here')}>
                {t('checkin.kioskMode')}
              </button>
              <button
                type="button"
                className="btn"
                title={t('checkin.kioskOpenWindowHint')}
                disabled={kioskWindowBusy}
                onClick={() => openKiosk('window')}
              >
                ⧉ {t('checkin.kioskOpenWindow')}
              </button>
              {kioskWindowOpen && (
                <button
                  type="button"
                  className="btn btn--ghost"
                  disabled={kioskWindowBusy}
                  onClick={() => void closeKioskWindow()}
                >
                  {t('checkin.kioskCloseWindow')}
                </button>
              )}
            </span>
          ) : (
            <button type="button" className="btn btn--primary" onClick={() => openKiosk('here')}>
              {t('checkin.kioskMode')}
            </button>
          )}
          <details className="ci-downloads" ref={downloadsRef}>
            <summary className="btn">{downloading ? t('checkin.downloading') : `⤓ ${t('checkin.downloads')}`}</summary>
            <div className="ci-downloads__menu" role="group" aria-label={t('checkin.downloads')}>
              {(['list', 'annex', 'blank'] as const).map((kind) => (
                <button
                  key={kind}
                  type="button"
                  className="btn btn--ghost"
                  disabled={downloading !== null}
                  onClick={() => {
                    if (downloadsRef.current) downloadsRef.current.open = false;
                    download(kind);
                  }}
                >
                  {t(
                    kind === 'list'
                      ? 'checkin.downloadList'
                      : kind === 'annex'
                        ? 'checkin.downloadAnnex'
                        : 'checkin.downloadBlank',
                  )}
                </button>
              ))}
            </div>
          </details>
          {exporter.dialog}
          <a
            className="btn btn--ghost"
            href={routeHash({ name: 'workshop', engagementId: engagement.id, id: workshop.id })}
          >
            ‹ {t('checkin.backToWorkshop')}
          </a>
        </div>
      </header>

      {(otherDay || lateEntry) && (
        <div className={otherDay ? 'ci-dayline ci-dayline--warn' : 'ci-dayline'} role="note">
          <p>
            {otherDay
              ? t('checkin.otherDay', { day: formatLongDate(sheet.day.date, lang), today: formatLongDate(today, lang) })
              : t('checkin.lateOn')}
          </p>
          <label className="check">
            <input type="checkbox" checked={lateEntry} onChange={(e) => setLateEntry(e.target.checked)} />
            {t('checkin.lateEntry')}
          </label>
        </div>
      )}
      <div className="ci-layout">
        <div className="ci-main">
          <div className="ci-flash-slot" aria-live="polite">
            {flash && (
              <p key={flash.id} className={flash.tone ? 'ci-flash ci-flash--warn' : 'ci-flash'} role="status">
                <span aria-hidden="true">{flash.tone ? '!' : '✓'}</span> {flash.text}
              </p>
            )}
          </div>
          <div className="ci-searchbar">
            <PersonSearch
              data={data}
              value={query}
              onValueChange={(v) => {
                setQuery(v);
                // Typing again means the next person: leave any open panel.
                if (view.kind !== 'search') setView({ kind: 'search' });
              }}
              onChoose={(p) => open(p)}
              onNew={(name) => setView({ kind: 'walkin', name })}
              label={t('checkin.searchLabel')}
              placeholder={t('checkin.searchPlaceholder')}
              help={t('checkin.searchHelp')}
              inputRef={searchRef}
              autoFocus
              hideResults={view.kind !== 'search'}
            />
            <button
              type="button"
              className="btn ci-newbtn"
              onClick={() => setView({ kind: 'walkin', name: query.trim() })}
            >
              + {t('checkin.newParticipant')}
            </button>
          </div>
          {view.kind === 'search' && !query.trim() && (
            <p className="ci-empty muted">
              {data.people.length === 0 ? t('checkin.noPeople') : t('checkin.startTyping')}
            </p>
          )}
          {main}
        </div>
        <aside className="ci-side">
          <Counts data={data} />
          <Recent data={data} onOpen={openFromList} />
        </aside>
      </div>

      {pinSetup && (
        <PinSetupDialog
          engagementId={engagement.id}
          onCancel={() => setPinSetup(null)}
          onDone={() => {
            setPinSetup(null);
            void showKiosk(pinSetup);
          }}
        />
      )}
    </section>
  );
}

/** "Hadir 23 / 60", a progress bar, and one bar per OPD (present of expected). */
const Counts = memo(function Counts({ data }: { data: DayData }) {
  const t = useT();
  const { counts, entries } = data.sheet;
  const n = (s: string) => entries.filter((e) => e.status === s).length;
  const pct = (a: number, b: number) => (b > 0 ? Math.min(100, Math.round((a / b) * 100)) : 0);
  return (
    <section className="panel ci-counts" aria-label={t('checkin.countsTitle')}>
      <h2 className="ci-counts__title">{t('checkin.countsTitle')}</h2>
      <p className="ci-counts__big" data-testid="present-count">
        <span className="ci-counts__word">{t('checkin.present')}</span> <strong>{counts.present}</strong>
        <span className="ci-counts__of"> / {counts.expected}</span>
      </p>
      <div className="ci-bar ci-bar--total" aria-hidden="true">
        <span style={{ width: `${pct(counts.present, counts.expected)}%` }} />
      </div>
      <p className="ci-counts__other muted">
        {t('checkin.otherCounts', { izin: n('izin'), sakit: n('sakit'), diwakili: n('diwakili') })}
      </p>
      {counts.byAgency.length > 0 && (
        <>
          <h3 className="ci-counts__sub">{t('checkin.byAgency')}</h3>
          {/* Scrolls when there are many OPD: focusable so the keyboard can scroll it too. */}
          <ul className="ci-agencies" tabIndex={0} aria-label={t('checkin.byAgency')}>
            {counts.byAgency.map((a) => {
              const name = a.agency || t('checkin.noAgency');
              return (
                <li key={a.agency} className={a.present >= a.expected && a.expected > 0 ? 'is-full' : ''}>
                  <span className="ci-agencies__name" title={name}>
                    {name}
                  </span>
                  <span
                    className="ci-bar"
                    role="meter"
                    aria-label={name}
                    aria-valuemin={0}
                    aria-valuemax={a.expected}
                    aria-valuenow={a.present}
                    aria-valuetext={t('checkin.agencyMeter', {
                      agency: name,
                      present: a.present,
                      expected: a.expected,
                    })}
                  >
                    <span style={{ width: `${pct(a.present, a.expected)}%` }} />
                  </span>
                  <span className="ci-agencies__num">
                    {a.present}/{a.expected}
                  </span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
});

/** The last people checked in, newest first; a click opens them (to fix a mistake). */
const Recent = memo(function Recent({ data, onOpen }: { data: DayData; onOpen(p: Participant): void }) {
  const t = useT();
  const recent = data.sheet.entries
    .filter((e) => e.status === 'hadir' && e.checkInAt && data.byId.has(e.participantId))
    .sort((a, b) => (a.checkInAt! < b.checkInAt! ? 1 : a.checkInAt! > b.checkInAt! ? -1 : 0))
    .slice(0, 8);
  return (
    <section className="panel ci-recent" aria-label={t('checkin.recent')}>
      <h2>{t('checkin.recent')}</h2>
      {recent.length === 0 ? (
        <p className="muted">{t('checkin.recentEmpty')}</p>
      ) : (
        <ol className="ci-recent__list">
          {recent.map((e) => {
            const p = data.byId.get(e.participantId)!;
            return (
              <li key={e.participantId}>
                <button type="button" className="ci-recent__item" onClick={() => onOpen(p)}>
                  <span className="ci-recent__time">{formatInstantTime(e.checkInAt!, data.sheet.timeZone)}</span>
                  <span className="ci-recent__who">
                    <span className="ci-recent__name">{p.name}</span>
                    {p.agency && <span className="muted">{p.agency}</span>}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
});

/** "Who represents …?": the same search as the door; choosing opens the representative's panel to sign. */
function RepresentativePicker({
  data,
  forPerson,
  onRepresented,
  onNew,
  onCancel,
}: {
  data: DayData;
  forPerson: Participant;
  onRepresented(rep: Participant): void;
  onNew(name: string): void;
  onCancel(): void;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  return (
    <section
      className="panel ci-rep"
      aria-label={t('checkin.repTitle', { name: forPerson.name })}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !query) {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <h2>{t('checkin.repTitle', { name: forPerson.name })}</h2>
      <PersonSearch
        data={data}
        value={query}
        onValueChange={setQuery}
        onChoose={onRepresented}
        onNew={onNew}
        label={t('checkin.repLabel')}
        placeholder={t('checkin.repPlaceholder')}
        excludeId={forPerson.id}
        autoFocus
      />
      <div className="actions">
        <button type="button" className="btn" onClick={() => onNew(query.trim())}>
          + {t('checkin.newParticipant')}
        </button>
        <button type="button" className="btn btn--ghost" onClick={onCancel}>
          {t('checkin.back')}
        </button>
      </div>
    </section>
  );
}

function RepresentWalkIn({
  data,
  forPerson,
  name,
  onRepresented,
  onCancel,
}: {
  data: DayData;
  forPerson: Participant;
  name: string;
  onRepresented(rep: Participant): void;
  onCancel(): void;
}) {
  const t = useT();
  return (
    <WalkInForm
      data={data}
      initialName={name}
      title={t('checkin.walkInRepTitle', { name: forPerson.name })}
      submitLabel={t('checkin.createAndRepresent')}
      onCreated={onRepresented}
      onOpen={onRepresented}
      onCancel={onCancel}
    />
  );
}
