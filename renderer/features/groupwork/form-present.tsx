import { useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { FormDef, OutputValues } from '../../../shared/forms';
import {
  CELL_SEPARATOR,
  presentPages,
  PRESENT_CHARS_PER_LINE,
  PRESENT_LINES_PER_PAGE,
  type PresentBlock,
} from '../../../shared/forms/present';
import { translate } from '../../../shared/i18n';
import type { Language } from '../../../shared/languages';
import './form-present.css';

/**
 * A group's output on the projector (pleno): the form's title, then one page of what the group
 * wrote, in type readable from the back of the room; long lists and tables run over pages
 * ("Halaman 2/3") laid out by `presentPages`. Draws inside the projector's stage (put
 * data-surface="projector" on <html>). No help texts, no facilitator notes, no signature images.
 */
export interface FormPresentProps {
  form: FormDef;
  values: OutputValues;
  /** The engagement's OPD list (OPD cells hold the name itself, so it is shown as written). */
  agencies?: readonly string[];
  language: Language;
  /**
   * Lines to a page. Without it the view measures its box and its type (so 4:3 and 16:9 each get
   * what fits), falling back to `PRESENT_LINES_PER_PAGE`.
   */
  pageSize?: number;
  /** 1-based; clamped to the pages there are. */
  page: number;
  /** Told how many pages the output takes (for the console's next/previous). */
  onPages?(count: number): void;
}

/** Line height of the body (var(--line-height-snug) on the projector) plus the gap between blocks. */
const LINE_EM = 1.33;
/** Average width of a character of Indonesian text in Arial-like type, in em (a little generous). */
const CHAR_EM = 0.54;

/** Lines and characters per line that fit the body box, measured; null until measured (or in jsdom). */
function useFit(ref: RefObject<HTMLDivElement | null>) {
  const [fit, setFit] = useState<{ lines: number; chars: number } | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const r = el.getBoundingClientRect();
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (!r.height || !r.width || !size) return;
      const lines = Math.floor(r.height / (size * LINE_EM));
      const chars = Math.floor(r.width / (size * CHAR_EM));
      setFit((f) => (f && f.lines === lines && f.chars === chars ? f : { lines, chars }));
    };
    measure();
    const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(measure) : null;
    observer?.observe(el);
    return () => observer?.disconnect();
  }, [ref]);
  return fit;
}

function Block({ b }: { b: PresentBlock }) {
  switch (b.kind) {
    case 'intro':
      return <p className="fp-intro">{b.text}</p>;
    case 'heading':
      return <h2 className={`fp-heading${b.continued ? ' fp-heading--continued' : ''}`}>{b.text}</h2>;
    case 'pair':
      return (
        <p className="fp-pair">
          <span className="fp-label">{b.label}:</span> {b.value}
        </p>
      );
    case 'text':
      return <p className="fp-text">{b.text}</p>;
    case 'item':
      return (
        <p className="fp-item">
          <span className="fp-item__n">{b.n}.</span> <span>{b.text}</span>
        </p>
      );
    case 'group':
      return <h3 className="fp-group">{b.text}</h3>;
    case 'row':
      return (
        <div className="fp-row">
          <p className="fp-row__title">{b.title}</p>
          {b.lines.map((line, i) => (
            <p key={i} className="fp-row__line">
              {line.map((c, j) => (
                <span key={j} className="fp-row__cell">
                  {j > 0 && <span className="fp-row__sep">{CELL_SEPARATOR}</span>}
                  <span className="fp-label">{c.label}:</span> {c.value}
                </span>
              ))}
            </p>
          ))}
        </div>
      );
    case 'empty':
      return <p className="fp-empty">{b.text}</p>;
  }
}

export function FormPresent({ form, values, language, pageSize, page, onPages }: FormPresentProps) {
  const body = useRef<HTMLDivElement>(null);
  const fit = useFit(body);
  const pages = presentPages(
    form,
    values,
    language,
    pageSize ?? fit?.lines ?? PRESENT_LINES_PER_PAGE,
    fit?.chars ?? PRESENT_CHARS_PER_LINE,
  );
  const n = Math.min(Math.max(1, Math.round(page) || 1), pages.length);
  const onPagesRef = useRef(onPages);
  onPagesRef.current = onPages;
  useLayoutEffect(() => onPagesRef.current?.(pages.length), [pages.length]);
  return (
    <section className="fp" aria-label={form.title[language]} data-testid="form-present">
      <h1 className="fp-title">{form.title[language]}</h1>
      <div className="fp-body" ref={body} data-lines={fit?.lines} data-chars={fit?.chars}>
        {pages[n - 1].blocks.map((b, i) => (
          <Block key={i} b={b} />
        ))}
      </div>
      {/* Always there, so the body's measured height does not depend on the number of pages. */}
      <p
        className={`fp-page${pages.length < 2 ? ' fp-page--single' : ''}`}
        data-testid="form-present-page"
        aria-hidden={pages.length < 2}
      >
        {translate(language, 'groupwork.page', { page: n, pages: pages.length })}
      </p>
    </section>
  );
}
