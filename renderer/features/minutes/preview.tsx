import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { ANNEXES, blocksHaveText, bodyHeading, type MinutesBlock, type MinutesView } from '../../../shared/minutes';
import { formatNip } from '../../../shared/nip';
import { useT } from '../../i18n';

/** Paper in millimetres (width × height), as the document settings name it. */
const PAPER_MM: Record<MinutesView['page']['paper'], { w: number; h: number }> = {
  F4: { w: 215, h: 330 },
  A4: { w: 210, h: 297 },
};
/** Screen pixels per millimetre of paper: an F4 page is about 560 px wide. */
export const PX_PER_MM = 2.6;
const MM_PER_PT = 25.4 / 72;
/** As the document sizes them: two per row, at most 8 cm high. */
const PHOTO_MAX_HEIGHT_MM = 80;
const PHOTO_ANNEX = ANNEXES.find((a) => a.key === 'photos')!.title;

/** Blocks as they read: paragraphs, and lists as lists (never as markup). Empty items are left out. */
export function BlocksView({ blocks }: { blocks: readonly MinutesBlock[] }) {
  return (
    <>
      {blocks.map((b, i) => (
        <BlockView key={i} block={b} />
      ))}
    </>
  );
}

function BlockView({ block: b }: { block: MinutesBlock }) {
  if (b.kind === 'p') return b.text.trim() === '' ? null : <p>{b.text}</p>;
  const items = b.items.filter((item) => item.trim() !== '');
  if (items.length === 0) return null;
  const List = b.kind;
  return (
    <List>
      {items.map((item, j) => (
        <li key={j}>{item}</li>
      ))}
    </List>
  );
}

/**
 * One piece of a page: it moves to the next page whole when it does not fit. A heading keeps with
 * the piece after it (never alone at the foot of a page), as the document's headings do.
 */
interface Piece {
  key: string;
  node: ReactNode;
  keepWithNext?: boolean;
}

/** The text of a section as pieces (one per paragraph or list), or "—" when it says nothing. */
function textPieces(key: string, blocks: readonly MinutesBlock[], className = 'paper__text'): Piece[] {
  if (!blocksHaveText(blocks))
    return [
      {
        key: `${key}-empty`,
        node: (
          <div className={className}>
            <p>—</p>
          </div>
        ),
      },
    ];
  return blocks.map((b, i) => ({
    key: `${key}-${i}`,
    node: (
      <div className={className}>
        <BlockView block={b} />
      </div>
    ),
  }));
}

const heading = (key: string, text: string): Piece => ({
  key,
  keepWithNext: true,
  node: <h2 className="paper__heading">{text}</h2>,
});

/**
 * The body in the document's order: the title and header, A. Pembukaan, B. Pembahasan (one
 * numbered item per agenda step), C. Keputusan/Kesimpulan, D. Tindak Lanjut (the table),
 * E. Penutup, and the signature block (kept whole).
 */
