import { useRef, useState } from 'react';
import {
  LIST_SCOPES,
  MINUTES_TITLES,
  PAPERS,
  type DocumentSettings,
  type Letterhead,
  type ListScope,
  type Paper,
} from '../../../shared/attendance';
import type { Engagement } from '../../../shared/domain';
import { Field, Select, TextInput } from '../../components/fields';
import { useT, useValidationText } from '../../i18n';
import { call } from '../../lib/api';
import { readFileBase64 } from '../../lib/files';
import { useQuery } from '../../lib/use-query';
import './letterhead-settings.css';

interface Props {
  engagement: Engagement;
  letterhead: Letterhead;
  documents: DocumentSettings;
  errors: Record<string, string>;
  setLetterhead(l: Letterhead): void;
  setDocuments(d: DocumentSettings): void;
  onBlur(): void;
}

const MAX_EMBLEM_BYTES = 2 * 1024 * 1024;

/** The four page margins, in the order regional rules list them. */
const MARGIN_SIDES = [
  ['top', 'minutes.marginTop'],
  ['bottom', 'minutes.marginBottom'],
  ['left', 'minutes.marginLeft'],
  ['right', 'minutes.marginRight'],
] as const satisfies readonly (readonly [keyof DocumentSettings['margins'], string])[];

/** Kop surat (letterhead) and paper settings shared by the daftar hadir and the minutes. */
export function LetterheadSettings({
  engagement,
  letterhead,
  documents,
  errors,
  setLetterhead,
  setDocuments,
  onBlur,
}: Props) {
  const t = useT();
  const lines = [0, 1, 2].map((i) => letterhead.lines[i] ?? '');
  const setLine = (i: number, v: string) => {
    const next = [...lines];
    next[i] = v;
    // Trailing empty lines are not kept; an empty line between two filled ones is.
    while (next.length > 0 && next[next.length - 1].trim() === '') next.pop();
    setLetterhead({ ...letterhead, lines: next });
  };
  return (
    <div className="settings-block">
      <h3>{t('letterhead.title')}</h3>
      <p className="muted">{t('letterhead.hint')}</p>
      <div className="form-grid">
        <div className="form-grid__wide letterhead-row">
          <EmblemPicker engagement={engagement} />
          <div className="letterhead-lines">
            {lines.map((line, i) => (
              <TextInput
                key={i}
                name={`letterhead.lines.${i}`}
                label={t('letterhead.line', { n: i + 1 })}
                hint={i === 0 ? t('letterhead.lineHint') : undefined}
                value={line}
                error={errors[`letterhead.lines.${i}`]}
                onChange={(v) => setLine(i, v)}
                onBlur={onBlur}
              />
            ))}
          </div>
        </div>
        <div className="form-grid__wide">
          <TextInput
            name="letterhead.address"
            label={t('letterhead.address')}
            value={letterhead.address}
            error={errors['letterhead.address']}
            onChange={(v) => setLetterhead({ ...letterhead, address: v })}
            onBlur={onBlur}
          />
        </div>
        <div className="form-grid__wide">
          <TextInput
            name="letterhead.contacts"
            label={t('letterhead.contacts')}
            hint={t('letterhead.contactsHint')}
            value={letterhead.contacts}
            error={errors['letterhead.contacts']}
            onChange={(v) => setLetterhead({ ...letterhead, contacts: v })}
            onBlur={onBlur}
          />
        </div>
      </div>
      <h3>{t('letterhead.documents')}</h3>
      <div className="form-grid form-grid--4">
        <Select<Paper>
          name="documents.paper"
          label={t('letterhead.paper')}
          value={documents.paper}
          options={PAPERS.map((p) => ({
            value: p,
            label: p === 'F4' ? 'F4 / Folio (215 × 330 mm)' : 'A4 (210 × 297 mm)',
          }))}
          onChange={(v) => setDocuments({ ...documents, paper: v })}
        />
        <TextInput
          name="documents.fontFamily"
          label={t('letterhead.font')}
          value={documents.fontFamily}
          error={errors['documents.fontFamily']}
          onChange={(v) => setDocuments({ ...documents, fontFamily: v })}
          onBlur={onBlur}
        />
        <TextInput
          name="documents.fontSizePt"
          type="number"
          label={t('letterhead.fontSize')}
          value={Number.isFinite(documents.fontSizePt) ? String(documents.fontSizePt) : ''}
          error={errors['documents.fontSizePt']}
          onChange={(v) => setDocuments({ ...documents, fontSizePt: v === '' ? Number.NaN : Number(v) })}
          onBlur={onBlur}
        />
        <TextInput
          name="documents.blankRows"
          type="number"
          label={t('letterhead.blankRows')}
          value={Number.isFinite(documents.blankRows) ? String(documents.blankRows) : ''}
          error={errors['documents.blankRows']}
          onChange={(v) => setDocuments({ ...documents, blankRows: v === '' ? Number.NaN : Number(v) })}
          onBlur={onBlur}
        />
      </div>
      <h3>{t('minutes.settingsTitle')}</h3>
      <div className="form-grid form-grid--4">
        <Select<DocumentSettings['minutesTitle']>
          name="documents.minutesTitle"
          label={t('minutes.settingsTitleLabel')}
          value={documents.minutesTitle}
          options={MINUTES_TITLES.map((m) => ({ value: m, label: m }))}
          onChange={(v) => setDocuments({ ...documents, minutesTitle: v })}
        />
      </div>
      <fieldset className="margins">
        <legend>{t('minutes.margins')}</legend>
        <div className="form-grid form-grid--4">
          {MARGIN_SIDES.map(([side, label]) => (
            <TextInput
              key={side}
              name={`documents.margins.${side}`}
              type="number"
              label={t(label)}
              value={Number.isFinite(documents.margins[side]) ? String(documents.margins[side]) : ''}
              error={errors[`documents.margins.${side}`]}
              onChange={(v) =>
                setDocuments({
                  ...documents,
                  margins: { ...documents.margins, [side]: v === '' ? Number.NaN : Number(v.replace(',', '.')) },
                })
              }
              onBlur={onBlur}
            />
          ))}
        </div>
      </fieldset>
      <h3>{t('engagements.listSettings')}</h3>
      <div className="form-grid">
        <Select<ListScope>
          name="documents.listScope"
          label={t('engagements.listScope')}
          value={documents.listScope}
          options={LIST_SCOPES.map((s) => ({
            value: s,
            label: t(s === 'all' ? 'engagements.listScopeAll' : 'engagements.listScopePresent'),
          }))}
          onChange={(v) => setDocuments({ ...documents, listScope: v })}
        />
        <fieldset className="checks">
          <legend className="muted">{t('engagements.phoneHint')}</legend>
          <label className="check">
            <input
              type="checkbox"
              name="documents.phoneInList"
              checked={documents.phoneInList}
              onChange={(e) => setDocuments({ ...documents, phoneInList: e.target.checked })}
            />
            {t('engagements.phoneInList')}
          </label>
          <label className="check">
            <input
              type="checkbox"
              name="documents.phoneInAnnex"
              checked={documents.phoneInAnnex}
              onChange={(e) => setDocuments({ ...documents, phoneInAnnex: e.target.checked })}
            />
            {t('engagements.phoneInAnnex')}
          </label>
        </fieldset>
      </div>
      <KioskPinSetting engagement={engagement} />
    </div>
  );
}

