import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  blocksHaveText,
  MINUTES_LIMITS,
  SaveSectionInput,
  type MinutesBlock,
  type MinutesSection,
} from '../../../shared/minutes';
import { useApp } from '../../app/store';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { SaveIndicator } from '../../components/fields';
import { useErrorText, useT, useValidationText } from '../../i18n';
import { call } from '../../lib/api';
import { useAutosave } from '../../lib/use-autosave';
import { BLOCK_KINDS, blockFromText, blockText, changeKind, tidyBlocks, type BlockKind } from './blocks';
import { useMinutesContext } from './context';
import { BlocksView } from './preview';

interface SectionValues {
  blocks: MinutesBlock[];
}

// The contract's own rule for a section's blocks (limits included): a draft that breaks it waits
// on the device with its message instead of being sent.
const sectionPatch = SaveSectionInput.pick({ blocks: true }).partial();

/** Wait this long after the last key before saving (and always on leaving a field). */
export const SECTION_SAVE_DELAY_MS = 600;

/**
 * One section of the minutes: its title, its blocks (each a textarea with its kind), autosaved as
 * the secretariat types. A section rewritten by hand says so and can be rebuilt from the notes.
 */
export function SectionEditor({ section }: { section: MinutesSection }) {
  const t = useT();
  const v = useValidationText();
  const errorText = useErrorText();
  const toast = useApp((s) => s.toast);
  const { workshopId, readOnly, register, noteRevision } = useMinutesContext();
  const [confirming, setConfirming] = useState(false);
  const saved = useMemo<SectionValues>(() => ({ blocks: section.blocks }), [section.blocks]);
  const draftKey = `minutes:${workshopId}:${section.key}`;
  const form = useAutosave<SectionValues>({
    draftKey,
    saved,
    schema: sectionPatch,
    delayMs: SECTION_SAVE_DELAY_MS,
    save: async (patch) => {
      const r = await call('minutes.saveSection', { workshopId, key: section.key, blocks: patch.blocks ?? [] });
      if (r.ok) noteRevision(r.value.revision);
      return r;
    },
  });
  const { flush } = form;
  useEffect(() => register(flush, draftKey), [register, flush, draftKey]);
  // Final minutes show what was finalized, never a draft left on this device.
  const blocks = readOnly ? section.blocks : (form.values?.blocks ?? section.blocks);
  const headingId = `section-${section.key}`;

  const set = (next: MinutesBlock[]) => form.setField('blocks', next);
  const setBlock = (i: number, b: MinutesBlock) => set(blocks.map((x, j) => (j === i ? b : x)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...blocks];
    const [b] = next.splice(i, 1);
    next.splice(i + by, 0, b);
    set(next);
  };
  const latest = useRef(blocks);
  latest.current = blocks;
  // A block removed by mistake comes back from the toast, where it was.
  const remove = (i: number) => {
    const removed = blocks[i];
    set(blocks.filter((_, j) => j !== i));
    if (!blocksHaveText([removed])) return;
    toast({
      text: t('minutes.blockRemoved', { section: section.title }),
      action: {
        label: t('app.undo'),
        run: () => {
          const now = latest.current;
          set([...now.slice(0, i), removed, ...now.slice(i)]);
          void flush();
        },
      },
    });
  };
  const leave = () => {
    const tidy = tidyBlocks(blocks);
    if (tidy !== blocks) set(tidy);
    void flush();
  };
  const rebuild = async () => {
    setConfirming(false);
    form.discard();
    const r = await call('minutes.rebuildSection', { workshopId, key: section.key });
    if (r.ok) noteRevision(r.value.revision);
    else toast({ text: errorText(r.error) });
  };

  // The first problem of the section, in words: a block too long, too many blocks, the section too long.
  const problem = Object.entries(form.errors)[0];
  const problemText = problem
    ? problem[1] === 'tooLong'
      ? t('engagements.tooLongMax', {
          max: problem[0] === 'blocks' ? MINUTES_LIMITS.sectionChars : MINUTES_LIMITS.blockChars,
        })
      : v(problem[1])
    : null;

  return (
    <section className="minutes-section panel" aria-labelledby={headingId} data-section={section.key}>
      <header className="minutes-section__header">
        <div>
          <h3 id={headingId}>{section.title}</h3>
          {section.subtitle && <p className="muted minutes-section__subtitle">{section.subtitle}</p>}
        </div>
        <div className="minutes-section__state">
          {section.edited && (
            <span className="minutes-badge" title={t('minutes.editedHint')}>
              {t('minutes.edited')}
            </span>
          )}
          {!readOnly && <SaveIndicator status={form.status} message={form.message} onDiscard={form.discard} />}
        </div>
      </header>
      {section.edited && !readOnly && (
        <div className="minutes-section__edited">
          <p className="muted">{t('minutes.editedHint')}</p>
          <button type="button" className="btn btn--small" onClick={() => setConfirming(true)}>
            {t('minutes.rebuild')}
          </button>
        </div>
      )}
      {section.edited && (
        <details className="minutes-section__draft">
          <summary>{t('minutes.draftShown')}</summary>
          <BlocksView blocks={section.draft} />
        </details>
      )}
      {blocks.length === 0 && (
        <p className="muted">{t(readOnly ? 'minutes.emptySectionFinal' : 'minutes.emptySection')}</p>
      )}
      <ol className="minutes-blocks">
        {blocks.map((b, i) => (
          <BlockEditor
            key={i}
            block={b}
            index={i}
            count={blocks.length}
            label={t('minutes.blockText', { section: section.title, n: i + 1 })}
            readOnly={readOnly}
            onChange={(next) => setBlock(i, next)}
            onBlur={leave}
            onCommit={() => void flush()}
            onMove={(by) => move(i, by)}
            onRemove={() => remove(i)}
          />
        ))}
      </ol>
      {problemText && (
        <p className="field__error" role="alert">
          {problemText}
        </p>
      )}
      {!readOnly && (
        <button
          type="button"
          className="btn btn--small btn--ghost"
          disabled={blocks.length >= MINUTES_LIMITS.blocks}
          onClick={() => set([...blocks, { kind: 'p', text: '' }])}
        >
          {t('minutes.addBlock')}
        </button>
      )}
      {confirming && (
        <ConfirmDialog
          text={t('minutes.rebuildConfirm', { title: section.title })}
          confirmLabel={t('minutes.rebuild')}
          onConfirm={() => void rebuild()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}

interface BlockEditorProps {
  block: MinutesBlock;
  index: number;
  count: number;
  label: string;
  readOnly: boolean;
  onChange(b: MinutesBlock): void;
  onBlur(): void;
  /** Save now (a choice, not typing). */
  onCommit(): void;
  onMove(by: -1 | 1): void;
  onRemove(): void;
}

/** One paragraph or list: its kind beside it, its text in a textarea that grows with it. */
function BlockEditor(props: BlockEditorProps) {
  const { block, index, count, label, readOnly, onChange, onBlur, onCommit, onMove, onRemove } = props;
  const t = useT();
  const n = index + 1;
  const area = useRef<HTMLTextAreaElement>(null);
  const text = blockText(block);
  useLayoutEffect(() => {
    const el = area.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${el.scrollHeight + 2}px`;
  }, [text]);
  const textId = `block-${label}-${index}`.replace(/\s+/g, '-');
  return (
    <li className={`minutes-block minutes-block--${block.kind}`}>
      <div className="minutes-block__tools">
        <select
          aria-label={t('minutes.blockKind', { n })}
          value={block.kind}
          disabled={readOnly}
          onChange={(e) => {
            onChange(changeKind(block, e.target.value as BlockKind));
            onCommit();
          }}
        >
          {BLOCK_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`minutes.kinds.${k}`)}
            </option>
          ))}
        </select>
        {!readOnly && (
          <>
            <button
              type="button"
              className="btn btn--small btn--ghost"
              aria-label={t('minutes.moveBlockUp', { n })}
              disabled={index === 0}
              onClick={() => onMove(-1)}
            >
              ↑
            </button>
            <button
              type="button"
              className="btn btn--small btn--ghost"
              aria-label={t('minutes.moveBlockDown', { n })}
              disabled={index === count - 1}
              onClick={() => onMove(1)}
            >
              ↓
            </button>
            <button
              type="button"
              className="btn btn--small btn--ghost"
              aria-label={t('minutes.removeBlock', { n })}
              onClick={onRemove}
            >
              ✕
            </button>
          </>
        )}
      </div>
      {/* No maxLength: a paste beyond the limit is kept whole on screen (and as a draft) with the
          message, rather than cut silently by the browser. */}
      <textarea
        ref={area}
        id={textId}
        className="minutes-block__text"
        aria-label={label}
        aria-describedby={block.kind === 'p' ? undefined : `${textId}-hint`}
        value={text}
        readOnly={readOnly}
        rows={block.kind === 'p' ? 2 : Math.max(2, block.items.length)}
        onChange={(e) => onChange(blockFromText(block.kind, e.target.value))}
        onBlur={onBlur}
      />
      {block.kind !== 'p' && !readOnly && (
        <span className="field__hint" id={`${textId}-hint`}>
          {t('minutes.listHint')}
        </span>
      )}
    </li>
  );
}
