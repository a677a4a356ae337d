import { useRef, useState } from 'react';
import { DIMENSIONS } from '../../../shared/dimensions';
import type { Engagement, Workshop } from '../../../shared/domain';
import {
  ACTION_KINDS,
  ACTION_LIMITS,
  ACTION_STATUSES,
  ActionPatch,
  ATTACHMENT_TYPES,
  isOverdue,
  type ActionItem,
  type ActionKind,
  type ActionStatus,
} from '../../../shared/followups';
import { formatDayMonthYear, formatInstantTime, stageLabel, zoneDate } from '../../../shared/format';
import { useApp } from '../../app/store';
import { DateField } from '../../components/date-field';
import { SaveIndicator, TextInput } from '../../components/fields';
import { useErrorText, useLanguage, useT, useValidationText } from '../../i18n';
import { call } from '../../lib/api';
import { exportFile, readFileBase64 } from '../../lib/files';
import { useAutosave } from '../../lib/use-autosave';
import { useQuery } from '../../lib/use-query';
import { todayIn } from './labels';

/** The fields the editor autosaves (status changes go through their own button, with a note). */
type EditValues = Pick<
  ActionItem,
  | 'title'
  | 'kind'
  | 'programme'
  | 'dimension'
  | 'agency'
  | 'person'
  | 'dueDate'
  | 'notes'
  | 'evidenceNumber'
  | 'evidenceDate'
>;
const EditPatch = ActionPatch.omit({ status: true, statusNote: true });

const valuesOf = (a: ActionItem): EditValues => ({
  title: a.title,
  kind: a.kind,
  programme: a.programme,
  dimension: a.dimension,
  agency: a.agency,
  person: a.person,
  dueDate: a.dueDate,
  notes: a.notes,
  evidenceNumber: a.evidenceNumber,
  evidenceDate: a.evidenceDate,
});

/**
 * One action item: its fields autosaved (a due date before the workshop stays on screen with its
 * message), status with a note and its dated history, evidence and attachments, where it came from.
 */
