import fs from 'node:fs';
import { build } from 'esbuild';
import path from 'node:path';

/**
 * The bundle settings, read from one file that electron/core/jobs/worker-url.ts also reads (the
 * same bundle made from source under vitest): split, so that what a job loads on first use (the
 * document builders and docx) is a chunk of its own, loaded then rather than at the worker's start.
 */
export const WORKER_BUILD = JSON.parse(fs.readFileSync(new URL('./jobs-worker-build.json', import.meta.url), 'utf8'));

/** Bundles the job worker (electron/core/jobs/worker.ts) into `outdir` as `jobs-worker.mjs`. */
export function buildJobsWorker(root, outdir, extra = {}) {
  return build({
    ...WORKER_BUILD,
    absWorkingDir: root,
    entryPoints: { 'jobs-worker': path.join(root, 'electron/core/jobs/worker.ts') },
    outdir: path.join(root, outdir),
    ...extra,
  });
}
