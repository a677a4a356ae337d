import { EngagementPatch, REGION_KINDS, TIME_ZONES, type EngagementInput } from '../../../shared/domain';
import { maxLengthOf } from '../../../shared/validation';
import { Select, TextInput, TextList } from '../../components/fields';
import { useT } from '../../i18n';

/** The values of the engagement form: every field of the contract's create schema, none left out. */
export type EngagementValues = Required<EngagementInput>;

interface Props {
  values: EngagementValues;
  errors: Record<string, string>;
  set<K extends keyof EngagementValues>(field: K, value: EngagementValues[K]): void;
  onBlur?(): void;
  autoFocus?: boolean;
}

/** The fields of an engagement, shared by the create form and the autosaving edit form. */
export function EngagementFields({ values, errors, set, onBlur, autoFocus }: Props) {
  const t = useT();
  return (
    <div className="form-grid">
      <TextInput
        name="regionName"
        maxLength={maxLengthOf(EngagementPatch.shape.regionName)}
        label={t('engagements.regionName')}
        hint={t('engagements.regionNameHint')}
        required
        autoFocus={autoFocus}
        value={values.regionName}
        error={errors.regionName}
        onChange={(v) => set('regionName', v)}
        onBlur={onBlur}
      />
      <Select
        name="regionKind"
        label={t('engagements.regionKind')}
        value={values.regionKind}
        options={REGION_KINDS.map((k) => ({ value: k, label: t(`engagements.${k}`) }))}
        onChange={(v) => set('regionKind', v)}
        error={errors.regionKind}
      />
      <TextInput
        name="province"
        maxLength={maxLengthOf(EngagementPatch.shape.province)}
        label={t('engagements.province')}
        required
        value={values.province}
        error={errors.province}
        onChange={(v) => set('province', v)}
        onBlur={onBlur}
      />
      <TextInput
        name="year"
        type="number"
        inputMode="numeric"
        label={t('engagements.year')}
        required
        value={Number.isFinite(values.year) ? String(values.year) : ''}
        error={errors.year}
        onChange={(v) => set('year', v === '' ? Number.NaN : Number(v))}
        onBlur={onBlur}
      />
      <Select
        name="timeZone"
        label={t('engagements.timeZone')}
        value={values.timeZone}
        options={TIME_ZONES.map((z) => ({ value: z, label: z }))}
        onChange={(v) => set('timeZone', v)}
        error={errors.timeZone}
      />
      <TextInput
        name="programmeName"
        maxLength={maxLengthOf(EngagementPatch.shape.programmeName)}
        label={t('engagements.programmeName')}
        required
        value={values.programmeName}
        error={errors.programmeName}
        onChange={(v) => set('programmeName', v)}
        onBlur={onBlur}
      />
      <div className="form-grid__wide">
        <TextList
          name="agencies"
          label={t('engagements.agencies')}
          hint={t('engagements.agenciesHint')}
          value={values.agencies}
          error={errors.agencies ?? Object.entries(errors).find(([k]) => k.startsWith('agencies.'))?.[1]}
          onChange={(v) => set('agencies', v)}
          onBlur={onBlur}
        />
      </div>
    </div>
  );
}
