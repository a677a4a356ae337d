import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Participant } from '../../../shared/attendance';
import type { AppErrorShape } from '../../../shared/errors';
import { formatInstantTime, formatLongDate, formatTimeRange } from '../../../shared/format';
import { queryTokens } from '../../../shared/names';
import { routeHash, useApp } from '../../app/store';
import { useErrorText, useLanguage, useT } from '../../i18n';
import { call } from '../../lib/api';
import { addressOf, ErrorNote, tidySentence } from './common';
import { PinPadDialog } from './pin-dialogs';
import { searchPeople } from './search';
import { SignaturePad, type SignaturePadHandle } from './signature-pad';
import { useDayData, type DayData, type DayIds } from './use-day-data';
import './self-checkin.css';

type Step =
  | { kind: 'search' }
  | { kind: 'confirm'; person: Participant }
  | { kind: 'sign'; person: Participant }
  | { kind: 'already'; person: Participant; time: string }
  | { kind: 'done'; person: Participant; time: string };

/** How long the thank-you stays before the next person, and how long an abandoned step waits. */
const THANKS_MS = 3000;
const ALREADY_MS = 6000;
const IDLE_MS = 60_000;

/**
 * The hash of the kiosk that holds this window, or null. Kept outside React on purpose: the app's
 * own hashchange listener re-renders (and would unmount the kiosk with its listeners) before a
 * listener added by the kiosk could run, so the guard below is registered when this module loads,
 * ahead of the app's, and puts the kiosk's address back before the app reads the new one.
 */
let kioskHash: string | null = null;

function lockKiosk(hash: string | null): void {
  kioskHash = hash;
}

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => {
    if (kioskHash && location.hash !== kioskHash) history.replaceState(history.state, '', kioskHash);
  });
}

/**
 * Self check-in (kiosk) for a tablet at the door: the whole window, large and simple. Search →
 * "is this you?" → sign → thank you → back to the search. Nothing else can be reached: no top bar,
 * Escape does nothing, the back button returns here; only the facilitator's PIN leaves.
 */
export function SelfCheckinPage({ engagementId, workshopId, dayId }: DayIds) {
  const t = useT();
  const errorText = useErrorText();
  // Only the ids: the route object the app spreads into the props carries a `name` as well.
  const ids = { engagementId, workshopId, dayId };
  const state = useDayData(ids);
  const [pinOpen, setPinOpen] = useState(false);
  const navigate = useApp((s) => s.navigate);

  const selfHash = routeHash({ name: 'self-checkin', ...ids });
  useEffect(() => lockKiosk(selfHash), [selfHash]);

  let body: ReactNode;
  if (state.status === 'ready') body = <Kiosk data={state.data} />;
  else if (state.status === 'error')
    body = <p className="banner banner--error kiosk__problem">{errorText(state.error)}</p>;
  else body = <p className="kiosk__loading">{t('app.loading')}</p>;

  return (
    <div className="kiosk">
      {body}
      <button type="button" className="kiosk__exit" onClick={() => setPinOpen(true)}>
        {t('checkin.kioskExit')}
      </button>
      {pinOpen && (
        <PinPadDialog
          engagementId={ids.engagementId}
          onClose={() => setPinOpen(false)}
          onUnlock={() => {
            lockKiosk(null);
            navigate({ name: 'checkin', ...ids });
          }}
        />
      )}
    </div>
  );
}

function Kiosk({ data }: { data: DayData }) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  const [query, setQuery] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'search' });
  const zone = data.sheet.timeZone;
  const restart = () => {
    setStep({ kind: 'search' });
    setQuery('');
  };

  // The thank-you and "already here" go back by themselves; an abandoned step too (privacy).
  useEffect(() => {
    if (step.kind === 'search' && !query) return;
    const ms = step.kind === 'done' ? THANKS_MS : step.kind === 'already' ? ALREADY_MS : IDLE_MS;
    let timer = setTimeout(restart, ms);
    const bump = () => {
      if (step.kind === 'done' || step.kind === 'already') return;
      clearTimeout(timer);
      timer = setTimeout(restart, ms);
    };
    window.addEventListener('pointerdown', bump);
    window.addEventListener('keydown', bump);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', bump);
      window.removeEventListener('keydown', bump);
    };
  }, [step, query]);

  const yes = (person: Participant) => {
    const entry = data.entries.get(person.id);
    if (entry?.status === 'hadir' && entry.checkInAt)
      setStep({ kind: 'already', person, time: formatInstantTime(entry.checkInAt, zone) });
    else setStep({ kind: 'sign', person });
  };

  let content: ReactNode;
  switch (step.kind) {
    case 'search':
      content = (
        <KioskSearch
          data={data}
          query={query}
          setQuery={setQuery}
          onChoose={(person) => setStep({ kind: 'confirm', person })}
        />
      );
      break;
    case 'confirm': {
      const p = step.person;
      content = (
        <div className="kiosk__step kiosk__confirm">
          <h1>
            {p.agency
              ? t('checkin.kioskConfirm', { address: addressOf(t, p), name: p.name, agency: p.agency })
              : t('checkin.kioskConfirmNoAgency', { address: addressOf(t, p), name: p.name })}
          </h1>
          <div className="kiosk__buttons">
            <button type="button" className="btn btn--primary kiosk__big" autoFocus onClick={() => yes(p)}>
              {t('checkin.kioskYes')}
            </button>
            <button type="button" className="btn kiosk__big" onClick={() => setStep({ kind: 'search' })}>
              {t('checkin.kioskNo')}
            </button>
          </div>
        </div>
      );
      break;
    }
    case 'sign':
      content = (
        <KioskSign
          data={data}
          person={step.person}
          onBack={() => setStep({ kind: 'confirm', person: step.person })}
          onSigned={(time) => setStep({ kind: 'done', person: step.person, time })}
        />
      );
      break;
    case 'already':
      content = (
        <div className="kiosk__step kiosk__message">
          <p className="kiosk__icon" aria-hidden="true">
            ✓
          </p>
          <h1>{t('checkin.kioskAlready', { time: step.time })}</h1>
          <p className="kiosk__sub">{`${addressOf(t, step.person)} ${step.person.name}`}</p>
          <button type="button" className="btn btn--primary kiosk__big" autoFocus onClick={restart}>
            {t('checkin.kioskDone')}
          </button>
        </div>
      );
      break;
    case 'done':
      content = (
        <div className="kiosk__step kiosk__message kiosk__message--done" role="status">
          <p className="kiosk__icon" aria-hidden="true">
            ✓
          </p>
          <h1>
            {tidySentence(t('checkin.kioskThanks', { address: addressOf(t, step.person), name: step.person.name }))}
          </h1>
          <p className="kiosk__sub">{t('checkin.kioskRecorded', { time: step.time })}</p>
        </div>
      );
      break;
  }

  return (
    <>
      {step.kind !== 'sign' && (
        <header className="kiosk__head">
          <p className="kiosk__title">{data.sheet.workshop.title}</p>
          <p className="kiosk__when">
            {formatLongDate(data.sheet.day.date, lang)} ·{' '}
            {formatTimeRange(data.sheet.day.startTime, data.sheet.day.endTime, zone, lang)}
            {data.sheet.workshop.venue ? ` · ${data.sheet.workshop.venue}` : ''}
          </p>
        </header>
      )}
      <main className={`kiosk__main kiosk__main--${step.kind}`}>{content}</main>
    </>
  );
}

