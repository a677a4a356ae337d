import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { ANNEXES, blocksHaveText, type MinutesBlock, type MinutesView } from '../../../shared/minutes';
import { formatNip } from '../../../shared/nip';
import { useT } from '../../i18n';

/** Paper in millimetres (width × height), as the document settings name it. */
const PAPER_MM: Record<MinutesView['page']['paper'], { w: number; h: number }> = {
  F4: { w: 215, h: 330 },
  A4: { w: 210, h: 297 },
};
/** Screen pixels per millimetre of paper: an F4 page is about 560 px wide. */
const PX_PER_MM = 2.6;
const MM_PER_PT = 25.4 / 72;
const PHOTO_ANNEX = ANNEXES.find((a) => a.key === 'photos')!.title;

/** Blocks as they read: paragraphs, and lists as lists (never as markup). Empty items are left out. */
export function BlocksView({ blocks }: { blocks: readonly MinutesBlock[] }) {
  return (
    <>
      {blocks.map((b, i) => {
        if (b.kind === 'p') return b.text.trim() === '' ? null : <p key={i}>{b.text}</p>;
        const items = b.items.filter((item) => item.trim() !== '');
        if (items.length === 0) return null;
        const List = b.kind;
        return (
          <List key={i}>
            {items.map((item, j) => (
              <li key={j}>{item}</li>
            ))}
          </List>
        );
      })}
    </>
  );
}

/**
 * The minutes' pages drawn in HTML with the paper's proportions, margins and type from the
 * document settings: the body flows over pages (page ends are marked), each annex starts a page.
 * Roughly as printed, and labelled so nobody takes it for the file itself.
 */
export function MinutesPreview({ view }: { view: MinutesView }) {
  const t = useT();
  const paper = PAPER_MM[view.page.paper];
  const m = view.page.margins;
  const sheet: CSSProperties = {
    width: `${paper.w * PX_PER_MM}px`,
    padding: `${m.top * 10 * PX_PER_MM}px ${m.right * 10 * PX_PER_MM}px ${m.bottom * 10 * PX_PER_MM}px ${
      m.left * 10 * PX_PER_MM
    }px`,
    fontFamily: `"${view.page.fontFamily}", var(--font-sans)`,
    fontSize: `${view.page.fontSizePt * MM_PER_PT * PX_PER_MM}px`,
  };
  const pageHeight = paper.h * PX_PER_MM;
  const photos = view.photos.filter((p) => p.included);
  // Pages of each sheet (the body, then one per annex), so the page numbers run on across them.
  const [counts, setCounts] = useState<number[]>([]);
  const onPages = useCallback(
    (i: number, n: number) => setCounts((c) => (c[i] === n ? c : Object.assign([...c], { [i]: n }))),
    [],
  );
  const firstPage = (i: number) => 1 + Array.from({ length: i }, (_, j) => counts[j] ?? 1).reduce((a, b) => a + b, 0);
  const hasText = (s: string) => s.trim() !== '';

  return (
    <div className="minutes-preview" aria-label={t('minutes.previewLabel')} role="region">
      <p className="minutes-preview__note" role="note">
        {t('minutes.previewNote')}
      </p>
      <Sheet style={sheet} pageHeight={pageHeight} testId="preview-body" index={0} firstPage={1} onPages={onPages}>
        <h1 className="paper__title">{view.title}</h1>
        {hasText(view.number) && <p className="paper__number">Nomor: {view.number}</p>}
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
        <BodySections view={view} />
        <div className="paper__signing">
          <div className="paper__signatories">
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
        </div>
      </Sheet>
      {view.annexes.map((title, i) => (
        <Sheet
          key={title}
          style={sheet}
          pageHeight={pageHeight}
          testId="preview-annex"
          index={i + 1}
          firstPage={firstPage(i + 1)}
          onPages={onPages}
        >
          <AnnexHeading title={title} />
          {title.endsWith(PHOTO_ANNEX) ? (
            <div className="paper__photos">
              {photos.map((p) => (
                <figure key={p.id}>
                  <img src={p.thumbnail} alt={p.caption || p.fileName} />
                  <figcaption>{p.caption}</figcaption>
                </figure>
              ))}
            </div>
          ) : (
            <p className="paper__annex-note">{t('minutes.annexInFile')}</p>
          )}
        </Sheet>
      ))}
    </div>
  );
}