function EmblemPicker({ engagement }: { engagement: Engagement }) {
  const t = useT();
  const v = useValidationText();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const emblem = useQuery('engagements.emblem', { id: engagement.id });
  const pick = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    if (file.size > MAX_EMBLEM_BYTES) return setError(v('fileTooLarge'));
    const r = await call('engagements.setEmblem', { id: engagement.id, image: await readFileBase64(file) });
    if (!r.ok) setError(r.error.details?.issues?.[0] ? v(r.error.details.issues[0].code) : r.error.message);
  };
  return (
    <Field label={t('letterhead.emblem')} error={undefined}>
      {(id) => (
        <div className="emblem">
          <div className="emblem__preview">
            {emblem.data?.dataUrl ? (
              <img src={emblem.data.dataUrl} alt={t('letterhead.emblem')} />
            ) : (
              <span className="muted">{t('letterhead.noEmblem')}</span>
            )}
          </div>
          <input
            id={id}
            ref={input}
            type="file"
            accept="image/png,image/jpeg"
            hidden
            onChange={(e) => void pick(e.target.files?.[0]).finally(() => (e.target.value = ''))}
          />
          <button type="button" className="btn btn--small" onClick={() => input.current?.click()}>
            {t('letterhead.chooseEmblem')}
          </button>
          {engagement.hasEmblem && (
            <button
              type="button"
              className="btn btn--small btn--ghost"
              onClick={() => void call('engagements.setEmblem', { id: engagement.id, image: null })}
            >
              {t('letterhead.removeEmblem')}
            </button>
          )}
          {error && (
            <div className="field__error" role="alert">
              {error}
            </div>
          )}
        </div>
      )}
    </Field>
  );
}

/** The PIN that closes the self check-in screen; typed on purpose, so it has its own button. */
function KioskPinSetting({ engagement }: { engagement: Engagement }) {
  const t = useT();
  const v = useValidationText();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const save = async () => {
    setSaved(false);
    if (!/^\d{4,8}$/.test(pin)) return setError(v('invalidPin'));
    const r = await call('engagements.update', { id: engagement.id, patch: { kioskPin: pin } });
    if (!r.ok) return setError(r.error.message);
    setError(null);
    setPin('');
    setSaved(true);
  };
  return (
    <div className="kiosk-pin-setting">
      <h3>{t('letterhead.kioskPin')}</h3>
      <p className="muted">{engagement.kioskPinSet ? t('letterhead.kioskPinSet') : t('letterhead.kioskPinUnset')}</p>
      <div className="kiosk-pin__row">
        <TextInput
          name="kioskPin"
          type="text"
          inputMode="numeric"
          label={t('letterhead.newPin')}
          value={pin}
          error={error ? 'invalidPin' : undefined}
          onChange={(x) => setPin(x.replace(/\D/g, '').slice(0, 8))}
        />
        <button type="button" className="btn" onClick={() => void save()}>
          {t('letterhead.savePin')}
        </button>
        {saved && <span className="save-indicator save-indicator--saved">{t('app.saved')}</span>}
      </div>
    </div>
  );
}
