import { TEMPLATE_IDS, type TemplateId } from '../../../shared/agenda';
import { WorkshopInput, type Engagement, type Stage } from '../../../shared/domain';
import { STAGE_TEMPLATES } from '../../../shared/templates';
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

type NewWorkshopValues = WorkshopValues & { template: TemplateId | null };

const isTemplate = (stage: string): stage is TemplateId => (TEMPLATE_IDS as readonly string[]).includes(stage);

function nextDate(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A template brings its days: a one-day workshop gets the template's second day (the next date),
 * and days still at the form's default times take the template's.
 */
function withTemplateDays(v: NewWorkshopValues): NewWorkshopValues {
  if (!v.template) return v;
  const tdays = STAGE_TEMPLATES[v.template].days;
  const days = v.days.map((d, i) =>
    tdays[i] && d.startTime === '08:00' && (d.endTime === '15:30' || d.endTime === '16:00')
      ? { ...d, startTime: tdays[i].startTime, endTime: tdays[i].endTime }
      : d,
  );
  while (days.length < tdays.length && days.length === 1) {
    const last = days[days.length - 1];
    const td = tdays[days.length];
    days.push({ date: nextDate(last.date), startTime: td.startTime, endTime: td.endTime });
  }
  return { ...v, days };
}

function WorkshopNewForm({ engagement }: { engagement: Engagement }) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  const navigate = useApp((s) => s.navigate);
  const { values, errors, busy, failure, set, submit, dirty, discard } = useCreateForm({
    draftKey: `workshop:new:${engagement.id}`,
    initial: (): NewWorkshopValues => ({
      stage: 'tahap-1',
      customStageName: '',
      title: defaultWorkshopTitle('tahap-1', engagement),
      days: withTemplateDays({
        days: [{ date: new Date().toISOString().slice(0, 10), startTime: '08:00', endTime: '15:30' }],
        template: 'tahap-1',
      } as NewWorkshopValues).days,
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
      template: 'tahap-1',
    }),
    schema: WorkshopInput,
    extra: { engagementId: engagement.id },
    create: (v) => call('workshops.create', { ...v, engagementId: engagement.id }),
    onCreated: (w) => navigate({ name: 'workshop', engagementId: engagement.id, id: w.id }),
    // Choosing another stage retitles the workshop unless the user wrote their own title, and
    // takes that stage's template unless the user chose "empty".
    adjust: (next, previous, field) => {
      if (field === 'template') {
        // Choosing Tahap III's agenda for a Tahap I–IV workshop makes it a Tahap III workshop.
        let v = next;
        if (next.template && isTemplate(previous.stage) && next.template !== previous.stage) {
          v = { ...v, stage: next.template };
          if (previous.title === defaultWorkshopTitle(previous.stage, engagement)) {
            v = { ...v, title: defaultWorkshopTitle(next.template, engagement) };
          }
        }
        return withTemplateDays(v);
      }
      if (field !== 'stage') return next;
      let v = next;
      if (previous.title === defaultWorkshopTitle(previous.stage, engagement)) {
        v = { ...v, title: defaultWorkshopTitle(next.stage, engagement) };
      }
      if (previous.template !== null || !isTemplate(previous.stage)) {
        v = withTemplateDays({ ...v, template: isTemplate(next.stage) ? next.stage : null });
      }
      return v;
    },
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
        <fieldset className="template-picker">
          <legend>{t('agenda.template')}</legend>
          <p className="field__hint">{t('agenda.templateHint')}</p>
          {[...TEMPLATE_IDS, null].map((id) => (
            <label key={id ?? 'none'} className={`template-option${values.template === id ? ' is-selected' : ''}`}>
              <input
                type="radio"
                name="template"
                checked={values.template === id}
                onChange={() => set('template', id)}
              />
              <span>
                <strong>{id ? STAGE_TEMPLATES[id].title[lang] : t('agenda.templateNone')}</strong>
                {id && (
                  <small>
                    {STAGE_TEMPLATES[id].summary[lang]} ·{' '}
                    {t('agenda.templateSteps', {
                      count: STAGE_TEMPLATES[id].days.reduce((n, d) => n + d.steps.length, 0),
                    })}
                  </small>
                )}
              </span>
            </label>
          ))}
        </fieldset>
        <WorkshopFields values={values} errors={errors} set={set} />
      </CreateForm>
    </section>
  );
}