/** The text of a section, or "—" when it says nothing (as the document prints it). */
function SectionText({ blocks }: { blocks: readonly MinutesBlock[] }) {
  return blocksHaveText(blocks) ? <BlocksView blocks={blocks} /> : <p>—</p>;
}

/**
 * The body in the document's order: A. Pembukaan, B. Pembahasan (one numbered item per agenda
 * step), C. Keputusan/Kesimpulan, D. Tindak Lanjut (the table), E. Penutup.
 */
function BodySections({ view }: { view: MinutesView }) {
  const byKey = (key: string) => view.sections.find((s) => s.key === key);
  const steps = view.sections.filter((s) => s.key.startsWith('step:'));
  const opening = byKey('opening');
  const decisions = byKey('decisions');
  const closing = byKey('closing');
  const [head, ...rows] = view.followUps;
  return (
    <>
      <section className="paper__section">
        <h2>A. {opening?.title ?? 'Pembukaan'}</h2>
        <SectionText blocks={opening?.blocks ?? []} />
      </section>
      <section className="paper__section">
        <h2>B. Pembahasan</h2>
        {steps.length === 0 && <p>—</p>}
        <ol className="paper__steps">
          {steps.map((s) => (
            <li key={s.key}>
              <h3>{s.title}</h3>
              {s.subtitle && <p className="paper__subtitle">{s.subtitle}</p>}
              <SectionText blocks={s.blocks} />
            </li>
          ))}
        </ol>
      </section>
      <section className="paper__section">
        <h2>C. {decisions?.title ?? 'Keputusan/Kesimpulan'}</h2>
        <SectionText blocks={decisions?.blocks ?? []} />
      </section>
      <section className="paper__section">
        <h2>D. Tindak Lanjut</h2>
        {head && rows.length > 0 ? (
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
        ) : (
          <p>—</p>
        )}
      </section>
      <section className="paper__section">
        <h2>E. {closing?.title ?? 'Penutup'}</h2>
        <SectionText blocks={closing?.blocks ?? []} />
      </section>
    </>
  );
}

/** "Lampiran II" over the annex's title, as the document heads it. */
function AnnexHeading({ title }: { title: string }) {
  const m = /^(Lampiran [IVXL]+) (.*)$/.exec(title);
  return (
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
  );
}

/** A run of pages: as tall as whole pages, with each page's end marked and numbered. */
function Sheet({
  style,
  pageHeight,
  testId,
  index,
  firstPage,
  onPages,
  children,
}: {
  style: CSSProperties;
  pageHeight: number;
  testId: string;
  index: number;
  firstPage: number;
  onPages(index: number, pages: number): void;
  children: ReactNode;
}) {
  const t = useT();
  const ref = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState(1);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      // The content's own height (the min-height set below does not count).
      const content = [...el.children]
        .filter((c) => !c.classList.contains('paper__page-no'))
        .reduce((h, c) => Math.max(h, (c as HTMLElement).offsetTop + (c as HTMLElement).offsetHeight), 0);
      setPages(Math.max(1, Math.ceil((content + parseFloat(getComputedStyle(el).paddingBottom || '0')) / pageHeight)));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver(measure);
    for (const c of el.children) ro.observe(c);
    return () => ro.disconnect();
  });
  useEffect(() => onPages(index, pages), [onPages, index, pages]);
  return (
    <div
      ref={ref}
      className="paper"
      data-testid={testId}
      data-pages={pages}
      style={{ ...style, height: `${pages * pageHeight}px`, backgroundSize: `100% ${pageHeight}px` }}
    >
      {children}
      {Array.from({ length: pages }, (_, i) => (
        <span key={i} className="paper__page-no" aria-hidden="true" style={{ top: `${(i + 1) * pageHeight - 24}px` }}>
          {t('minutes.previewPage', { n: firstPage + i })}
        </span>
      ))}
      {/* Across every page, so that a screenshot of it is not taken for the document. */}
      {Array.from({ length: pages }, (_, i) => (
        <span
          key={`w${i}`}
          className="paper__page-no paper__watermark"
          aria-hidden="true"
          style={{ top: `${(i + 0.5) * pageHeight}px` }}
        >
          {t('minutes.tabPreview')}
        </span>
      ))}
    </div>
  );
}