function bodyPieces(view: MinutesView): Piece[] {
  const byKey = (key: string) => view.sections.find((s) => s.key === key);
  const steps = view.sections.filter((s) => s.key.startsWith('step:'));
  const opening = byKey('opening');
  const decisions = byKey('decisions');
  const closing = byKey('closing');
  const [head, ...rows] = view.followUps;
  const out: Piece[] = [
    {
      key: 'title',
      keepWithNext: true,
      node: (
        <div className="paper__titles">
          <h1 className="paper__title">{view.title}</h1>
          {view.number.trim() !== '' && <p className="paper__number">Nomor: {view.number}</p>}
        </div>
      ),
    },
    {
      key: 'header',
      node: (
        <table className="paper__header">
          <tbody>
            {view.header.map((h) => (
              <tr key={h.label}>
                <th scope="row">{h.label}</th>
                <td>:</td>
                <td>
                  {h.value.split('\n').map((line, i) => (
                    <div key={i}>{line}</div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ),
    },
    heading('h-a', bodyHeading('opening')),
    ...textPieces('opening', opening?.blocks ?? []),
    heading('h-b', bodyHeading('discussion')),
  ];
  if (steps.length === 0) out.push(...textPieces('steps', []));
  steps.forEach((s, i) => {
    out.push({
      key: s.key,
      keepWithNext: true,
      node: (
        <div className="paper__step">
          <h3>
            {i + 1}. {s.title}
          </h3>
          {s.subtitle && <p className="paper__subtitle">{s.subtitle}</p>}
        </div>
      ),
    });
    out.push(...textPieces(s.key, s.blocks, 'paper__text paper__text--step'));
  });
  out.push(heading('h-c', bodyHeading('decisions')), ...textPieces('decisions', decisions?.blocks ?? []));
  out.push(heading('h-d', bodyHeading('followUps')));
  if (head && rows.length > 0) {
    out.push({
      key: 'followups',
      node: (
        <table className="paper__table">
          <thead>
            <tr>
              {head.map((c, i) => (
                <th key={i}>{c}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {row.map((c, j) => (
                  <td key={j}>{c}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ),
    });
  } else out.push(...textPieces('followups', []));
  out.push(heading('h-e', bodyHeading('closing')), ...textPieces('closing', closing?.blocks ?? []));
  // The closing keeps with the signatures: never a page of signatures alone.
  out[out.length - 1] = { ...out[out.length - 1], keepWithNext: true };
  out.push({
    key: 'signing',
    node: (
      <div className="paper__signing">
        {view.signing.signatories.map((s, i, all) => (
          <div key={s.role} className="paper__signatory">
            <p>{i === all.length - 1 ? view.signing.placeDate : '\u00a0'}</p>
            <p>{s.role},</p>
            <div className="paper__sign-space" />
            <p className="paper__signer">{s.name || '(……………………)'}</p>
            <p>{s.rank || '\u00a0'}</p>
            <p>NIP. {formatNip(s.nip)}</p>
          </div>
        ))}
      </div>
    ),
  });
  return out;
}

/** An annex: "Lampiran II" over its title, then (Dokumentasi) the included photos two per row. */
function annexPieces(view: MinutesView, title: string, annexInFile: string): Piece[] {
  const m = /^(Lampiran [IVXL]+) (.*)$/.exec(title);
  const out: Piece[] = [
    {
      key: 'annex-title',
      keepWithNext: true,
      node: (
        <h2 className="paper__annex-title">
          {m ? (
            <>
              {m[1]}
              <br />
              {m[2]}
            </>
          ) : (
            title
          )}
        </h2>
      ),
    },
  ];
  if (!title.endsWith(PHOTO_ANNEX)) {
    out.push({ key: 'annex-note', node: <p className="paper__annex-note">{annexInFile}</p> });
    return out;
  }
  const photos = view.photos.filter((p) => p.included);
  for (let i = 0; i < photos.length; i += 2) {
    out.push({
      key: `photos-${photos[i].id}`,
      node: (
        <div className="paper__photos">
          {photos.slice(i, i + 2).map((p) => (
            <figure key={p.id}>
              {/* The photo's own proportions, so the page is laid out before the picture loads. */}
              <img
                src={p.thumbnail}
                alt={p.caption || p.fileName}
                style={{ aspectRatio: `${p.width} / ${p.height}`, maxHeight: `${PHOTO_MAX_HEIGHT_MM * PX_PER_MM}px` }}
              />
              <figcaption>{p.caption}</figcaption>
            </figure>
          ))}
        </div>
      ),
    });
  }
  return out;
}

/**
 * The minutes' pages drawn in HTML with the paper's proportions, margins and type from the
 * document settings: the text is laid out on pages piece by piece (a paragraph, a list, a table
 * moves to the next page when it does not fit), each annex starts a page, the page numbers run on.
 * Roughly as printed, and marked so nobody takes it for the file itself.
 */
export function MinutesPreview({ view }: { view: MinutesView }) {
  const t = useT();
  const paper = PAPER_MM[view.page.paper];
  const m = view.page.margins;
  const px = (cm: number) => cm * 10 * PX_PER_MM;
  const sheet: CSSProperties = {
    width: `${paper.w * PX_PER_MM}px`,
    padding: `${px(m.top)}px ${px(m.right)}px ${px(m.bottom)}px ${px(m.left)}px`,
    fontFamily: `"${view.page.fontFamily}", var(--font-sans)`,
    fontSize: `${view.page.fontSizePt * MM_PER_PT * PX_PER_MM}px`,
  };
  const pageHeight = paper.h * PX_PER_MM;
  const contentHeight = pageHeight - px(m.top) - px(m.bottom);
  // Pages of each run (the body, then one per annex), so the page numbers run on across them.
  const [counts, setCounts] = useState<number[]>([]);
  const onPages = useCallback(
    (i: number, n: number) => setCounts((c) => (c[i] === n ? c : Object.assign([...c], { [i]: n }))),
    [],
  );
  const firstPage = (i: number) => 1 + Array.from({ length: i }, (_, j) => counts[j] ?? 1).reduce((a, b) => a + b, 0);
  const runs = [
    { key: 'body', testId: 'preview-body', pieces: bodyPieces(view) },
    ...view.annexes.map((title) => ({
      key: title,
      testId: 'preview-annex',
      pieces: annexPieces(view, title, t('minutes.annexInFile')),
    })),
  ];

  return (
    <div className="minutes-preview" aria-label={t('minutes.previewLabel')} role="region">
      <p className="minutes-preview__note" role="note">
        {t('minutes.previewNote')}
      </p>
      {runs.map((run, i) => (
        <Pages
          key={run.key}
          testId={run.testId}
          pieces={run.pieces}
          style={sheet}
          pageHeight={pageHeight}
          contentHeight={contentHeight}
          index={i}
          firstPage={firstPage(i)}
          onPages={onPages}
        />
      ))}
    </div>
  );
}

/**
 * Which page each piece goes on: in order, a piece that does not fit in what is left of a page
 * starts the next one (with the pieces it keeps with); one taller than a page has a page of its own.
 */
export function paginate(heights: readonly number[], keepWithNext: readonly boolean[], room: number): number[] {
  const page: number[] = [];
  let n = 0;
  let used = 0;
  let i = 0;
  while (i < heights.length) {
    // A heading and what it keeps with move together.
    let j = i;
    let h = heights[i];
    while (keepWithNext[j] && j + 1 < heights.length) h += heights[++j];
    if (used > 0 && used + h > room) {
      n += 1;
      used = 0;
    }
    for (let k = i; k <= j; k++) {
      // A group taller than a page still breaks where it must.
      if (used > 0 && used + heights[k] > room) {
        n += 1;
        used = 0;
      }
      page[k] = n;
      used += heights[k];
    }
    i = j + 1;
  }
  return page;
}

/** A run of pages: the pieces measured once off screen, then laid out page by page. */
function Pages(props: {
  testId: string;
  pieces: Piece[];
  style: CSSProperties;
  pageHeight: number;
  contentHeight: number;
  index: number;
  firstPage: number;
  onPages(index: number, pages: number): void;
}) {
  const { testId, pieces, style, pageHeight, contentHeight, index, firstPage, onPages } = props;
  const t = useT();
  const measure = useRef<HTMLDivElement>(null);
  const [layout, setLayout] = useState<number[]>([]);
  useLayoutEffect(() => {
    const el = measure.current;
    if (!el) return;
    const run = () => {
      const boxes = [...el.children] as HTMLElement[];
      const heights = boxes.map((b) => b.getBoundingClientRect().height);
      const next = paginate(
        heights,
        pieces.map((p) => !!p.keepWithNext),
        contentHeight,
      );
      setLayout((prev) => (prev.length === next.length && prev.every((v, i) => v === next[i]) ? prev : next));
    };
    run();
    if (typeof ResizeObserver === 'undefined') return;
    // Fonts and pictures may change a piece's height after the first layout.
    const ro = new ResizeObserver(run);
    for (const c of el.children) ro.observe(c);
    return () => ro.disconnect();
  });
  const pageCount = Math.max(1, ...layout.map((p) => p + 1));
  useEffect(() => onPages(index, pageCount), [onPages, index, pageCount]);
  const pages = Array.from({ length: pageCount }, (_, n) => pieces.filter((_, i) => (layout[i] ?? 0) === n));

  return (
    <div className="paper-run" data-testid={testId} data-pages={pageCount}>
      {/* Off screen, in the page's width and type: where each piece's height is read. */}
      <div ref={measure} className="paper paper--measure" aria-hidden="true" style={style}>
        {pieces.map((p) => (
          <div key={p.key} className="paper__piece">
            {p.node}
          </div>
        ))}
      </div>
      {pages.map((onPage, n) => (
        <div key={n} className="paper" data-testid="preview-page" style={{ ...style, height: `${pageHeight}px` }}>
          {onPage.map((p) => (
            <div key={p.key} className="paper__piece">
              {p.node}
            </div>
          ))}
          <span className="paper__page-no" aria-hidden="true">
            {t('minutes.previewPage', { n: firstPage + n })}
          </span>
          {/* On every page, so that a screenshot of it is not taken for the document. */}
          <span className="paper__watermark" aria-hidden="true">
            {t('minutes.tabPreview')}
          </span>
        </div>
      ))}
    </div>
  );
}
