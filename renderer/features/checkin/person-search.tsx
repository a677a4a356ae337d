import { useId, useMemo, useState, type KeyboardEvent, type Ref } from 'react';
import type { Participant } from '../../../shared/attendance';
import { useT } from '../../i18n';
import { StatusBadge } from './common';
import { searchPeople } from './search';
import type { DayData } from './use-day-data';
import './person-search.css';

interface Props {
  data: DayData;
  value: string;
  onValueChange(v: string): void;
  onChoose(p: Participant): void;
  /** Enter on a query that finds nobody, or the "new participant" button: prefill with the text. */
  onNew(name: string): void;
  label: string;
  placeholder: string;
  inputRef?: Ref<HTMLInputElement>;
  excludeId?: string;
  autoFocus?: boolean;
  /** Show the keyboard help line under the box. */
  help?: string;
  /** Keep the box but not the list (a panel is open below it). */
  hideResults?: boolean;
}

/**
 * The search box of the door: search-as-you-type over name, NIP and agency, ArrowUp/ArrowDown to
 * move, Enter to choose (the top result when none is highlighted), Escape to clear. An ARIA
 * combobox: focus stays in the box while the highlight moves through the list.
 */
export function PersonSearch(p: Props) {
  const t = useT();
  const listId = useId();
  const [active, setActive] = useState(-1);
  const [lastValue, setLastValue] = useState(p.value);
  const zone = p.data.sheet.timeZone;
  const found = useMemo(
    () => searchPeople(p.data.index, p.value, { limit: 8, excludeId: p.excludeId }),
    [p.data.index, p.value, p.excludeId],
  );
  const results = p.hideResults ? [] : found;
  // A new query starts again from the top.
  if (lastValue !== p.value) {
    setLastValue(p.value);
    setActive(-1);
  }
  const current = active >= results.length ? results.length - 1 : active;
  const shown = current < 0 ? 0 : current;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (p.hideResults && (e.key === 'Enter' || e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
      // Back in the box while a panel is open: show the results again rather than act blindly.
      e.preventDefault();
      p.onValueChange(p.value);
      return;
    }
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      // The top result is already highlighted (Enter takes it): the first ↓ moves to the second.
      if (results.length) setActive(Math.min(shown + 1, results.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      if (results.length) setActive(Math.max(current - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (results.length) p.onChoose(results[shown]);
      else if (p.value.trim()) p.onNew(p.value.trim());
    } else if (e.key === 'Escape' && p.value) {
      e.preventDefault();
      p.onValueChange('');
    }
  };

  const query = p.value.trim();
  const optionId = (i: number) => `${listId}-opt-${i}`;
  return (
    <div className="ci-search">
      <label className="ci-search__label" htmlFor={`${listId}-input`}>
        {p.label}
      </label>
      <input
        id={`${listId}-input`}
        ref={p.inputRef}
        className="ci-search__input"
        type="search"
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={results.length ? optionId(shown) : undefined}
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        autoFocus={p.autoFocus}
        placeholder={p.placeholder}
        value={p.value}
        onChange={(e) => p.onValueChange(e.target.value)}
        onKeyDown={onKeyDown}
      />
      {p.help && <p className="ci-search__help muted">{p.help}</p>}
      <ul id={listId} className="ci-results" role="listbox" aria-label={t('checkin.results')}>
        {results.map((person, i) => {
          const entry = p.data.entries.get(person.id);
          return (
            <li
              key={person.id}
              id={optionId(i)}
              role="option"
              aria-selected={i === shown}
              className={`ci-result${i === current ? ' is-active' : ''}${i === shown && current < 0 ? ' is-default' : ''}${
                entry?.status === 'hadir' ? ' is-present' : ''
              }`}
              // Keep the focus in the box: the click chooses, the box stays ready.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => p.onChoose(person)}
            >
              <span className="ci-result__who">
                <span className="ci-result__name">{person.name}</span>
                <span className="ci-result__meta">{[person.position, person.agency].filter(Boolean).join(' · ')}</span>
              </span>
              <StatusBadge t={t} entry={entry} zone={zone} byId={p.data.byId} />
              {i === shown && (
                <kbd className="ci-result__enter" aria-hidden="true">
                  ↵
                </kbd>
              )}
            </li>
          );
        })}
      </ul>
      {query && !p.hideResults && results.length === 0 && (
        <div className="ci-noresults" role="status">
          <p>{t('checkin.noResults', { query })}</p>
          <button type="button" className="btn btn--primary" onClick={() => p.onNew(query)}>
            + {t('checkin.addAsNew', { name: query })} <kbd>{t('checkin.enterHint')}</kbd>
          </button>
        </div>
      )}
    </div>
  );
}
