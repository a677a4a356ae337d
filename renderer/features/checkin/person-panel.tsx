import { useEffect, useId, useRef, useState } from 'react';
import type { AttendanceStatus, Participant } from '../../../shared/attendance';
import type { AppErrorShape, Result } from '../../../shared/errors';
import { formatInstantTime, parseTypedTime } from '../../../shared/format';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { useT } from '../../i18n';
import { call } from '../../lib/api';
import { ErrorNote, StatusBadge, statusWord } from './common';
import { SignaturePad, type SignaturePadHandle } from './signature-pad';
import type { DayData } from './use-day-data';
import './person-panel.css';

interface Props {
  data: DayData;
  person: Participant;
  /** A line above the pad, e.g. "… represents …, please sign". */
  note?: string;
  /** The action went through: show this, clear the search, focus it. */
  onDone(message: string): void;
  onCancel(): void;
  /** Pick who represents this person. */
  onRepresent(): void;
  /**
   * This person signs as the representative of `represents`: the signature records both (the
   * representative present, the other diwakili); without it nobody is marked.
   */
  represents?: Participant;
  /**
   * Input susulan: attendance entered afterwards from the paper sheet. The arrival time is typed
   * (not taken from the clock) and the signature is optional (it is on the paper).
   */
  lateEntry?: boolean;
}

const ABSENT: {
  status: AttendanceStatus;
  key: 'checkin.izin' | 'checkin.sakit' | 'checkin.diwakili' | 'checkin.tidakHadir';
}[] = [
  { status: 'izin', key: 'checkin.izin' },
  { status: 'sakit', key: 'checkin.sakit' },
  { status: 'diwakili', key: 'checkin.diwakili' },
  { status: 'tidak-hadir', key: 'checkin.tidakHadir' },
];

/** Where Enter belongs to the panel rather than to a control (a button's Enter presses it). */
function keysBelongToPanel(target: EventTarget | null): boolean {
  return !(target instanceof HTMLElement) || target === document.body || target.tagName === 'CANVAS';
}

/**
 * The confirm panel of one person at the door: who they are, their status today, the signature
 * pad, "Hadir", and the other statuses (izin, sakit, diwakili, tidak hadir), check-out. A person
 * who already signed sees their signature (only here, never on the projector).
 */
