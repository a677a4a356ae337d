import { useEffect, useId, useMemo, useRef, useState } from 'react';
import {
  IMPORT_FIELDS,
  type AgencyChoice,
  type ImportField,
  type ImportPreview,
  type PreviewRow,
} from '../../../shared/attendance';
import { formatNip } from '../../../shared/nip';
import { useApp } from '../../app/store';
import { useLanguage, useT, type MessageKey } from '../../i18n';
import { call } from '../../lib/api';
import { readFileBase64 } from '../../lib/files';
import { columnLetter, formatCount } from './format';
import './table.css';
import './import-wizard.css';

/** What the host accepts in one request is 8 MB of JSON: base64 makes a 5 MB file about 6.7 MB. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Preview rows rendered at once; a 5,000-row file stays responsive, the counts stay exact. */
const PREVIEW_PAGE = 300;
/** A header row typed by hand is sent after this pause, not on every keystroke. */
const HEADER_DEBOUNCE_MS = 450;

type Mapping = Record<ImportField, number | null>;
/** The choice for each agency of the file that matches no OPD, by the name as the file writes it. */
type Choices = Record<string, Omit<AgencyChoice, 'written'>>;
type Filter = 'all' | 'problems' | 'new' | 'duplicate' | 'invalid';

const FIELD_LABELS: Record<ImportField, MessageKey> = {
  name: 'participants.colName',
  nip: 'participants.colNip',
  position: 'participants.colPosition',
  agency: 'participants.colAgency',
  phone: 'participants.colPhone',
  email: 'participants.colEmail',
  gender: 'participants.colGender',
  role: 'participants.colRole',
};

const STATUS_LABELS: Record<PreviewRow['status'], MessageKey> = {
  new: 'participants.statusNew',
  duplicate: 'participants.statusDuplicate',
  invalid: 'participants.statusInvalid',
};

const mappingOf = (p: ImportPreview): Mapping =>
  Object.fromEntries(IMPORT_FIELDS.map((f) => [f, p.mapping[f] ?? null])) as Mapping;

interface LoadedFile {
  name: string;
  size: number;
  data: string;
}

interface Problem {
  /** `file`: the file is not a table or has no header (no preview); `mapping`: the last choice failed. */
  kind: 'file' | 'mapping';
  message: string;
}

interface Props {
  engagementId: string;
  /** Name of a registered person, for "duplicate of …". */
  nameOf(id: string): string | undefined;
  onClose(): void;
}

/**
 * Import the secretariat's list: choose a file, check which column holds which field (detected,
 * changeable), see what would happen to every row, then import the new rows in one go. Nothing is
 * written before the import button.
 */
