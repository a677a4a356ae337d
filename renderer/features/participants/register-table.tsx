import { useState } from 'react';
import type { Participant } from '../../../shared/attendance';
import { formatNip } from '../../../shared/nip';
import { useLanguage, useT } from '../../i18n';
import { formatCount, maskPhone, roleKey } from './format';
import './table.css';
import './register-table.css';

/** Rows rendered at once: a register of 1,000+ people stays quick to type a search into. */
export const REGISTER_PAGE = 200;

interface Props {
  /** The people matching the search, in register order. */
  people: Participant[];
  /** Everyone in the register. */
  total: number;
  query: string;
  selected: ReadonlySet<string>;
  onToggle(id: string): void;
  onEdit(p: Participant): void;
  onDelete(p: Participant): void;
}

/**
 * The register as a table. Phone numbers are masked here (personal data); the full number is only
 * in the edit form. At most `REGISTER_PAGE` rows at a time, with "show more".
 */
export function RegisterTable({ people, total, query, selected, onToggle, onEdit, onDelete }: Props) {
  const t = useT();
  const lang = useLanguage((s) => s.language);
  // "Show more" counts for one search; a new query starts again from the first page.
  const [page, setPage] = useState({ query, limit: REGISTER_PAGE });
  const limit = page.query === query ? page.limit : REGISTER_PAGE;
  const n = (v: number) => formatCount(v, lang);

  if (people.length === 0) {
    return (
      <p className="empty p-empty-small" role="status">
        {t('participants.noMatch', { query: query.trim() })}
      </p>
    );
  }

  const shown = people.slice(0, limit);
  return (
    <>
      <div className="p-table-wrap">
        <table className="p-table p-table--register" aria-label={t('participants.title')}>
          <thead>
            <tr>
              <th scope="col" className="p-check">
                <span className="p-sr-only">{t('participants.colSelect')}</span>
              </th>
              <th scope="col">{t('participants.colName')}</th>
              <th scope="col">{t('participants.colNip')}</th>
              <th scope="col">{t('participants.colPosition')}</th>
              <th scope="col">{t('participants.colAgency')}</th>
              <th scope="col" title={t('participants.phoneMasked')}>
                {t('participants.colPhone')}
              </th>
              <th scope="col">{t('participants.colRole')}</th>
              <th scope="col" className="p-actions">
                <span className="p-sr-only">{t('participants.colActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => {
              const isSelected = selected.has(p.id);
              return (
                <tr key={p.id} className={isSelected ? 'is-selected' : undefined}>
                  <td className="p-check">
                    <input
                      type="checkbox"
                      checked={isSelected}
                      aria-label={t('participants.selectRow', { name: p.name })}
                      onChange={() => onToggle(p.id)}
                    />
                  </td>
                  <td className="p-name">{p.name}</td>
                  <td className="p-nip">{p.nip ? formatNip(p.nip) : <span className="muted">—</span>}</td>
                  <td className="p-wrap">{p.position}</td>
                  <td className="p-wrap">{p.agency}</td>
                  <td className="p-phone">{maskPhone(p.phone)}</td>
                  <td>
                    <span className={`p-role p-role--${p.role}`}>{t(roleKey(p.role))}</span>
                  </td>
                  <td className="p-actions">
                    <button
                      className="btn btn--small btn--ghost"
                      aria-label={t('participants.editLabel', { name: p.name })}
                      onClick={() => onEdit(p)}
                    >
                      {t('participants.edit')}
                    </button>
                    <button
                      className="btn btn--small btn--ghost p-danger"
                      aria-label={t('participants.deleteLabel', { name: p.name })}
                      onClick={() => onDelete(p)}
                    >
                      {t('participants.delete')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="p-table-foot">
        <span className="muted" data-testid="register-showing">
          {t('participants.showing', { shown: n(shown.length), total: n(query.trim() ? people.length : total) })}
          {people.length > limit && ` ${t('participants.narrowDown')}`}
        </span>
        {people.length > limit && (
          <button className="btn btn--small" onClick={() => setPage({ query, limit: limit + REGISTER_PAGE })}>
            {t('participants.showMore', { count: n(Math.min(REGISTER_PAGE, people.length - limit)) })}
          </button>
        )}
        <span className="muted p-table-foot__note">{t('participants.phoneMasked')}</span>
      </div>
    </>
  );
}
