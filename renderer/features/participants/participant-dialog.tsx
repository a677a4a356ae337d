import { useId, useMemo, useRef, useState } from 'react';
import {
  GENDERS,
  ParticipantInput,
  ParticipantPatch,
  ROLES,
  type Gender,
  type Participant,
  type Role,
} from '../../../shared/attendance';
import type { FieldIssue } from '../../../shared/errors';
import { formatDayMonthYear } from '../../../shared/format';
import { compactNip, formatNip, validateNip } from '../../../shared/nip';
import { issuesByField, toFieldIssues } from '../../../shared/validation';
import { useApp } from '../../app/store';
import { Field, Select, TextInput } from '../../components/fields';
import { useErrorText, useLanguage, useT } from '../../i18n';
import { call } from '../../lib/api';
import { clearDraft, readDraft, writeDraft } from '../../lib/drafts';
import { genderKey, roleKey } from './format';
import { Modal } from './modal';
import './note.css';

export interface PersonValues {
  name: string;
  nip: string;
  position: string;
  agency: string;
  phone: string;
  email: string;
  gender: Gender;
  role: Role;
}

const FIELDS = ['name', 'nip', 'position', 'agency', 'phone', 'email', 'gender', 'role'] as const;

export const BLANK_PERSON: PersonValues = {
  name: '',
  nip: '',
  position: '',
  agency: '',
  phone: '',
  email: '',
  gender: '',
  role: 'peserta',
};

/** Where a new person's typing waits on this device until it is added. */
export const newDraftKey = (engagementId: string) => `participant:new:${engagementId}`;
const editDraftKey = (id: string) => `participant:${id}`;

const valuesOf = (p: Participant): PersonValues => ({
  name: p.name,
  nip: formatNip(p.nip),
  position: p.position,
  agency: p.agency,
  phone: p.phone,
  email: p.email,
  gender: p.gender,
  role: p.role,
});

/** The fields that differ from `base` (NIPs compared without their separators). */
function changes(base: PersonValues, values: PersonValues): Partial<PersonValues> {
  const out: Partial<PersonValues> = {};
  for (const f of FIELDS) {
    const same = f === 'nip' ? compactNip(base.nip) === compactNip(values.nip) : base[f] === values[f];
    if (!same) (out as Record<string, string>)[f] = values[f];
  }
  return out;
}

/** Server issues to form fields: `patch.nip` of an update is the form's `nip`. */
function serverErrors(issues: FieldIssue[] | undefined): Record<string, string> {
  const byField = issuesByField(issues ?? []);
  return Object.fromEntries(Object.entries(byField).map(([k, v]) => [k.replace(/^patch\./, ''), v]));
}

interface Props {
  engagementId: string;
  /** The person being edited; absent for a new one. */
  participant?: Participant;
  /** Agencies offered in the Instansi/OPD field (free text stays allowed). */
  agencies: string[];
  onClose(): void;
}

/**
 * Add a person by hand, or edit one. Validated with the contract's schema as it is typed and again
 * by the store; each message sits beside its field. What is typed is kept as a draft on this device
 * until it is saved, so a closed window or a crash loses nothing. The only place that shows a full
 * phone number.
 */