export function ImportWizard({ engagementId, nameOf, onClose }: Props) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  const toast = useApp((s) => s.toast);
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [reading, setReading] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [pending, setPending] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [filter, setFilter] = useState<Filter>('all');
  const [limit, setLimit] = useState(PREVIEW_PAGE);
  const [headerText, setHeaderText] = useState('');
  const [dragging, setDragging] = useState(false);
  const [choices, setChoices] = useState<Choices>({});
  const choicesRef = useRef<Choices>({});
  const seq = useRef(0);
  const headerTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const n = (v: number) => formatCount(v, lang);

  useEffect(
    () => () => {
      if (headerTimer.current) clearTimeout(headerTimer.current);
    },
    [],
  );

  /** The agency choices as the core takes them ("leave as it is" is what happens without one). */
  const agencyChoices = (): AgencyChoice[] =>
    Object.entries(choicesRef.current)
      .filter(([, c]) => c.action !== 'keep')
      .map(([written, c]) => ({ written, ...c }));

  /** Other columns or another file: the agencies found may differ, so the choices start again. */
  const resetChoices = () => {
    choicesRef.current = {};
    setChoices({});
  };

  /** Ask the store what an import would do; a newer request wins over an older answer. */
  const run = async (f: LoadedFile, headerIndex?: number, mapping?: Mapping, guessedName = false): Promise<void> => {
    const mine = ++seq.current;
    setPending(true);
    const chosen = agencyChoices();
    const r = await call('participants.importPreview', {
      engagementId,
      fileName: f.name,
      data: f.data,
      ...(headerIndex === undefined ? {} : { headerIndex }),
      ...(mapping ? { mapping } : {}),
      ...(chosen.length > 0 ? { agencyChoices: chosen } : {}),
    });
    if (mine !== seq.current) return;
    setPending(false);
    if (r.ok) {
      setPreview(r.value);
      setHeaderText(String(r.value.headerIndex + 1));
      setProblem(guessedName ? { kind: 'mapping', message: t('participants.nameColumnRequired') } : null);
      setLimit(PREVIEW_PAGE);
      return;
    }
    const issues = r.error.details?.issues ?? [];
    const noName = issues.some((i) => i.path[0] === 'mapping' && i.path[1] === 'name');
    if (noName && headerIndex === undefined && !mapping) {
      // The header was found but no column looks like a name, and the store previews nothing
      // without one: take column A for now so the columns can be shown and the right one chosen.
      const guess = Object.fromEntries(IMPORT_FIELDS.map((fld) => [fld, fld === 'name' ? 0 : null])) as Mapping;
      return run(f, undefined, guess, true);
    }
    // A first look at a file that fails is about the file; a later one is about the user's choice.
    setProblem({
      kind: headerIndex !== undefined || noName ? 'mapping' : 'file',
      message: noName ? t('participants.nameColumnRequired') : r.error.message,
    });
  };

  const choose = async (picked: File | undefined) => {
    if (!picked) return;
    seq.current++; // an answer about the previous file no longer counts
    setPreview(null);
    setProblem(null);
    setFilter('all');
    resetChoices();
    if (picked.size > MAX_FILE_BYTES) {
      setFile({ name: picked.name, size: picked.size, data: '' });
      setProblem({ kind: 'file', message: t('participants.fileTooLarge') });
      return;
    }
    setReading(true);
    let data: string;
    try {
      data = await readFileBase64(picked);
    } catch {
      setReading(false);
      setProblem({ kind: 'file', message: t('participants.fileUnreadable') });
      return;
    }
    setReading(false);
    const loaded = { name: picked.name, size: picked.size, data };
    setFile(loaded);
    await run(loaded);
  };

  const mapping = preview ? mappingOf(preview) : null;

  const changeMapping = (field: ImportField, column: number | null) => {
    if (!file || !preview || !mapping) return;
    resetChoices();
    void run(file, preview.headerIndex, { ...mapping, [field]: column });
  };

  const changeChoice = (written: string, choice: Omit<AgencyChoice, 'written'>) => {
    if (!file || !preview || !mapping) return;
    const next = { ...choicesRef.current, [written]: choice };
    choicesRef.current = next;
    setChoices(next);
    void run(file, preview.headerIndex, mapping);
  };

  const changeHeader = (text: string) => {
    setHeaderText(text);
    if (headerTimer.current) clearTimeout(headerTimer.current);
    const row = Number(text);
    if (!file || !Number.isInteger(row) || row < 1) return;
    // A new header row means new column names: the mapping is detected again from that row.
    headerTimer.current = setTimeout(() => {
      resetChoices();
      void run(file, row - 1);
    }, HEADER_DEBOUNCE_MS);
  };

  const commit = async () => {
    if (!file || !preview || !mapping) return;
    setCommitting(true);
    const chosen = agencyChoices();
    const r = await call('participants.importCommit', {
      engagementId,
      fileName: file.name,
      data: file.data,
      headerIndex: preview.headerIndex,
      mapping,
      ...(chosen.length > 0 ? { agencyChoices: chosen } : {}),
    });
    setCommitting(false);
    if (!r.ok) {
      setProblem({ kind: 'mapping', message: r.error.message });
      return;
    }
    const skipped = r.value.duplicates + r.value.invalid;
    const listChanged = r.value.opdsAdded + r.value.aliasesSaved > 0;
    toast({
      text: [
        skipped > 0
          ? t('participants.importedSkipped', { count: n(r.value.created), skipped: n(skipped) })
          : t('participants.imported', { count: n(r.value.created) }),
        listChanged
          ? t('participants.importedOpdList', { added: n(r.value.opdsAdded), aliases: n(r.value.aliasesSaved) })
          : '',
      ]
        .filter(Boolean)
        .join(' '),
    });
    onClose();
  };

  const rows = useMemo(() => {
    if (!preview) return [];
    if (filter === 'all') return preview.rows;
    if (filter === 'problems') return preview.rows.filter((r) => r.status !== 'new');
    return preview.rows.filter((r) => r.status === filter);
  }, [preview, filter]);

  const total = preview ? preview.rows.length : 0;
  const canCommit = !!preview && preview.counts.new > 0 && !pending && !committing && problem === null;

  return (
    <section className="panel p-import" aria-labelledby="p-import-title">
      <header className="p-import__header">
        <h2 id="p-import-title">{t('participants.importTitle')}</h2>
        <button type="button" className="btn btn--ghost btn--small" onClick={onClose}>
          {t('participants.importClose')}
        </button>
      </header>

      <ol className="p-steps">
        <li className="p-step">
          <h3 className="p-step__title">
            <span className="p-step__n">1</span>
            {t('participants.stepFile')}
          </h3>
          <p className="muted p-step__help">{t('participants.fileHelp')}</p>
          <div
            className={`p-drop${dragging ? ' is-dragging' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              void choose(e.dataTransfer.files[0]);
            }}
          >
            <input
              ref={fileInput}
              id="p-import-file"
              className="p-drop__input"
              type="file"
              accept=".csv,.xlsx,.txt"
              onChange={(e) => {
                void choose(e.target.files?.[0]);
                e.target.value = ''; // choosing the same file again (after fixing it) reads it again
              }}
            />
            <label htmlFor="p-import-file" className="btn">
              {file ? t('participants.fileOther') : t('participants.fileChoose')}
            </label>
            {file ? (
              <span className="p-drop__file">
                <strong>{file.name}</strong> <span className="muted">· {formatSize(file.size, lang)}</span>
              </span>
            ) : (
              <span className="muted">{t('participants.fileDrop')}</span>
            )}
            {(reading || (pending && !preview)) && (
              <span className="p-spinner" role="status">
                {t('participants.fileReading')}
              </span>
            )}
          </div>
          {problem?.kind === 'file' && (
            <p className="banner banner--error p-import__problem" role="alert">
              {problem.message}
            </p>
          )}
        </li>

        {preview && mapping && file && (
          <MappingStep
            preview={preview}
            mapping={mapping}
            headerText={headerText}
            onHeader={changeHeader}
            onChange={changeMapping}
            problem={problem?.kind === 'mapping' ? problem.message : null}
          />
        )}

        {preview && preview.unknownAgencies.length > 0 && (
          <AgencyStep preview={preview} choices={choices} onChange={changeChoice} />
        )}

        {preview && (
          <li className="p-step">
            <h3 className="p-step__title">
              <span className="p-step__n">{preview.unknownAgencies.length > 0 ? 4 : 3}</span>
              {t('participants.stepPreview')}
              {pending && (
                <span className="p-spinner" role="status">
                  {t('participants.updating')}
                </span>
              )}
            </h3>
            <div className="p-counts" data-testid="import-counts">
              <span className="p-count">{t('participants.countsRows', { count: n(total) })}</span>
              <span className="p-count p-count--new">
                {t('participants.countNew', { count: n(preview.counts.new) })}
              </span>
              <span className="p-count p-count--duplicate">
                {t('participants.countDuplicate', { count: n(preview.counts.duplicate) })}
              </span>
              <span className="p-count p-count--invalid">
                {t('participants.countInvalid', { count: n(preview.counts.invalid) })}
              </span>
            </div>
            <div className="p-filter" role="group" aria-label={t('participants.filterLabel')}>
              {(
                [
                  ['all', 'participants.filterAll'],
                  ['problems', 'participants.filterProblems'],
                  ['new', 'participants.statusNew'],
                  ['duplicate', 'participants.statusDuplicate'],
                  ['invalid', 'participants.statusInvalid'],
                ] as [Filter, MessageKey][]
              ).map(([value, label]) => (
                <button
                  key={value}
                  type="button"
                  className={`p-filter__btn${filter === value ? ' is-active' : ''}`}
                  aria-pressed={filter === value}
                  onClick={() => {
                    setFilter(value);
                    setLimit(PREVIEW_PAGE);
                  }}
                >
                  {t(label)}
                </button>
              ))}
            </div>
            <PreviewTable rows={rows} limit={limit} nameOf={nameOf} stale={pending} />
            {rows.length > limit && (
              <p className="p-more">
                <span className="muted">{t('participants.previewMore', { count: n(rows.length - limit) })}</span>{' '}
                <button type="button" className="btn btn--small" onClick={() => setLimit((l) => l + PREVIEW_PAGE)}>
                  {t('participants.previewShowMore', { count: n(Math.min(PREVIEW_PAGE, rows.length - limit)) })}
                </button>
              </p>
            )}
            <div className="p-import__commit">
              <p className="muted">
                {preview.counts.new === 0 ? t('participants.nothingNew') : t('participants.skipNote')}
              </p>
              <div className="actions">
                <button type="button" className="btn" onClick={onClose}>
                  {t('app.cancel')}
                </button>
                <button type="button" className="btn btn--primary" disabled={!canCommit} onClick={() => void commit()}>
                  {committing
                    ? t('participants.committing')
                    : t('participants.commit', { count: n(preview.counts.new) })}
                </button>
              </div>
            </div>
          </li>
        )}
      </ol>
    </section>
  );
}

function formatSize(bytes: number, lang: 'id' | 'en'): string {
  const locale = lang === 'id' ? 'id-ID' : 'en-GB';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString(locale, { maximumFractionDigits: 0 })} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

interface MappingStepProps {
  preview: ImportPreview;
  mapping: Mapping;
  headerText: string;
  onHeader(text: string): void;
  onChange(field: ImportField, column: number | null): void;
  problem: string | null;
}

/** Which column of the file holds each of our fields; pre-set from the detected header. */
function MappingStep({ preview, mapping, headerText, onHeader, onChange, problem }: MappingStepProps) {
  const t = useT();
  const headerId = useId();
  const columns = preview.header.map((label, index) => ({ index, label: label.trim() }));
  const usedBy = (field: ImportField) =>
    IMPORT_FIELDS.filter((f) => f !== field && mapping[f] !== null && mapping[f] === mapping[field]);

  return (
    <li className="p-step">
      <h3 className="p-step__title">
        <span className="p-step__n">2</span>
        {t('participants.stepMapping')}
      </h3>
      <p className="muted p-step__help">{t('participants.mappingHelp')}</p>
      <div className="field p-header-row">
        <label htmlFor={headerId}>{t('participants.headerRow')}</label>
        <input
          id={headerId}
          name="headerRow"
          type="number"
          min={1}
          inputMode="numeric"
          value={headerText}
          onChange={(e) => onHeader(e.target.value)}
          aria-describedby={`${headerId}-hint`}
        />
        <span className="field__hint" id={`${headerId}-hint`} data-testid="header-row">
          {t('participants.headerRowHint', { row: preview.headerIndex + 1 })}
        </span>
      </div>
      <div className="p-mapping">
        {IMPORT_FIELDS.map((field) => {
          const id = `p-map-${field}`;
          const others = usedBy(field);
          const missing = mapping[field] === null;
          return (
            <div key={field} className={`field p-mapping__field${missing ? ' is-missing' : ''}`}>
              <label htmlFor={id}>
                {t(FIELD_LABELS[field])}
                {field === 'name' && <span className="field__req"> ({t('app.required')})</span>}
              </label>
              <select
                id={id}
                name={`mapping.${field}`}
                value={mapping[field] === null ? '' : String(mapping[field])}
                onChange={(e) => onChange(field, e.target.value === '' ? null : Number(e.target.value))}
              >
                <option value="">{t('participants.notImported')}</option>
                {columns.map((c) => (
                  <option key={c.index} value={c.index}>
                    {t('participants.columnOption', {
                      letter: columnLetter(c.index),
                      label: c.label || t('participants.emptyHeader'),
                    })}
                  </option>
                ))}
              </select>
              {others.length > 0 ? (
                <span className="field__hint p-warn">
                  {t('participants.sameColumn', { field: others.map((f) => t(FIELD_LABELS[f])).join(', ') })}
                </span>
              ) : missing ? (
                <span className="field__hint">{t('participants.notFound')}</span>
              ) : null}
            </div>
          );
        })}
      </div>
      {problem && (
        <p className="banner banner--error p-import__problem" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}

interface AgencyStepProps {
  preview: ImportPreview;
  choices: Choices;
  onChange(written: string, choice: Omit<AgencyChoice, 'written'>): void;
}

/**
 * Agencies of the file that match no OPD of the engagement's list nor an alias: each becomes an
 * OPD of the list (its name optionally saved as a short name of that OPD), a new OPD on the list,
 * or stays as written. The core applies and checks the choices; the preview below shows them.
 */
function AgencyStep({ preview, choices, onChange }: AgencyStepProps) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  return (
    <li className="p-step">
      <h3 className="p-step__title">
        <span className="p-step__n">3</span>
        {t('participants.stepAgencies')}
      </h3>
      <p className="muted p-step__help">{t('participants.agenciesHelp')}</p>
      <table className="p-table p-agencies" aria-label={t('participants.stepAgencies')}>
        <thead>
          <tr>
            <th scope="col">{t('participants.agencyInFile')}</th>
            <th scope="col">{t('participants.agencyChoice')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.unknownAgencies.map((a) => {
            const c = choices[a.written] ?? { action: 'keep' };
            const value = c.action === 'opd' ? `opd:${c.opd ?? ''}` : c.action;
            return (
              <tr key={a.written}>
                <th scope="row" className="p-agencies__written">
                  {a.written}{' '}
                  <span className="muted p-agencies__rows">
                    · {t('participants.agencyRows', { count: formatCount(a.rows, lang) })}
                  </span>
                </th>
                <td>
                  <div className="p-agencies__choice">
                    <select
                      name={`agency.${a.written}`}
                      aria-label={t('participants.agencyChoiceFor', { written: a.written })}
                      value={value}
                      onChange={(e) => {
                        const v = e.target.value;
                        if (v === 'keep' || v === 'new') onChange(a.written, { action: v });
                        else onChange(a.written, { action: 'opd', opd: v.slice(4), saveAlias: true });
                      }}
                    >
                      <option value="keep">{t('participants.agencyKeep')}</option>
                      <option value="new">{t('participants.agencyNew')}</option>
                      {preview.opds.length > 0 && (
                        <optgroup label={t('participants.agencyListGroup')}>
                          {preview.opds.map((o) => (
                            <option key={o} value={`opd:${o}`}>
                              {o}
                            </option>
                          ))}
                        </optgroup>
                      )}
                    </select>
                    {c.action === 'opd' && (
                      <label className="check">
                        <input
                          type="checkbox"
                          checked={c.saveAlias ?? false}
                          onChange={(e) => onChange(a.written, { ...c, saveAlias: e.target.checked })}
                        />
                        {t('participants.agencySaveAlias')}
                      </label>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </li>
  );
}

interface PreviewTableProps {
  rows: PreviewRow[];
  limit: number;
  nameOf(id: string): string | undefined;
  stale: boolean;
}

function PreviewTable({ rows, limit, nameOf, stale }: PreviewTableProps) {
  const t = useT();
  if (rows.length === 0) return <p className="empty p-empty-small">{t('participants.previewEmpty')}</p>;
  return (
    <div className={`p-table-wrap${stale ? ' is-stale' : ''}`}>
      <table className="p-table p-table--preview" aria-label={t('participants.stepPreview')}>
        <thead>
          <tr>
            <th scope="col" className="p-num">
              {t('participants.colRow')}
            </th>
            <th scope="col">{t('participants.colStatus')}</th>
            <th scope="col">{t('participants.colName')}</th>
            <th scope="col">{t('participants.colNip')}</th>
            <th scope="col">{t('participants.colAgency')}</th>
            <th scope="col">{t('participants.colReasons')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, limit).map((r) => {
            const existing = r.duplicateOf ? nameOf(r.duplicateOf) : undefined;
            return (
              <tr key={r.rowNumber} className={`p-row--${r.status}`}>
                <td className="p-num">{r.rowNumber}</td>
                <td>
                  <span className={`p-badge p-badge--${r.status}`}>{t(STATUS_LABELS[r.status])}</span>
                </td>
                <td className="p-name">
                  {r.values.name || <span className="muted">{t('participants.emptyValue')}</span>}
                </td>
                <td className="p-nip">{r.values.nip ? formatNip(r.values.nip) : ''}</td>
                <td>{r.values.agency}</td>
                <td className="p-reasons">
                  {r.messages.length > 0 && (
                    <ul>
                      {r.messages.map((m, i) => (
                        <li key={i}>
                          {m}
                          {existing && r.status === 'duplicate' && i === r.messages.length - 1 && (
                            <span className="muted"> ({existing})</span>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
