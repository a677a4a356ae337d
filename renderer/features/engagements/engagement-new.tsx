import { DEFAULT_PROGRAMME_NAME, EngagementInput } from '../../../shared/domain';
import { useApp } from '../../app/store';
import { CreateForm } from '../../components/create-form';
import { useT } from '../../i18n';
import { call } from '../../lib/api';
import { useCreateForm } from '../../lib/use-create-form';
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
  const { values, errors, busy, failure, set, submit, dirty, discard } = useCreateForm({
    draftKey: DRAFT,
    initial: blank,
    schema: EngagementInput,
    create: (v: EngagementValues) => call('engagements.create', v),
    onCreated: (e) => navigate({ name: 'engagement', id: e.id }),
  });

  return (
    <section className="page page--narrow">
      <header className="page__header">
        <h1>{t('engagements.new')}</h1>
      </header>
      <CreateForm
        submitLabel={t('engagements.create')}
        busy={busy}
        failure={failure}
        onSubmit={() => void submit()}
        dirty={dirty}
        onDiscard={discard}
        onCancel={() => navigate({ name: 'engagements' })}
      >
        <EngagementFields values={values} errors={errors} set={set} autoFocus />
      </CreateForm>
    </section>
  );
}