export function ActionEditor({
  item,
  engagement,
  agencies,
  workshop,
  onClose,
}: {
  item: ActionItem;
  engagement: Engagement;
  agencies: string[];
  workshop: Workshop | undefined;
  onClose(): void;
}) {
  const t = useT();
  const v = useValidationText();
  const lang = useLanguage((s) => s.language);
  const errorText = useErrorText();
  const toast = useApp((s) => s.toast);
  const saved = useRef<{ at: string; values: EditValues } | null>(null);
  if (!saved.current || saved.current.at !== item.updatedAt)
    saved.current = { at: item.updatedAt, values: valuesOf(item) };
  const form = useAutosave<EditValues>({
    draftKey: `action:${item.id}`,
    saved: saved.current.values,
    schema: EditPatch,
    save: (patch) => call('actions.update', { id: item.id, patch }),
  });
  const values = form.values!;
  const [status, setStatus] = useState<ActionStatus>(item.status);
  const [statusNote, setStatusNote] = useState('');
  const [fileMessage, setFileMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [uploading, setUploading] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const changeStatus = async () => {
    const r = await call('actions.update', { id: item.id, patch: { status, statusNote } });
    if (r.ok) {
      setStatusNote('');
      toast({ text: t('actions.statusChanged', { title: item.title, status: t(`actions.statuses.${status}`) }) });
    } else toast({ text: errorText(r.error) });
  };

  const attach = async (file: File) => {
    // Checked here first so the reason shows at once; the core checks the bytes again.
    if (file.size > ACTION_LIMITS.attachmentBytes) {
      setFileMessage({ text: t('actions.tooLarge', { file: file.name }), error: true });
      return;
    }
    if (file.type && !(ATTACHMENT_TYPES as readonly string[]).includes(file.type)) {
      setFileMessage({ text: t('actions.notPdfOrImage', { file: file.name }), error: true });
      return;
    }
    setUploading(true);
    const r = await call('actions.attach', { id: item.id, fileName: file.name, data: await readFileBase64(file) });
    setUploading(false);
    if (r.ok) setFileMessage({ text: t('actions.attached', { file: file.name }), error: false });
    else {
      const code = r.error.details?.issues?.[0]?.code;
      setFileMessage({
        text:
          code === 'notPdfOrImage'
            ? t('actions.notPdfOrImage', { file: file.name })
            : code === 'fileTooLarge'
              ? t('actions.tooLarge', { file: file.name })
              : errorText(r.error),
        error: true,
      });
    }
  };

  const remove = async () => {
    const r = await call('actions.delete', { id: item.id });
    if (!r.ok) return toast({ text: errorText(r.error) });
    onClose();
    toast({
      text: t('actions.deleted', { title: item.title }),
      action: { label: t('app.undo'), run: () => void call('actions.restore', { id: item.id }) },
    });
  };

  const agencyOptions = values.agency && !agencies.includes(values.agency) ? [values.agency, ...agencies] : agencies;
  const late = isOverdue(item, todayIn(engagement.timeZone));

  return (
    <aside className="tl-editor" aria-label={item.title}>
      <header className="tl-editor__head">
        <h2>{item.title}</h2>
        <SaveIndicator status={form.status} message={form.message} />
        <button type="button" className="btn btn--ghost" onClick={onClose}>
          {t('actions.close')}
        </button>
      </header>
      {late && <p className="tl-late">{t('actions.overdue')}</p>}

      <TextInput
        label={t('actions.fieldTitle')}
        name="title"
        value={values.title}
        required
        maxLength={ACTION_LIMITS.title}
        error={form.errors.title}
        onChange={(x) => form.setField('title', x)}
        onBlur={() => void form.flush()}
      />
      <div className="tl-grid">
        <label>
          {t('actions.kind')}
          <select name="kind" value={values.kind} onChange={(e) => form.setField('kind', e.target.value as ActionKind)}>
            {ACTION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`actions.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('actions.dimension')}
          <select
            name="dimension"
            value={values.dimension}
            onChange={(e) => form.setField('dimension', e.target.value)}
          >
            <option value="">{t('actions.noDimension')}</option>
            {DIMENSIONS.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name[lang]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <TextInput
        label={t('actions.programme')}
        name="programme"
        hint={t('actions.programmeHint')}
        value={values.programme}
        maxLength={ACTION_LIMITS.text}
        error={form.errors.programme}
        onChange={(x) => form.setField('programme', x)}
        onBlur={() => void form.flush()}
      />
      <div className="tl-grid">
        <label>
          {t('actions.agency')}
          <select name="agency" value={values.agency} onChange={(e) => form.setField('agency', e.target.value)}>
            <option value="">{t('actions.noAgency')}</option>
            {agencyOptions.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <TextInput
          label={t('actions.person')}
          name="person"
          value={values.person}
          maxLength={ACTION_LIMITS.text}
          error={form.errors.person}
          onChange={(x) => form.setField('person', x)}
          onBlur={() => void form.flush()}
        />
      </div>
      <DateField
        label={t('actions.dueDate')}
        name="dueDate"
        value={values.dueDate}
        error={form.errors.dueDate}
        onChange={(x) => form.setField('dueDate', x)}
        onBlur={() => void form.flush()}
      />
      <label className="tl-notes">
        {t('actions.notes')}
        <textarea
          name="notes"
          rows={3}
          maxLength={ACTION_LIMITS.notes}
          value={values.notes}
          onChange={(e) => form.setField('notes', e.target.value)}
          onBlur={() => void form.flush()}
        />
        {form.errors.notes && (
          <span className="field__error" role="alert">
            {v(form.errors.notes)}
          </span>
        )}
      </label>

      <h3>{t('actions.status')}</h3>
      <div className="tl-status-change">
        <label>
          {t('actions.status')}
          <select name="status" value={status} onChange={(e) => setStatus(e.target.value as ActionStatus)}>
            {ACTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`actions.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="tl-status-change__note">
          {t('actions.statusNote')}
          <input
            name="statusNote"
            value={statusNote}
            maxLength={ACTION_LIMITS.text}
            onChange={(e) => setStatusNote(e.target.value)}
          />
        </label>
        <button type="button" className="btn" disabled={status === item.status} onClick={() => void changeStatus()}>
          {t('actions.changeStatus')}
        </button>
      </div>
      <h4>{t('actions.history')}</h4>
      <ol className="tl-history">
        {item.history.map((h, i) => (
          <li key={i}>
            <time dateTime={h.at}>
              {formatDayMonthYear(zoneDate(h.at, engagement.timeZone), lang)}{' '}
              {formatInstantTime(h.at, engagement.timeZone)}
            </time>{' '}
            <span className={`tl-status tl-status--${h.status}`}>{t(`actions.statuses.${h.status}`)}</span>
            {h.note && <span> — {h.note}</span>}
          </li>
        ))}
      </ol>

      <h3>{t('actions.evidence')}</h3>
      <div className="tl-grid">
        <TextInput
          label={t('actions.evidenceNumber')}
          name="evidenceNumber"
          hint={t('actions.evidenceNumberHint')}
          value={values.evidenceNumber}
          maxLength={ACTION_LIMITS.text}
          error={form.errors.evidenceNumber}
          onChange={(x) => form.setField('evidenceNumber', x)}
          onBlur={() => void form.flush()}
        />
        <DateField
          label={t('actions.evidenceDate')}
          name="evidenceDate"
          value={values.evidenceDate}
          error={form.errors.evidenceDate}
          onChange={(x) => form.setField('evidenceDate', x)}
          onBlur={() => void form.flush()}
        />
      </div>
      <h4>{t('actions.attachments')}</h4>
      {item.attachments.length === 0 ? (
        <p className="muted">{t('actions.noAttachments')}</p>
      ) : (
        <ul className="tl-files" aria-label={t('actions.attachments')}>
          {item.attachments.map((f) => (
            <li key={f.id}>
              <span className="tl-files__name">{f.fileName}</span>
              <span className="muted">{Math.max(1, Math.round(f.bytes / 1024))} KB</span>
              <button
                type="button"
                className="btn btn--small"
                onClick={() => void exportFile('actions.attachment', { id: item.id, attachmentId: f.id })}
              >
                ⤓ {t('actions.download')}
              </button>
              <button
                type="button"
                className="btn btn--small btn--danger-text"
                aria-label={`${t('actions.removeAttachment')}: ${f.fileName}`}
                onClick={() => void call('actions.removeAttachment', { id: item.id, attachmentId: f.id })}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="tl-attach">
        <input
          ref={fileInput}
          type="file"
          accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
          aria-label={t('actions.attach')}
          className="tl-attach__input"
          onChange={(e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (f) void attach(f);
          }}
        />
        <button type="button" className="btn" disabled={uploading} onClick={() => fileInput.current?.click()}>
          {uploading ? t('actions.attaching') : t('actions.attach')}
        </button>
        <span className="muted">{t('actions.attachHint')}</span>
      </div>
      {fileMessage && (
        <p
          className={fileMessage.error ? 'banner banner--error' : 'muted'}
          role={fileMessage.error ? 'alert' : 'status'}
        >
          {fileMessage.text}
        </p>
      )}

      <h3>{t('actions.origin')}</h3>
      <Origin item={item} workshop={workshop} />

      <div className="actions actions--start">
        <button type="button" className="btn btn--danger-text" onClick={() => void remove()}>
          {t('actions.delete')}
        </button>
      </div>
    </aside>
  );
}

/** Where the item came from: workshop (stage), step, decision or quick win. */
function Origin({ item, workshop }: { item: ActionItem; workshop: Workshop | undefined }) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  const agenda = useQuery('agenda.get', item.stepId && workshop ? { workshopId: workshop.id } : null);
  const decisions = useQuery('decisions.list', item.decisionId && workshop ? { workshopId: workshop.id } : null);
  const step = agenda.data?.days.flatMap((d) => d.steps).find((s) => s.id === item.stepId);
  const decision = decisions.data?.find((d) => d.id === item.decisionId);
  if (!item.workshopId && !item.decisionId && !item.quickWinKey)
    return <p className="muted">{t('actions.originNone')}</p>;
  return (
    <dl className="tl-origin">
      {workshop && (
        <>
          <dt>{t('actions.originWorkshop')}</dt>
          <dd>
            {stageLabel(workshop.stage, workshop.customStageName, lang)} – {workshop.title}
          </dd>
        </>
      )}
      {step && (
        <>
          <dt>{t('actions.originStep')}</dt>
          <dd>{step.title}</dd>
        </>
      )}
      {item.decisionId && (
        <>
          <dt>{t('actions.originDecision')}</dt>
          <dd>{decision?.text ?? '…'}</dd>
        </>
      )}
      {item.quickWinKey && (
        <>
          <dt>{t('actions.originQuickWin')}</dt>
          <dd>{item.title}</dd>
        </>
      )}
    </dl>
  );
}
