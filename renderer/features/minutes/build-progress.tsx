import { useEffect, useState } from 'react';
import type { MinutesProgress } from '../../../shared/minutes';
import { useT } from '../../i18n';
import { call } from '../../lib/api';

/** How often the page asks how far the DOCX is while one is being built. */
export const PROGRESS_POLL_MS = 300;

/**
 * The busy line of an export or a finalize: what is being done, and — asked of the core while it
 * runs — which phase the worker is in (gathering the record, drawing the chart, building, saving)
 * and for how many seconds. Shown only while the build runs (mount it then).
 */
export function BuildProgress({ workshopId, label }: { workshopId: string; label: string }) {
  const t = useT();
  const [progress, setProgress] = useState<MinutesProgress>(null);
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    let alive = true;
    const poll = async () => {
      const r = await call('minutes.progress', { workshopId });
      if (alive && r.ok) setProgress(r.value);
    };
    void poll();
    const timer = setInterval(() => {
      setSeconds(Math.floor((Date.now() - started) / 1000));
      void poll();
    }, PROGRESS_POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [workshopId]);
  return (
    <span className="minutes-busy" role="status" data-testid="build-progress">
      <span className="minutes-spinner" aria-hidden="true" /> {label}
      {progress && (
        <span className="minutes-busy__phase">
          {' '}
          {t('minutes.progress', {
            step: Math.max(1, progress.step),
            steps: Math.max(1, progress.steps, progress.step),
            phase: t(`minutes.phases.${progress.phase}`),
            seconds,
          })}
        </span>
      )}
    </span>
  );
}
