import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type Ref,
} from 'react';
import { useT } from '../../i18n';
import { paintSegment, paintStart, paintStroke, paintTail, penWidth, strokesToPng, type Stroke } from './strokes';
import './signature-pad.css';

/** What a parent can ask of the pad. */
export interface SignaturePadHandle {
  /** The signature as PNG base64 (no `data:` prefix), 600×240, transparent; null when empty. */
  toPng(): string | null;
  isEmpty(): boolean;
  clear(): void;
  focus(): void;
}

interface Props {
  ref?: Ref<SignaturePadHandle>;
  /** Accessible name of the pad. */
  label: string;
  /** Called whenever the pad becomes empty or gets ink. */
  onEmptyChange?(empty: boolean): void;
  /** Enter on the focused pad (the parent saves when it can). */
  onSubmit?(): void;
  /** Escape on the focused pad. */
  onCancel?(): void;
  autoFocus?: boolean;
  /** Take all the height the parent gives (full-screen pad on a tablet). */
  fill?: boolean;
  /** Id of the element that says why the pad matters (e.g. "still empty"). */
  describedBy?: string;
}

/** Points closer than this (CSS px) to the last one add nothing but noise. */
const MIN_STEP = 0.8;

/**
 * A signature pad for mouse, pen and finger: pointer events with capture (the stroke follows the
 * pen outside the box), `touch-action: none` (the page does not scroll under a finger), backing
 * store sized by devicePixelRatio (sharp on HiDPI tablets), smooth quadratic strokes. Strokes live
 * in a ref, not in React state, so drawing never re-renders the screen.
 */
