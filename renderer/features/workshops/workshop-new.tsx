import { WorkshopInput, type Engagement, type Stage } from '../../../shared/domain';
import { regionTitle, stageLabel } from '../../../shared/format';
import { routeHash, useApp } from '../../app/store';
import { CreateForm } from '../../components/create-form';
import { translate, useErrorText, useLanguage, useT } from '../../i18n';
import { call } from '../../lib/api';
import { useCreateForm } from '../../lib/use-create-form';
import { useQuery } from '../../lib/use-query';
import { WorkshopFields, type WorkshopValues } from './workshop-fields';

/** The default title, in Indonesian like the documents: "Bimtek Tahap III Penyusunan Masterplan…". */
export function defaultWorkshopTitle(stage: Stage, e: Pick<Engagement, 'regionKind' | 'regionName'>): string {
  return translate('id', 'workshops.defaultTitle', {
    stage: stageLabel(stage, '', 'id'),
    region: regionTitle(e.regionKind, e.regionName),
  });
}

/** Add a workshop (a Bimtek stage) to an engagement. */
export function WorkshopNew({ engagementId }: { engagementId: string }) {
  const t = useT();
  const errorText = useErrorText();
  const { data: engagement, error } = useQuery('engagements.get', { id: engagementId });
  if (error) return <p className="banner banner--error">{errorText(error)}</p>;
  if (!engagement) return <p className="muted">{t('app.loading')}</p>;
  return <WorkshopNewForm engagement={engagement} />;
}

function WorkshopNewForm({ engagement }: { engagement: Engagement }) {
  const t = useT();
  useLanguage((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const { values, errors, busy, failure, set, submit, dirty, discard } = useCreateForm({
    draftKey: `workshop:new:${engagement.id}`,
    initial: (): WorkshopValues => ({
      stage: 'tahap-1',
      customStageName: '',
      title: defaultWorkshopTitle('tahap-1', engagement),
      days: [{ date: new Date().toISOString().slice(0, 10), startTime: '08:00', endTime: '15:30' }],
      venue: '',
      chairName: '',
      chairPosition: '',
      chairNip: '',
      chairRank: '',
      mentors: [],
      noteTakerName: '',
      noteTakerNip: '',
      noteTakerRank: '',
      secondSigner: '',
      invitationNumber: '',
      invitationDate: null,
    }),
    schema: WorkshopInput,
    extra: { engagementId: engagement.id },
    create: (v) => call('workshops.create', { ...v, engagementId: engagement.id }),
    onCreated: (w) => navigate({ name: 'workshop', engagementId: engagement.id, id: w.id }),
    // Choosing another stage retitles the workshop unless the user wrote their own title.
    adjust: (next, previous, field) =>
      field === 'stage' && previous.title === defaultWorkshopTitle(previous.stage, engagement)
        ? { ...next, title: defaultWorkshopTitle(next.stage, engagement) }
        : next,
  });

  return (
    <section className="page page--narrow">
      <nav className="crumbs">
        <a href={routeHash({ name: 'engagements' })}>{t('engagements.title')}</a> ›{' '}
        <a href={routeHash({ name: 'engagement', id: engagement.id })}>
          {regionTitle(engagement.regionKind, engagement.regionName)}
        </a>
      </nav>
      <header className="page__header">
        <h1>{t('workshops.new')}</h1>
      </header>
      <CreateForm
        submitLabel={t('workshops.create')}
        busy={busy}
        failure={failure}
        onSubmit={() => void submit()}
        dirty={dirty}
        onDiscard={discard}
        onCancel={() => navigate({ name: 'engagement', id: engagement.id })}
      >
        <WorkshopFields values={values} errors={errors} set={set} />
      </CreateForm>
    </section>
  );
}
