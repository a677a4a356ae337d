import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { deserializeError } from './errors';
import type { JobInput, JobKind, JobOutput, JobProgress, JobProgressMessage, JobReply, JobRequest } from './types';
import { jobsWorkerUrl } from './worker-url';

export interface JobPoolOptions {
  /** Number of worker threads (default: `defaultPoolSize()`). */
  size?: number;
  /** The worker script (default: the bundled `jobs-worker.mjs` beside the running code). */
  workerUrl?: URL;
  log?(message: string, error?: unknown): void;
  /**
   * Start one worker this long after the pool is made, so the user's first import or export does
   * not wait for a thread to start (a second or more on a busy laptop). Off when not given.
   */
  warmUpAfterMs?: number;
}

/**
 * One thread per core beyond the first, at least one, at most two: the first core stays with the
 * process that answers calls, and a third worker would only queue behind SQLite's single writer.
 */
export function defaultPoolSize(): number {
  return Math.min(2, Math.max(1, os.availableParallelism() - 1));
}

/** A worker stopped while it was running a job (crash, `process.exit`, out of memory). */
export class WorkerExitError extends Error {
  constructor(kind: string, code: number) {
    super(`${kind}: worker stopped with exit code ${code}`);
    this.name = 'WorkerExitError';
  }
}

interface Pending {
  id: number;
  kind: JobKind;
  input: unknown;
  transfer: ArrayBuffer[];
  /** Work nobody waits for (signature crops): after every other queued job, one at a time. */
  background: boolean;
  onProgress?: (p: JobProgress) => void;
  resolve(value: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  job: Pending | null;
}

/**
 * A small pool of `worker_threads` for work that takes longer than a frame (documents, reading
 * import files, the import's insert): the thread that answers calls only posts a message and
 * awaits the reply. Workers start on the first job (an app that never exports pays nothing); a job
 * that throws comes back as a rejected promise, and a worker that dies is replaced.
 */
export class JobPool {
  readonly size: number;
  private readonly url: URL | null;
  private readonly log: (message: string, error?: unknown) => void;
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private warmUp: ReturnType<typeof setTimeout> | null = null;

  constructor(opts: JobPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(opts.size ?? defaultPoolSize()));
    this.url = opts.workerUrl ?? null;
    this.log = opts.log ?? ((m, e) => console.error(`[bimtek] ${m}`, e ?? ''));
    if (opts.warmUpAfterMs !== undefined) {
      this.warmUp = setTimeout(() => {
        this.warmUp = null;
        if (!this.closed && this.slots.length === 0) this.spawn();
      }, opts.warmUpAfterMs);
      // Never what keeps a process alive.
      this.warmUp.unref();
    }
  }

  /** Workers running now (they start on demand and are replaced when one dies). */
  get threads(): number {
    return this.slots.length;
  }

  /** Run a job in a worker. `transfer` lists buffers of the input to move instead of copy. */
  run<K extends JobKind>(
    kind: K,
    input: JobInput<K>,
    transfer: ArrayBuffer[] = [],
    onProgress?: (p: JobProgress) => void,
  ): Promise<JobOutput<K>> {
    return this.enqueue(kind, input, transfer, false, onProgress);
  }

  /**
   * Run a job nobody is waiting for: it starts only when no other job is queued, and never two at
   * a time, so a user's export or import waits at most for one background job already running.
   */
  runInBackground<K extends JobKind>(kind: K, input: JobInput<K>): Promise<JobOutput<K>> {
    return this.enqueue(kind, input, [], true);
  }

  private enqueue<K extends JobKind>(
    kind: K,
    input: JobInput<K>,
    transfer: ArrayBuffer[],
    background: boolean,
    onProgress?: (p: JobProgress) => void,
  ): Promise<JobOutput<K>> {
    if (this.closed) return Promise.reject(new Error(`${kind}: the job pool is closed`));
    return new Promise<JobOutput<K>>((resolve, reject) => {
      this.queue.push({
        id: this.nextId++,
        kind,
        input,
        transfer,
        background,
        onProgress,
        resolve: resolve as (v: unknown) => void,
        reject,
      });
      this.pump();
    });
  }

  /** The queued job to start next: the first foreground one, else a background one if none runs. */
  private nextQueued(): number {
    const foreground = this.queue.findIndex((p) => !p.background);
    if (foreground >= 0) return foreground;
    if (this.slots.some((s) => s.job?.background)) return -1;
    return this.queue.findIndex((p) => p.background);
  }

  /** Stop every worker; jobs still queued or running are rejected. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.warmUp) clearTimeout(this.warmUp);
    const gone = new Error('the job pool was closed');
    for (const p of this.queue.splice(0)) p.reject(gone);
    const slots = this.slots.splice(0);
    for (const s of slots) {
      const job = s.job;
      // Cleared first, so the exit that follows is not logged as a worker lost during a job.
      s.job = null;
      job?.reject(gone);
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private pump(): void {
    for (;;) {
      const next = this.nextQueued();
      if (next < 0) return;
      let slot = this.slots.find((s) => s.job === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const job = this.queue.splice(next, 1)[0];
      slot.job = job;
      // A busy worker keeps the process alive until its reply arrives; an idle one never does.
      slot.worker.ref();
      const msg: JobRequest = { id: job.id, kind: job.kind, input: job.input };
      try {
        slot.worker.postMessage(msg, job.transfer);
      } catch (e) {
        // Input that cannot be cloned (a function, a class instance): the caller's mistake.
        slot.job = null;
        slot.worker.unref();
        job.reject(e as Error);
      }
    }
  }

  private spawn(): Slot {
    const worker = new Worker(this.url ?? jobsWorkerUrl(), { name: 'bimtek-jobs' });
    const slot: Slot = { worker, job: null };
    worker.unref();
    worker.on('message', (reply: JobReply | JobProgressMessage) => {
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      if ('progress' in reply) {
        job.onProgress?.(reply.progress);
        return;
      }
      slot.job = null;
      worker.unref();
      if (reply.ok) job.resolve(reply.value);
      else job.reject(deserializeError(job.kind, reply.error));
      this.pump();
    });
    worker.on('error', (e) => {
      // An exception outside a job's promise (the worker then exits): the job it ran fails.
      this.log(`job worker error${slot.job ? ` during ${slot.job.kind}` : ''}`, e);
      const job = slot.job;
      slot.job = null;
      // The worker is going: no further job may be posted to it (the exit replaces it).
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      job?.reject(e);
    });
    worker.on('exit', (code) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      const job = slot.job;
      slot.job = null;
      if (job) {
        const e = new WorkerExitError(job.kind, code);
        this.log('job worker stopped during a job', e);
        job.reject(e);
      }
      // The next queued job starts a replacement.
      if (!this.closed) this.pump();
    });
    this.slots.push(slot);
    return slot;
  }
}

export function createJobPool(opts: JobPoolOptions = {}): JobPool {
  return new JobPool(opts);
}
