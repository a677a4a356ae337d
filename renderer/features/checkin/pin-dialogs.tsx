import { useEffect, useRef, useState, type FormEvent } from 'react';
import { KioskPin } from '../../../shared/attendance';
import type { AppErrorShape } from '../../../shared/errors';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/fields';
import { useT } from '../../i18n';
import { call } from '../../lib/api';
import { ErrorNote } from './common';
import './pin-dialogs.css';

/**
 * Before the first self check-in, the facilitator chooses the PIN that closes it (4–8 digits,
 * typed twice: a typo here would lock the tablet).
 */
export function PinSetupDialog({
  engagementId,
  onDone,
  onCancel,
}: {
  engagementId: string;
  onDone(): void;
  onCancel(): void;
}) {
  const t = useT();
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ pin?: string; repeat?: string }>({});
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = KioskPin.safeParse(pin);
    if (!parsed.success) return setErrors({ pin: parsed.error.issues[0]?.message ?? 'invalidPin' });
    if (pin !== repeat) return setErrors({ repeat: 'pinMismatch' });
    setErrors({});
    setBusy(true);
    const r = await call('engagements.update', { id: engagementId, patch: { kioskPin: pin } });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    onDone();
  };

  return (
    <Dialog
      className="ci-pin-setup"
      title={t('checkin.pinSetupTitle')}
      onClose={onCancel}
      closeOnBackdrop
      onSubmit={(e) => void submit(e)}
    >
      <p className="muted">{t('checkin.pinSetupText')}</p>
      <Field label={t('checkin.pin')} error={errors.pin}>
        {(id, d) => (
          <input
            id={id}
            name="pin"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            autoFocus
            aria-invalid={!!errors.pin}
            aria-describedby={d}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          />
        )}
      </Field>
      <div className="field">
        <label htmlFor="ci-pin-repeat">{t('checkin.pinRepeat')}</label>
        <input
          id="ci-pin-repeat"
          name="pinRepeat"
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          aria-invalid={!!errors.repeat}
          value={repeat}
          onChange={(e) => setRepeat(e.target.value.replace(/\D/g, ''))}
        />
        {errors.repeat && (
          <div className="field__error" role="alert">
            {t('checkin.pinMismatch')}
          </div>
        )}
      </div>
      <ErrorNote error={error} />
      <div className="actions">
        <button type="button" className="btn" onClick={onCancel}>
          {t('checkin.cancel')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {t('checkin.pinSave')}
        </button>
      </div>
    </Dialog>
  );
}

const LOCK_AFTER = 5;
const LOCK_SECONDS = 30;

/**
 * The PIN pad that leaves self check-in: big keys for a finger, the keyboard works too. After
 * five wrong PINs it waits half a minute (the store does not throttle verifyPin itself).
 */
export function PinPadDialog({
  engagementId,
  onUnlock,
  onClose,
}: {
  engagementId: string;
  onUnlock(): void;
  onClose(): void;
}) {
  const t = useT();
  const [pin, setPin] = useState('');
  const [wrong, setWrong] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failures, setFailures] = useState(0);
  const [lockedUntil, setLockedUntil] = useState(0);
  const [now, setNow] = useState(() => Date.now());
  const inputRef = useRef<HTMLInputElement>(null);
  const locked = lockedUntil > now;

  useEffect(() => {
    if (!locked) return;
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, [locked]);

  const press = (d: string) => {
    setWrong(false);
    setPin((p) => (p.length < 8 ? p + d : p));
    inputRef.current?.focus();
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy || locked || pin.length === 0) return;
    setBusy(true);
    const r = await call('engagements.verifyPin', { id: engagementId, pin });
    setBusy(false);
    if (r.ok && r.value.ok) return onUnlock();
    const n = failures + 1;
    setFailures(n);
    setWrong(true);
    setPin('');
    if (n % LOCK_AFTER === 0) {
      setLockedUntil(Date.now() + LOCK_SECONDS * 1000);
      setNow(Date.now());
    }
    inputRef.current?.focus();
  };

  const seconds = Math.max(0, Math.ceil((lockedUntil - now) / 1000));
  return (
    // Escape closes only this small pad; the kiosk itself stays.
    <Dialog className="kiosk-pin" title={t('checkin.kioskPinTitle')} onClose={onClose} onSubmit={(e) => void submit(e)}>
      <p className="muted">{t('checkin.kioskPinText')}</p>
      <input
        ref={inputRef}
        className="kiosk-pin__input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={8}
        autoFocus
        aria-label={t('checkin.pin')}
        value={pin}
        disabled={locked}
        onChange={(e) => {
          setWrong(false);
          setPin(e.target.value.replace(/\D/g, '').slice(0, 8));
        }}
      />
      <p className="kiosk-pin__msg" role="alert">
        {locked ? t('checkin.kioskPinLocked', { seconds }) : wrong ? t('checkin.kioskPinWrong') : '\u00a0'}
      </p>
      <div className="kiosk-pin__keys">
        {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((d) => (
          <button key={d} type="button" className="btn" disabled={locked} onClick={() => press(d)}>
            {d}
          </button>
        ))}
        <button
          type="button"
          className="btn"
          aria-label={t('checkin.kioskErase')}
          disabled={locked}
          onClick={() => setPin((p) => p.slice(0, -1))}
        >
          ⌫
        </button>
        <button type="button" className="btn" disabled={locked} onClick={() => press('0')}>
          0
        </button>
        <button type="submit" className="btn btn--primary" disabled={locked || busy || pin.length === 0}>
          {t('checkin.kioskUnlock')}
        </button>
      </div>
      <div className="actions">
        <button type="button" className="btn btn--ghost" onClick={onClose}>
          {t('checkin.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
