import { useState } from 'react';
import { DEFAULT_PROGRAMME_NAME, EngagementInput } from '../../../shared/domain';
import { issuesByField, toFieldIssues } from '../../../shared/validation';
import { useApp } from '../../app/store';
import { useT } from '../../i18n';
import { call } from '../../lib/api';
import { clearDraft, readDraft, writeDraft } from '../../lib/drafts';
import { EngagementFields, type EngagementValues } from './engagement-fields';

const DRAFT = 'engagement:new';

const blank = (): EngagementValues => ({
  regionName: '',
  regionKind: 'kota',
  province: '',
  year: new Date().getFullYear(),
  timeZone: 'WIB',
  programmeName: DEFAULT_PROGRAMME_NAME,
  agencies: [],
});

/** Create an engagement. What is typed is kept as a draft until it is created. */
export function EngagementNew() {
  const t = useT();
  const navigate = useApp((s) => s.navigate);
  const [values, setValues] = useState<EngagementValues>(() => ({ ...blank(), ...readDraft(DRAFT) }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const set = <K extends keyof EngagementValues>(field: K, value: EngagementValues[K]) => {
    const next = { ...values, [field]: value };
    setValues(next);
    writeDraft(DRAFT, next);
    setErrors(({ [field]: _drop, ...rest }) => rest);
  };

  const submit = async () => {
    const parsed = EngagementInput.safeParse(values);
    if (!parsed.success) {
      setErrors(issuesByField(toFieldIssues(parsed.error)));
      return;
    }
    setBusy(true);
    const r = await call('engagements.create', values);
    setBusy(false);
    if (r.ok) {
      clearDraft(DRAFT);
      navigate({ name: 'engagement', id: r.value.id });
    } else if (r.error.code === 'VALIDATION') {
      setErrors(issuesByField(r.error.details?.issues ?? []));
    } else setFailure(r.error.message);
  };

  return (
    <section className="page page--narrow">
      <header className="page__header">
        <h1>{t('engagements.new')}</h1>
      </header>
      <form
        className="panel"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <EngagementFields values={values} errors={errors} set={set} autoFocus />
        {failure && <p className="banner banner--error">{failure}</p>}
        <div className="actions">
          <button type="button" className="btn" onClick={() => navigate({ name: 'engagements' })}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="btn btn--primary" disabled={busy}>
            {t('engagements.create')}
          </button>
        </div>
      </form>
    </section>
  );
}
