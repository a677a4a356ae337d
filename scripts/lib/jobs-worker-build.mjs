import { build } from 'esbuild';
import path from 'node:path';

/**
 * Bundles the job worker (electron/core/jobs/worker.ts) into `outdir` as `jobs-worker.mjs`, split
 * so that what a job loads on first use (the document builders and docx) is a chunk of its own,
 * loaded then rather than at the worker's start. Keep in step with WORKER_BUILD in
 * electron/core/jobs/worker-url.ts (the same bundle made from source under vitest).
 */
export function buildJobsWorker(root, outdir, extra = {}) {
  return build({
    absWorkingDir: root,
    entryPoints: { 'jobs-worker': path.join(root, 'electron/core/jobs/worker.ts') },
    outdir: path.join(root, outdir),
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'jobs-chunks/[name]-[hash]',
    ...extra,
  });
}