function KioskSearch({
  data,
  query,
  setQuery,
  onChoose,
}: {
  data: DayData;
  query: string;
  setQuery(v: string): void;
  onChoose(p: Participant): void;
}) {
  const t = useT();
  const inputId = useId();
  const letters = queryTokens(query).join('').length;
  const results = useMemo(
    () => (letters >= 2 ? searchPeople(data.index, query, { limit: 6 }) : []),
    [data.index, query, letters],
  );
  return (
    <div className="kiosk__step kiosk__search">
      <p className="kiosk__welcome">{t('checkin.kioskWelcome')}</p>
      <h1 id={inputId}>{t('checkin.kioskSearchTitle')}</h1>
      <input
        className="kiosk__input"
        type="search"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        autoFocus
        aria-labelledby={inputId}
        placeholder={t('checkin.kioskSearchPlaceholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && results.length > 0) {
            e.preventDefault();
            onChoose(results[0]);
          }
        }}
      />
      {query.trim() && letters < 2 && <p className="kiosk__hint">{t('checkin.kioskTypeMore')}</p>}
      {letters >= 2 && results.length === 0 && (
        <p className="kiosk__hint kiosk__hint--warn" role="status">
          {t('checkin.kioskNotFound')}
        </p>
      )}
      <ul className="kiosk__results" aria-label={t('checkin.results')}>
        {results.map((p) => (
          <li key={p.id}>
            <button type="button" className="kiosk__result" onClick={() => onChoose(p)}>
              <span className="kiosk__result-name">{p.name}</span>
              {p.agency && <span className="kiosk__result-agency">{p.agency}</span>}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

function KioskSign({
  data,
  person,
  onBack,
  onSigned,
}: {
  data: DayData;
  person: Participant;
  onBack(): void;
  onSigned(time: string): void;
}) {
  const t = useT();
  const msgId = useId();
  const pad = useRef<SignaturePadHandle>(null);
  const [empty, setEmpty] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  const send = async () => {
    const png = pad.current?.toPng() ?? null;
    if (!png || busy) return;
    setBusy(true);
    setError(null);
    const r = await call('attendance.checkIn', { dayId: data.dayId, participantId: person.id, signature: png });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    data.reload();
    onSigned(r.value.checkInAt ? formatInstantTime(r.value.checkInAt, data.sheet.timeZone) : '');
  };

  return (
    <div className="kiosk__step kiosk__sign">
      <div className="kiosk__sign-head">
        <h1>{t('checkin.kioskSignTitle')}</h1>
        <p className="kiosk__sub">{t('checkin.kioskSignFor', { address: addressOf(t, person), name: person.name })}</p>
      </div>
      <SignaturePad
        ref={pad}
        label={t('checkin.padLabel')}
        onEmptyChange={setEmpty}
        fill
        describedBy={empty ? msgId : undefined}
      />
      <ErrorNote error={error} />
      <div className="kiosk__sign-actions">
        <button type="button" className="btn kiosk__big" onClick={onBack}>
          {t('checkin.kioskBack')}
        </button>
        {empty && (
          <p id={msgId} className="kiosk__hint" role="status">
            {t('checkin.kioskPadEmpty')}
          </p>
        )}
        <button
          type="button"
          className="btn btn--primary kiosk__big"
          disabled={empty || busy}
          aria-describedby={empty ? msgId : undefined}
          onClick={() => void send()}
        >
          {busy ? t('checkin.busy') : t('checkin.kioskSend')}
        </button>
      </div>
    </div>
  );
}