export function SignaturePad({ ref, label, onEmptyChange, onSubmit, onCancel, autoFocus, fill, describedBy }: Props) {
  const t = useT();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<Stroke[]>([]);
  const undone = useRef<Stroke[]>([]);
  const drawing = useRef<{ pointerId: number; stroke: Stroke; left: number; top: number } | null>(null);
  const scale = useRef(1);
  const [counts, setCounts] = useState({ strokes: 0, undone: 0 });
  const emptyRef = useRef(true);
  const onEmptyRef = useRef(onEmptyChange);
  onEmptyRef.current = onEmptyChange;

  const sync = useCallback(() => {
    setCounts({ strokes: strokes.current.length, undone: undone.current.length });
    const empty = strokes.current.length === 0;
    if (empty !== emptyRef.current) {
      emptyRef.current = empty;
      onEmptyRef.current?.(empty);
    }
  }, []);

  const context = useCallback(() => {
    const ctx = canvasRef.current?.getContext('2d') ?? null;
    ctx?.setTransform(scale.current, 0, 0, scale.current, 0, 0);
    return ctx;
  }, []);

  const repaint = useCallback(() => {
    const canvas = canvasRef.current;
    const ctx = context();
    if (!canvas || !ctx) return;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.restore();
    for (const s of strokes.current) paintStroke(ctx, s);
    if (drawing.current) paintStroke(ctx, drawing.current.stroke, false);
  }, [context]);

  // Size the backing store to the box on screen times devicePixelRatio, and repaint.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const resize = () => {
      const r = canvas.getBoundingClientRect();
      const dpr = window.devicePixelRatio || 1;
      const w = Math.max(1, Math.round(r.width * dpr));
      const h = Math.max(1, Math.round(r.height * dpr));
      scale.current = dpr;
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      repaint();
    };
    resize();
    const observer = typeof ResizeObserver !== 'undefined' ? new ResizeObserver(resize) : null;
    observer?.observe(canvas);
    // A zoom or a move to another display changes the ratio without resizing the box.
    window.addEventListener('resize', resize);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', resize);
    };
  }, [repaint]);

  useEffect(() => {
    if (autoFocus) canvasRef.current?.focus({ preventScroll: true });
  }, [autoFocus]);

  const clear = useCallback(() => {
    strokes.current = [];
    undone.current = [];
    drawing.current = null;
    repaint();
    sync();
  }, [repaint, sync]);

  const undo = () => {
    const s = strokes.current.pop();
    if (!s) return;
    undone.current.push(s);
    repaint();
    sync();
  };

  const redo = () => {
    const s = undone.current.pop();
    if (!s) return;
    strokes.current.push(s);
    repaint();
    sync();
  };

  useImperativeHandle(
    ref,
    () => ({
      toPng: () => strokesToPng(strokes.current),
      isEmpty: () => strokes.current.length === 0,
      clear,
      focus: () => canvasRef.current?.focus({ preventScroll: true }),
    }),
    [clear],
  );

  const addPoint = (e: { clientX: number; clientY: number; pointerType: string; pressure: number }) => {
    const d = drawing.current;
    if (!d) return;
    const p = { x: e.clientX - d.left, y: e.clientY - d.top, w: penWidth(e.pointerType, e.pressure) };
    const last = d.stroke[d.stroke.length - 1];
    if (last && Math.hypot(p.x - last.x, p.y - last.y) < MIN_STEP) return;
    d.stroke.push(p);
    const ctx = context();
    if (ctx && d.stroke.length >= 3) paintSegment(ctx, d.stroke, d.stroke.length - 1);
  };

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (drawing.current) return; // a second finger or the palm: ignore
    if (e.pointerType === 'mouse' && e.button !== 0) return;
    const canvas = e.currentTarget;
    canvas.focus({ preventScroll: true });
    try {
      canvas.setPointerCapture(e.pointerId);
    } catch {
      // Synthetic events without an active pointer cannot be captured; drawing still works.
    }
    const r = canvas.getBoundingClientRect();
    const start = { x: e.clientX - r.left, y: e.clientY - r.top, w: penWidth(e.pointerType, e.pressure) };
    drawing.current = { pointerId: e.pointerId, stroke: [start], left: r.left, top: r.top };
    const ctx = context();
    if (ctx) paintStart(ctx, drawing.current.stroke);
    e.preventDefault();
  };

  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drawing.current;
    if (!d || d.pointerId !== e.pointerId) return;
    // Fast pens send several samples per frame; use them all for a faithful line.
    const samples = typeof e.nativeEvent.getCoalescedEvents === 'function' ? e.nativeEvent.getCoalescedEvents() : [];
    if (samples.length > 0) for (const s of samples) addPoint(s);
    else addPoint(e);
  };

  const end = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drawing.current;
    if (!d || d.pointerId !== e.pointerId) return;
    drawing.current = null;
    const ctx = context();
    if (ctx) paintTail(ctx, d.stroke);
    strokes.current.push(d.stroke);
    undone.current = [];
    sync();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const mod = e.ctrlKey || e.metaKey;
    if (e.key === 'Enter' && onSubmit) {
      e.preventDefault();
      onSubmit();
    } else if (e.key === 'Escape' && onCancel) {
      e.preventDefault();
      onCancel();
    } else if (mod && e.key.toLowerCase() === 'z' && !e.shiftKey) {
      e.preventDefault();
      undo();
    } else if (mod && (e.key.toLowerCase() === 'y' || (e.shiftKey && e.key.toLowerCase() === 'z'))) {
      e.preventDefault();
      redo();
    }
  };

  const empty = counts.strokes === 0;
  return (
    <div className={`sigpad${fill ? ' sigpad--fill' : ''}${empty ? ' sigpad--empty' : ''}`}>
      <div className="sigpad__area">
        <canvas
          ref={canvasRef}
          className="sigpad__canvas"
          role="img"
          tabIndex={0}
          aria-label={label}
          aria-describedby={describedBy}
          data-empty={empty}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={end}
          onPointerCancel={end}
          onLostPointerCapture={end}
          onKeyDown={onKeyDown}
        />
        <span className="sigpad__line" aria-hidden="true">
          ×
        </span>
        {empty && (
          <span className="sigpad__placeholder" aria-hidden="true">
            {t('checkin.signHere')}
          </span>
        )}
      </div>
      <div className="sigpad__tools">
        <button type="button" className="btn btn--small" onClick={undo} disabled={counts.strokes === 0}>
          ↶ {t('checkin.undo')}
        </button>
        <button type="button" className="btn btn--small" onClick={redo} disabled={counts.undone === 0}>
          ↷ {t('checkin.redo')}
        </button>
        <button
          type="button"
          className="btn btn--small btn--danger"
          onClick={clear}
          disabled={empty && counts.undone === 0}
        >
          {t('checkin.clear')}
        </button>
      </div>
    </div>
  );
}