export function ParticipantDialog({ engagementId, participant, agencies, onClose }: Props) {
  const errorText = useErrorText();
  const t = useT();
  const lang = useLanguage((s) => s.language);
  const toast = useApp((s) => s.toast);
  const formId = useId();
  const listId = useId();
  const draftKey = participant ? editDraftKey(participant.id) : newDraftKey(engagementId);
  const base = useMemo(() => (participant ? valuesOf(participant) : BLANK_PERSON), [participant]);
  const restored = useRef(readDraft<Partial<PersonValues>>(draftKey));
  const [values, setValues] = useState<PersonValues>(() => ({ ...base, ...restored.current }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [showRestored, setShowRestored] = useState(
    () => !!restored.current && Object.keys(changes(base, { ...base, ...restored.current })).length > 0,
  );

  const keepDraft = (next: PersonValues) => {
    const diff = changes(base, next);
    writeDraft(draftKey, Object.keys(diff).length > 0 ? diff : null);
  };

  const genderFromNip = useRef(false);

  const set = <K extends keyof PersonValues>(field: K, value: PersonValues[K]) => {
    if (field === 'gender') genderFromNip.current = false;
    const next = { ...values, [field]: value };
    setValues(next);
    keepDraft(next);
    // A message goes away as soon as the field is touched again; it comes back on blur or submit.
    setErrors(({ [field]: _drop, ...rest }) => rest);
  };

  /** Check one field when leaving it (only when something is in it: empty is judged on submit). */
  const check = (field: keyof PersonValues) => {
    const value = values[field];
    if (value === '') return;
    const r = ParticipantPatch.safeParse({ [field]: value });
    if (!r.success) {
      setErrors((e) => ({ ...e, ...issuesByField(toFieldIssues(r.error)) }));
      return;
    }
    if (field === 'nip') {
      const nip = validateNip(value);
      if (nip.ok) {
        // The NIP's 15th digit tells the gender: filled in unless the user chose one themselves.
        const fill = values.gender === '' || genderFromNip.current;
        if (fill) genderFromNip.current = true;
        const next = { ...values, nip: formatNip(value), gender: fill ? nip.gender : values.gender };
        setValues(next);
        keepDraft(next);
      }
    }
  };

  const discard = () => {
    clearDraft(draftKey);
    setValues(base);
    setErrors({});
    setShowRestored(false);
  };

  const cancel = () => {
    // Cancel is a decision to drop what was typed; closing the window is not (the draft stays).
    clearDraft(draftKey);
    onClose();
  };

  const submit = async () => {
    setFailure(null);
    const patch = participant ? changes(base, values) : values;
    const parsed = participant
      ? ParticipantPatch.safeParse(patch)
      : ParticipantInput.safeParse({ engagementId, ...values });
    if (!parsed.success) {
      setErrors(issuesByField(toFieldIssues(parsed.error)));
      return;
    }
    if (participant && Object.keys(patch).length === 0) {
      clearDraft(draftKey);
      onClose();
      return;
    }
    setBusy(true);
    const r = participant
      ? await call('participants.update', { id: participant.id, patch })
      : await call('participants.create', { engagementId, ...values });
    setBusy(false);
    if (r.ok) {
      clearDraft(draftKey);
      toast({ text: t(participant ? 'participants.updated' : 'participants.created', { name: r.value.name }) });
      onClose();
      return;
    }
    const fieldErrors = serverErrors(r.error.details?.issues);
    if ((r.error.code === 'VALIDATION' || r.error.code === 'CONFLICT') && Object.keys(fieldErrors).length > 0) {
      setErrors(fieldErrors);
      // A conflict says more than the field can (a duplicate NIP names who already has it).
      if (r.error.code === 'CONFLICT') setFailure(errorText(r.error));
    } else setFailure(r.error.message);
  };

  // A valid NIP says who it belongs to: a quick check that it is the right person's number.
  const decoded = values.nip.trim() === '' ? null : validateNip(values.nip);
  const nipInfo =
    decoded?.ok === true
      ? t('participants.nipDecoded', {
          birth: formatDayMonthYear(decoded.birthDate, lang),
          appointment: decoded.appointment,
          gender: t(genderKey(decoded.gender)),
        })
      : undefined;

  return (
    <Modal
      title={t(participant ? 'participants.editTitle' : 'participants.addTitle')}
      onClose={cancel}
      footer={
        <>
          <button type="button" className="btn" onClick={cancel}>
            {t('app.cancel')}
          </button>
          <button type="submit" form={formId} className="btn btn--primary" disabled={busy}>
            {busy ? t('participants.saving') : t(participant ? 'participants.save' : 'participants.saveAdd')}
          </button>
        </>
      }
    >
      {showRestored && (
        <p className="p-note" role="status">
          {t('participants.draftRestored')}{' '}
          <button type="button" className="btn btn--ghost btn--small" onClick={discard}>
            {t('participants.discardDraft')}
          </button>
        </p>
      )}
      <form
        id={formId}
        className="form-grid"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="form-grid__wide">
          <TextInput
            name="name"
            label={t('participants.fieldName')}
            hint={t('participants.fieldNameHint')}
            required
            autoFocus
            maxLength={200}
            value={values.name}
            error={errors.name}
            onChange={(v) => set('name', v)}
            onBlur={() => check('name')}
          />
        </div>
        <TextInput
          name="nip"
          label={t('participants.fieldNip')}
          hint={nipInfo ?? t('participants.fieldNipHint')}
          inputMode="numeric"
          maxLength={40}
          value={values.nip}
          error={errors.nip}
          onChange={(v) => set('nip', v)}
          onBlur={() => check('nip')}
        />
        <TextInput
          name="position"
          label={t('participants.fieldPosition')}
          maxLength={200}
          value={values.position}
          error={errors.position}
          onChange={(v) => set('position', v)}
        />
        <Field label={t('participants.fieldAgency')} error={errors.agency} hint={t('participants.fieldAgencyHint')}>
          {(id, described) => (
            <>
              <input
                id={id}
                name="agency"
                list={listId}
                maxLength={200}
                autoComplete="off"
                value={values.agency}
                aria-invalid={!!errors.agency}
                aria-describedby={described}
                onChange={(e) => set('agency', e.target.value)}
              />
              <datalist id={listId}>
                {agencies.map((a) => (
                  <option key={a} value={a} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label={t('participants.fieldPhone')} error={errors.phone}>
          {(id, described) => (
            <input
              id={id}
              name="phone"
              type="tel"
              inputMode="tel"
              maxLength={40}
              autoComplete="off"
              value={values.phone}
              aria-invalid={!!errors.phone}
              aria-describedby={described}
              onChange={(e) => set('phone', e.target.value)}
              onBlur={() => check('phone')}
            />
          )}
        </Field>
        <TextInput
          name="email"
          type="email"
          label={t('participants.fieldEmail')}
          maxLength={200}
          value={values.email}
          error={errors.email}
          onChange={(v) => set('email', v)}
          onBlur={() => check('email')}
        />
        <Select<Gender>
          name="gender"
          label={t('participants.genderLabel')}
          value={values.gender}
          error={errors.gender}
          options={GENDERS.map((g) => ({ value: g, label: t(genderKey(g)) }))}
          onChange={(v) => set('gender', v)}
        />
        <Select<Role>
          name="role"
          label={t('participants.roleLabel')}
          value={values.role}
          error={errors.role}
          options={ROLES.map((r) => ({ value: r, label: t(roleKey(r)) }))}
          onChange={(v) => set('role', v)}
        />
      </form>
      {failure && (
        <p className="banner banner--error" role="alert">
          {failure}
        </p>
      )}
    </Modal>
  );
}
