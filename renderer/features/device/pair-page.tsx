import { useId, useState, type FormEvent } from 'react';
import { PAIR_CODE_LENGTH } from '../../../shared/groups';
import type { AppErrorShape } from '../../../shared/errors';
import { GROUP_LIMITS } from '../../../shared/groups';
import { useErrorText, useT, useValidationText } from '../../i18n';
import { call } from '../../lib/api';
import { readPairing, writePairing } from '../../lib/device';
import { readDraft, writeDraft } from '../../lib/drafts';
import { DeviceFrame } from './device-frame';
import { otherGroupsUnsent, unsentCount } from './device-sync';
import '../../components/fields.css';
import './device.css';

/** The code as the core reads it: upper case, without spaces or dashes ("k7m-2pq" → "K7M2PQ"). */
export const normalizeCode = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '');

const LABEL_DRAFT = 'device-label';

/**
 * `#/pair`: a group's phone or laptop on the room network enters the code the projector shows and
 * gets a token for that group; then it opens the group's worksheet (`#/group`).
 */
export function PairPage() {
  const t = useT();
  const errorText = useErrorText();
  const validationText = useValidationText();
  const id = useId();
  const [code, setCode] = useState('');
  const [label, setLabel] = useState(() => readDraft<string>(LABEL_DRAFT) ?? '');
  const [busy, setBusy] = useState(false);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const kept = otherGroupsUnsent('');
  const keptCount = kept.reduce((n, k) => n + unsentCount(k.draft), 0);
  const paired = readPairing();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (normalizeCode(code).length !== PAIR_CODE_LENGTH) {
      setCodeError(validationText('pairCodeShape'));
      return;
    }
    setCodeError(null);
    setBusy(true);
    const r = await call('devices.pair', { code, label: label.trim() });
    setBusy(false);
    if (!r.ok) {
      const shape = r.error.details?.issues?.find((i) => i.path[0] === 'code');
      if (r.error.code === 'VALIDATION' && shape) setCodeError(validationText(shape.code));
      else setError(r.error);
      return;
    }
    writeDraft(LABEL_DRAFT, label.trim() || null);
    writePairing(r.value);
    location.hash = '#/group';
  };

  return (
    <DeviceFrame>
      <form className="pair" onSubmit={(e) => void submit(e)} noValidate>
        <h1 className="pair__title">{t('device.pairTitle')}</h1>
        <p className="pair__lead">{t('device.pairLead')}</p>
        <div className={`field pair__code${codeError ? ' field--invalid' : ''}`}>
          <label htmlFor={`${id}-code`}>{t('device.code')}</label>
          <input
            id={`${id}-code`}
            name="code"
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              setCodeError(null);
              setError(null);
            }}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={PAIR_CODE_LENGTH + 6}
            aria-invalid={!!codeError}
            aria-describedby={codeError ? `${id}-code-error` : `${id}-code-hint`}
            autoFocus
          />
          {codeError ? (
            <div className="field__error" id={`${id}-code-error`} role="alert">
              {codeError}
            </div>
          ) : (
            <div className="field__hint" id={`${id}-code-hint`}>
              {t('device.codeHint')}
            </div>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-label`}>{t('device.label')}</label>
          <input
            id={`${id}-label`}
            name="label"
            value={label}
            maxLength={GROUP_LIMITS.deviceLabel}
            onChange={(e) => setLabel(e.target.value)}
            autoComplete="off"
            aria-describedby={`${id}-label-hint`}
          />
          <div className="field__hint" id={`${id}-label-hint`}>
            {t('device.labelHint')}
          </div>
        </div>
        {error && (
          <p className="banner banner--error" role="alert">
            {errorText(error)}
          </p>
        )}
        <button type="submit" className="btn btn--primary pair__go" disabled={busy}>
          {busy ? t('device.connecting') : t('device.connect')}
        </button>
        {keptCount > 0 && (
          <p className="pair__kept" role="status">
            {t('device.keptBeforePairing', {
              count: keptCount,
              groups: kept.map((k) => k.draft.groupName).join(', '),
            })}
          </p>
        )}
        {paired && (
          <p className="pair__back">
            <a href="#/group">{t('device.backToGroup')}</a>
          </p>
        )}
      </form>
    </DeviceFrame>
  );
}