export function PersonPanel({ data, person, note, onDone, onCancel, onRepresent, represents, lateEntry }: Props) {
  const t = useT();
  const timeId = useId();
  const [typedTime, setTypedTime] = useState('');
  const [timeError, setTimeError] = useState(false);
  const timeRef = useRef<HTMLInputElement>(null);
  const late = !!lateEntry && !represents;
  const padMsgId = useId();
  const pad = useRef<SignaturePadHandle>(null);
  const [empty, setEmpty] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [resign, setResign] = useState(false);
  const [confirming, setConfirming] = useState<AttendanceStatus | null>(null);
  const [signature, setSignature] = useState<string | null>(null);
  const zone = data.sheet.timeZone;
  const entry = data.entries.get(person.id);
  const present = entry?.status === 'hadir';
  const signed = present && !!entry?.hasSignature;
  // A drawing in progress stays even if another window checks the person in meanwhile; a
  // representative always signs (their signature is what records the representation).
  const showPad = !signed || resign || !empty || !!represents;
  const checkedOut = present && !!entry?.checkOutAt;

  // The stored signature, fetched again when the entry changes (another window re-signed).
  useEffect(() => {
    if (!signed) {
      setSignature(null);
      return;
    }
    let live = true;
    void call('attendance.signature', { dayId: data.dayId, participantId: person.id }).then((r) => {
      if (live && r.ok) setSignature(r.value.dataUrl);
    });
    return () => {
      live = false;
    };
  }, [signed, data.dayId, person.id, entry?.updatedAt]);

  // A ref as well as state: two Enter presses in one frame must not check in twice.
  const busyRef = useRef(false);
  const run = async <V,>(op: () => Promise<Result<V>>, message: (v: V) => string) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    setError(null);
    const r = await op();
    busyRef.current = false;
    setBusy(false);
    if (!r.ok) return setError(r.error);
    data.reload();
    onDone(message(r.value));
  };

  const ids = { dayId: data.dayId, participantId: person.id };
  const timeOf = (iso: string | null) => (iso ? formatInstantTime(iso, zone) : '');

  /** The main action: check in with the signature, or store the (new) signature of someone present. */
  const primary = () => {
    if (late) {
      const at = parseTypedTime(typedTime);
      if (!at) {
        setTimeError(true);
        timeRef.current?.focus();
        return;
      }
      const png = empty ? null : (pad.current?.toPng() ?? null);
      void run(
        () => call('attendance.checkIn', { ...ids, signature: png, at }),
        (e) => t('checkin.doneHadir', { name: person.name, time: timeOf(e.checkInAt) }),
      );
      return;
    }
    if (!showPad) return;
    const png = pad.current?.toPng() ?? null;
    if (!png) {
      pad.current?.focus();
      return;
    }
    if (represents) {
      void run(
        () => call('attendance.checkIn', { ...ids, signature: png, represents: represents.id }),
        (e) =>
          t('checkin.doneRepresentedSigned', { name: represents.name, rep: person.name, time: timeOf(e.checkInAt) }),
      );
    } else if (present) {
      void run(
        () => call('attendance.setSignature', { ...ids, signature: png }),
        () => t('checkin.doneSigned', { name: person.name }),
      );
    } else {
      void run(
        () => call('attendance.checkIn', { ...ids, signature: png }),
        (e) => t('checkin.doneHadir', { name: person.name, time: timeOf(e.checkInAt) }),
      );
    }
  };

  const setStatus = (status: AttendanceStatus) => {
    if (status === 'diwakili') return onRepresent();
    void run(
      () => call('attendance.setStatus', { ...ids, status }),
      () => t('checkin.doneStatus', { name: person.name, status: statusWord(t, status) }),
    );
  };

  const ask = (status: AttendanceStatus) => {
    // Leaving "hadir" drops the check-in time and the signature: ask first.
    if (present) setConfirming(status);
    else setStatus(status);
  };

  // Enter saves when the focus is on the pad or nowhere in particular; Escape goes back.
  const primaryRef = useRef(primary);
  primaryRef.current = primary;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (confirming) return;
      if (e.key === 'Enter' && keysBelongToPanel(e.target)) {
        e.preventDefault();
        primaryRef.current();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        onCancel();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [confirming, onCancel]);

  const firstAction = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!showPad) firstAction.current?.focus();
  }, [showPad]);

  const meta = [person.position, person.agency].filter(Boolean).join(' · ');
  const primaryLabel = late
    ? `✓ ${t('checkin.confirmLate')}`
    : represents
      ? `✓ ${t('checkin.confirmRepresent')}`
      : present
        ? t('checkin.saveSignature')
        : `✓ ${t('checkin.confirmHadir')}`;

  return (
    <section className="panel ci-confirm" aria-label={t('checkin.panelLabel', { name: person.name })}>
      <header className="ci-confirm__head">
        <div>
          <h2 className="ci-confirm__name">{person.name}</h2>
          {meta && <p className="ci-confirm__meta">{meta}</p>}
        </div>
        <StatusBadge t={t} entry={entry} zone={zone} byId={data.byId} />
      </header>
      {note && (
        <p className="ci-note" role="status">
          {note}
        </p>
      )}

      {late && (
        <div className="ci-late">
          <label htmlFor={timeId}>{t('checkin.lateTime')}</label>
          <input
            id={timeId}
            ref={timeRef}
            className="ci-late__time"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            placeholder="08.45"
            value={typedTime}
            aria-invalid={timeError || undefined}
            aria-describedby={`${timeId}-hint`}
            autoFocus
            onChange={(e) => {
              setTypedTime(e.target.value);
              setTimeError(false);
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                primary();
              }
            }}
          />
          <span
            id={`${timeId}-hint`}
            className={timeError ? 'field__error' : 'muted'}
            role={timeError ? 'alert' : undefined}
          >
            {timeError ? t('checkin.lateTimeInvalid') : t('checkin.lateTimeHint', { zone })}
          </span>
        </div>
      )}
      {showPad || late ? (
        <>
          <SignaturePad
            ref={pad}
            label={t('checkin.padLabel')}
            onEmptyChange={setEmpty}
            describedBy={empty ? padMsgId : undefined}
            autoFocus={!late}
          />
          <div className="ci-confirm__primary">
            <button
              type="button"
              className="btn btn--primary btn--big"
              disabled={late ? busy : empty || busy}
              aria-describedby={empty && !late ? padMsgId : undefined}
              onClick={primary}
            >
              {busy ? t('checkin.busy') : primaryLabel}
            </button>
            {resign && (
              <button type="button" className="btn" onClick={() => setResign(false)}>
                {t('checkin.cancel')}
              </button>
            )}
            {late ? (
              <p className="ci-padmsg ci-padmsg--ok muted">{t('checkin.latePadOptional')}</p>
            ) : empty ? (
              <p id={padMsgId} className="ci-padmsg" role="status">
                {t('checkin.padEmpty')}
              </p>
            ) : (
              <p className="ci-padmsg ci-padmsg--ok muted">{t('checkin.confirmHint')}</p>
            )}
          </div>
        </>
      ) : (
        <figure className="ci-sigthumb">
          {signature ? <img src={signature} alt={t('checkin.signatureOnFile')} /> : <span className="muted">…</span>}
          <figcaption>{t('checkin.signatureOnFile')}</figcaption>
        </figure>
      )}

      <ErrorNote error={error} />

      <div className="ci-confirm__more">
        {present && (
          <div className="ci-confirm__row">
            {signed && !resign && (
              <button ref={firstAction} type="button" className="btn" onClick={() => setResign(true)}>
                {t('checkin.resign')}
              </button>
            )}
            {checkedOut ? (
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={() =>
                  void run(
                    () => call('attendance.checkIn', { ...ids, signature: null }),
                    (e) => t('checkin.doneHadir', { name: person.name, time: timeOf(e.checkInAt) }),
                  )
                }
              >
                {t('checkin.checkInAgain')}
              </button>
            ) : (
              <button
                type="button"
                className="btn"
                disabled={busy}
                onClick={() =>
                  void run(
                    () => call('attendance.checkOut', ids),
                    (e) => t('checkin.doneCheckOut', { name: person.name, time: timeOf(e.checkOutAt) }),
                  )
                }
              >
                {t('checkin.checkOut')} →
              </button>
            )}
          </div>
        )}
        <div className="ci-confirm__row" role="group" aria-label={t('checkin.otherStatus')}>
          <span className="muted">{t('checkin.otherStatus')}</span>
          {ABSENT.map((a) => (
            <button
              key={a.status}
              type="button"
              className="btn btn--small"
              aria-pressed={entry?.status === a.status}
              disabled={busy}
              onClick={() => ask(a.status)}
            >
              {t(a.key)}
            </button>
          ))}
          <span className="ci-spacer" />
          <button type="button" className="btn btn--ghost" onClick={onCancel}>
            {t('checkin.back')} <kbd>Esc</kbd>
          </button>
        </div>
      </div>

      {confirming && (
        <ConfirmDialog
          text={t('checkin.confirmAbsent', { name: person.name, status: statusWord(t, confirming) })}
          confirmLabel={t('checkin.change')}
          onConfirm={() => {
            const s = confirming;
            setConfirming(null);
            setStatus(s);
          }}
          onCancel={() => setConfirming(null)}
        />
      )}
    </section>
  );
}
