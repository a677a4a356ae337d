import { DIMENSIONS } from '../../../shared/dimensions';
import { EVIDENCE_KINDS, type ActionItem } from '../../../shared/followups';
import { formatDayMonthYear } from '../../../shared/format';
import { useLanguage, useT } from '../../i18n';

type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** Settled with its proof: selesai with a document number ("level 4" for that cell). */
export const provenDone = (a: Pick<ActionItem, 'status' | 'evidenceNumber'>) =>
  a.status === 'selesai' && a.evidenceNumber.trim() !== '';

/**
 * The board's data: per dimension (in the programme's order; items without one last), per
 * programme, the items of each evidence kind. Cancelled items are left out.
 */
export function evidenceBoard(items: readonly ActionItem[]) {
  const relevant = items.filter((a) => (EVIDENCE_KINDS as readonly string[]).includes(a.kind) && a.status !== 'batal');
  const order = [...DIMENSIONS.map((d) => d.id as string), ''];
  return order
    .map((dimension) => {
      const programmes = new Map<string, Record<EvidenceKind, ActionItem[]>>();
      for (const a of relevant.filter((x) => x.dimension === dimension)) {
        const key = a.programme.trim();
        const row = programmes.get(key) ?? { 'payung-hukum': [], sk: [], sop: [] };
        row[a.kind as EvidenceKind].push(a);
        programmes.set(key, row);
      }
      return {
        dimension,
        programmes: [...programmes.entries()]
          .sort(([x], [y]) => (x === '' ? 1 : y === '' ? -1 : x.localeCompare(y, 'id')))
          .map(([programme, cells]) => ({ programme, cells })),
      };
    })
    .filter((d) => d.programmes.length > 0);
}

/** Legal-evidence board: per dimension, programmes × Payung hukum · SK · SOP, proof at a glance. */
export function EvidenceBoard({ items, onOpen }: { items: ActionItem[]; onOpen(id: string): void }) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  const board = evidenceBoard(items);
  return (
    <div className="tl-board">
      <p className="muted">{t('actions.board.intro')}</p>
      {board.length === 0 && <p className="empty">{t('actions.board.empty')}</p>}
      {board.map((d) => (
        <section key={d.dimension || 'none'} className="tl-board__dim">
          <h2>{d.dimension ? DIMENSIONS.find((x) => x.id === d.dimension)!.name[lang] : t('actions.noDimension')}</h2>
          <div className="tl-scroll">
            <table className="tl-board__table">
              <thead>
                <tr>
                  <th scope="col">{t('actions.board.programme')}</th>
                  {EVIDENCE_KINDS.map((k) => (
                    <th key={k} scope="col">
                      {t(`actions.kinds.${k}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {d.programmes.map((p) => (
                  <tr key={p.programme || 'none'}>
                    <th scope="row">{p.programme || t('actions.board.noProgramme')}</th>
                    {EVIDENCE_KINDS.map((k) => {
                      const cell = p.cells[k];
                      const done = cell.some(provenDone);
                      return (
                        <td key={k} className={done ? 'tl-cell tl-cell--done' : 'tl-cell'}>
                          {cell.length === 0 ? (
                            <span className="muted">{t('actions.board.none')}</span>
                          ) : (
                            cell.map((a) => (
                              <button key={a.id} type="button" className="tl-cell__item" onClick={() => onOpen(a.id)}>
                                <span className="tl-cell__state">
                                  {provenDone(a) && (
                                    <span className="tl-tick" role="img" aria-label={t('actions.board.done')}>
                                      ✓
                                    </span>
                                  )}
                                  <span className={`tl-status tl-status--${a.status}`}>
                                    {t(`actions.statuses.${a.status}`)}
                                  </span>
                                </span>
                                {a.evidenceNumber && <span className="tl-cell__evidence">{a.evidenceNumber}</span>}
                                {a.evidenceDate && (
                                  <span className="muted">{formatDayMonthYear(a.evidenceDate, lang)}</span>
                                )}
                                {a.attachments.length > 0 && (
                                  <span className="tl-cell__files">
                                    {t('actions.attachments')}: {a.attachments.map((f) => f.fileName).join(', ')}
                                  </span>
                                )}
                                <span className="tl-cell__title">{a.title}</span>
                              </button>
                            ))
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}
