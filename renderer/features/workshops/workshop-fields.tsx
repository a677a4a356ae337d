import {
  SECOND_SIGNERS,
  STAGES,
  type SecondSigner,
  type WorkshopDayInput,
  WorkshopPatch,
} from '../../../shared/domain';
import { maxLengthOf } from '../../../shared/validation';
import { DateField, DateInput } from '../../components/date-field';
import { ClockInput, Field, Select, TextInput, TextList } from '../../components/fields';
import { useT, useValidationText } from '../../i18n';
import './workshop-fields.css';

/**
 * The values of the workshop form: every field of the contract's edit schema, none left out
 * (a stored workshop is one).
 */
export type WorkshopValues = Required<WorkshopPatch>;

interface Props {
  values: WorkshopValues;
  errors: Record<string, string>;
  set<K extends keyof WorkshopValues>(field: K, value: WorkshopValues[K]): void;
  onBlur?(): void;
}

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The fields of a workshop, shared by the create form and the autosaving editor. */
export function WorkshopFields({ values, errors, set, onBlur }: Props) {
  const t = useT();
  return (
    <div className="form-grid">
      <Select
        name="stage"
        label={t('workshops.stage')}
        value={values.stage}
        options={STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
        onChange={(v) => set('stage', v)}
        error={errors.stage}
      />
      {values.stage === 'custom' ? (
        <TextInput
          name="customStageName"
          maxLength={maxLengthOf(WorkshopPatch.shape.customStageName)}
          label={t('workshops.customStageName')}
          required
          value={values.customStageName}
          error={errors.customStageName}
          onChange={(v) => set('customStageName', v)}
          onBlur={onBlur}
        />
      ) : (
        <div />
      )}
      <div className="form-grid__wide">
        <TextInput
          name="title"
          maxLength={maxLengthOf(WorkshopPatch.shape.title)}
          label={t('workshops.titleField')}
          required
          value={values.title}
          error={errors.title}
          onChange={(v) => set('title', v)}
          onBlur={onBlur}
        />
      </div>
      <div className="form-grid__wide">
        <DaysEditor days={values.days} errors={errors} onChange={(d) => set('days', d)} onBlur={onBlur} />
      </div>
      <div className="form-grid__wide">
        <TextInput
          name="venue"
          maxLength={maxLengthOf(WorkshopPatch.shape.venue)}
          label={t('workshops.venue')}
          hint={t('workshops.venueHint')}
          value={values.venue}
          error={errors.venue}
          onChange={(v) => set('venue', v)}
          onBlur={onBlur}
        />
      </div>
      <TextInput
        name="chairName"
        maxLength={maxLengthOf(WorkshopPatch.shape.chairName)}
        label={t('workshops.chairName')}
        value={values.chairName}
        error={errors.chairName}
        onChange={(v) => set('chairName', v)}
        onBlur={onBlur}
      />
      <TextInput
        name="chairPosition"
        maxLength={maxLengthOf(WorkshopPatch.shape.chairPosition)}
        label={t('workshops.chairPosition')}
        value={values.chairPosition}
        error={errors.chairPosition}
        onChange={(v) => set('chairPosition', v)}
        onBlur={onBlur}
      />
      <TextInput
        name="chairNip"
        label={t('workshops.chairNip')}
        inputMode="numeric"
        value={values.chairNip}
        error={errors.chairNip}
        onChange={(v) => set('chairNip', v)}
        onBlur={onBlur}
      />
      <TextInput
        name="chairRank"
        maxLength={maxLengthOf(WorkshopPatch.shape.chairRank)}
        label={t('engagements.chairRank')}
        hint={t('engagements.rankHint')}
        value={values.chairRank}
        error={errors.chairRank}
        onChange={(v) => set('chairRank', v)}
        onBlur={onBlur}
      />
      <TextInput
        name="noteTakerName"
        maxLength={maxLengthOf(WorkshopPatch.shape.noteTakerName)}
        label={t('workshops.noteTakerName')}
        value={values.noteTakerName}
        error={errors.noteTakerName}
        onChange={(v) => set('noteTakerName', v)}
        onBlur={onBlur}
      />
      <TextInput
        name="noteTakerNip"
        label={t('workshops.noteTakerNip')}
        inputMode="numeric"
        value={values.noteTakerNip}
        error={errors.noteTakerNip}
        onChange={(v) => set('noteTakerNip', v)}
        onBlur={onBlur}
      />
      <TextInput
        name="noteTakerRank"
        maxLength={maxLengthOf(WorkshopPatch.shape.noteTakerRank)}
        label={t('engagements.noteTakerRank')}
        value={values.noteTakerRank}
        error={errors.noteTakerRank}
        onChange={(v) => set('noteTakerRank', v)}
        onBlur={onBlur}
      />
      <Select<SecondSigner>
        name="secondSigner"
        label={t('engagements.secondSigner')}
        value={values.secondSigner}
        options={SECOND_SIGNERS.map((s) => ({
          value: s,
          label: t(
            s === 'notulis'
              ? 'engagements.secondSignerNotulis'
              : s === 'sekretariat'
                ? 'engagements.secondSignerSekretariat'
                : 'engagements.secondSignerNone',
          ),
        }))}
        onChange={(v) => set('secondSigner', v)}
        error={errors.secondSigner}
      />
      <div className="form-grid__wide">
        <TextList
          name="mentors"
          label={t('workshops.mentors')}
          hint={t('workshops.mentorsHint')}
          rows={3}
          value={values.mentors}
          error={errors.mentors ?? Object.entries(errors).find(([k]) => k.startsWith('mentors.'))?.[1]}
          onChange={(v) => set('mentors', v)}
          onBlur={onBlur}
        />
      </div>
      <TextInput
        name="invitationNumber"
        maxLength={maxLengthOf(WorkshopPatch.shape.invitationNumber)}
        label={t('workshops.invitationNumber')}
        value={values.invitationNumber}
        error={errors.invitationNumber}
        onChange={(v) => set('invitationNumber', v)}
        onBlur={onBlur}
      />
      <DateField
        name="invitationDate"
        label={t('workshops.invitationDate')}
        value={values.invitationDate ?? ''}
        error={errors.invitationDate}
        onChange={(v) => set('invitationDate', v === '' ? null : v)}
        onBlur={onBlur}
      />
    </div>
  );
}

interface DaysProps {
  days: WorkshopDayInput[];
  errors: Record<string, string>;
  onChange(days: WorkshopDayInput[]): void;
  onBlur?(): void;
}

function DaysEditor({ days, errors, onChange, onBlur }: DaysProps) {
  const t = useT();
  const v = useValidationText();
  const update = (i: number, patch: Partial<WorkshopDayInput>) =>
    onChange(days.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  return (
    <fieldset className="days">
      <legend>{t('workshops.days')}</legend>
      {errors.days && (
        <div className="field__error" role="alert">
          {v(errors.days)}
        </div>
      )}
      {days.map((d, i) => (
        <div className="days__row" key={d.id ?? `new-${i}`} data-testid={`day-${i}`}>
          <span className="days__label">{t('workshops.day', { n: i + 1 })}</span>
          <Field label={t('workshops.date')} error={errors[`days.${i}.date`]}>
            {(id, described) => (
              <DateInput
                id={id}
                name={`days.${i}.date`}
                label={`${t('workshops.day', { n: i + 1 })}, ${t('workshops.date')}`}
                value={d.date}
                describedBy={described}
                invalid={!!errors[`days.${i}.date`]}
                onChange={(v) => update(i, { date: v })}
                onBlur={onBlur}
              />
            )}
          </Field>
          <Field label={t('workshops.startTime')} error={errors[`days.${i}.startTime`]}>
            {(id, described) => (
              <ClockInput
                id={id}
                name={`days.${i}.startTime`}
                value={d.startTime}
                describedBy={described}
                onChange={(v) => update(i, { startTime: v })}
                onBlur={onBlur}
              />
            )}
          </Field>
          <Field label={t('workshops.endTime')} error={errors[`days.${i}.endTime`]}>
            {(id, described) => (
              <div className="days__end">
                <ClockInput
                  id={id}
                  name={`days.${i}.endTime`}
                  value={d.endTime ?? ''}
                  disabled={d.endTime === null}
                  describedBy={described}
                  onChange={(v) => update(i, { endTime: v })}
                  onBlur={onBlur}
                />
                <label className="check">
                  <input
                    type="checkbox"
                    checked={d.endTime === null}
                    onChange={(e) => update(i, { endTime: e.target.checked ? null : '15:30' })}
                  />
                  {t('workshops.untilFinished')}
                </label>
              </div>
            )}
          </Field>
          <button
            type="button"
            className="btn btn--ghost"
            disabled={days.length <= 1}
            onClick={() => onChange(days.filter((_, j) => j !== i))}
            aria-label={`${t('workshops.removeDay')} ${i + 1}`}
          >
            ✕
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn--small"
        disabled={days.length >= 10}
        onClick={() => {
          const last = days[days.length - 1];
          onChange([
            ...days,
            last
              ? { date: nextDate(last.date), startTime: last.startTime, endTime: last.endTime }
              : { date: new Date().toISOString().slice(0, 10), startTime: '08:00', endTime: '15:30' },
          ]);
        }}
      >
        + {t('workshops.addDay')}
      </button>
    </fieldset>
  );
}
