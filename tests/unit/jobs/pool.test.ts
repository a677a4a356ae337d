import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { JobError } from '../../../electron/core/jobs/errors';
import { createJobPool, defaultPoolSize, WorkerExitError, type JobPool } from '../../../electron/core/jobs/pool';

const pools: JobPool[] = [];
function pool(size = 1): { jobs: JobPool; logged: string[] } {
  const logged: string[] = [];
  const jobs = createJobPool({ size, log: (m) => logged.push(m) });
  pools.push(jobs);
  return { jobs, logged };
}

afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('job pool', () => {
  it('runs a job in a worker thread and returns its bytes', async () => {
    const { jobs } = pool();
    const input = Uint8Array.from([1, 2, 3, 250]);
    const out = await jobs.run('pool.echo', { bytes: input });
    expect(out).toBeInstanceOf(Uint8Array);
    expect(Array.from(out)).toEqual([250, 3, 2, 1]);
    // The input was copied, not moved: the caller's array is intact.
    expect(Array.from(input)).toEqual([1, 2, 3, 250]);
    expect(jobs.threads).toBe(1);
  });

  it('a job that throws comes back as a rejected promise with the worker stack; the worker keeps serving', async () => {
    const { jobs } = pool();
    const err = await jobs.run('pool.fail', { message: 'kaputt' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(JobError);
    expect((err as Error).message).toContain('kaputt');
    expect((err as Error).stack).toContain('in worker');
    expect(Array.from(await jobs.run('pool.echo', { bytes: Uint8Array.from([7, 8]) }))).toEqual([8, 7]);
    expect(jobs.threads).toBe(1);
  });

  it('background jobs wait for every queued job and run one at a time', async () => {
    const { jobs } = pool(2);
    const done: string[] = [];
    const track = (name: string, p: Promise<unknown>) => p.then(() => done.push(name));
    const bytes = () => Uint8Array.from([1]);
    // Two background jobs first, then two that a user waits for: the user's start at once, and
    // the background ones never occupy both threads.
    const all = [
      track('bg1', jobs.runInBackground('pool.echo', { bytes: bytes() })),
      track('bg2', jobs.runInBackground('pool.echo', { bytes: bytes() })),
      track('fg1', jobs.run('pool.echo', { bytes: bytes() })),
      track('fg2', jobs.run('pool.echo', { bytes: bytes() })),
    ];
    await Promise.all(all);
    // bg1 started on the first free thread before anything else was queued; bg2 waited for the
    // foreground jobs queued after it, and for bg1.
    expect(done.indexOf('bg2')).toBeGreaterThan(done.indexOf('fg1'));
    expect(done.indexOf('bg2')).toBeGreaterThan(done.indexOf('fg2'));
    expect(done.indexOf('bg2')).toBeGreaterThan(done.indexOf('bg1'));
  });

  it('an unknown job is refused in the worker, not a crash', async () => {
    const { jobs } = pool();
    await expect(jobs.run('no.such.job' as 'pool.echo', { bytes: new Uint8Array(1) })).rejects.toThrow(/unknown job/);
    expect(Array.from(await jobs.run('pool.echo', { bytes: Uint8Array.from([1]) }))).toEqual([1]);
  });

  it('an AppError from a job stays an AppError (code and details kept for the result envelope)', async () => {
    const { jobs } = pool();
    const bad = { engagementId: 'x', fileName: 'p.csv', data: '' };
    const err = await jobs
      .run('import.preview', { dbFile: '/nonexistent/none.sqlite', request: bad, lang: 'en' })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('VALIDATION');
    expect((err as AppError).details?.issues?.[0]?.code).toBe('notATable.empty');
  });

  it('a worker that dies fails only its job and is replaced', async () => {
    const { jobs, logged } = pool();
    const first = jobs.run('pool.exit', { code: 3 });
    // Queued behind the dying job: it must still run, on a new worker.
    const queued = jobs.run('pool.echo', { bytes: Uint8Array.from([4, 5, 6]) });
    const err = await first.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(WorkerExitError);
    expect((err as Error).message).toContain('exit code 3');
    expect(Array.from(await queued)).toEqual([6, 5, 4]);
    expect(jobs.threads).toBe(1);
    expect(logged.some((m) => m.includes('stopped during a job'))).toBe(true);
  });

  it('runs jobs side by side up to its size', async () => {
    const { jobs } = pool(2);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => jobs.run('pool.echo', { bytes: Uint8Array.from([i, 9]) })),
    );
    expect(results.map((r) => Array.from(r))).toEqual(Array.from({ length: 6 }, (_, i) => [9, i]));
    expect(jobs.threads).toBeLessThanOrEqual(2);
  });

  it('close() rejects new and queued jobs and stops the workers', async () => {
    const { jobs } = pool();
    const running = jobs.run('pool.echo', { bytes: new Uint8Array(4) }).catch((e: unknown) => e);
    const queued = jobs.run('pool.echo', { bytes: new Uint8Array(4) }).catch((e: unknown) => e);
    await jobs.close();
    expect(String(await running)).toMatch(/closed/);
    expect(String(await queued)).toMatch(/closed/);
    await expect(jobs.run('pool.echo', { bytes: new Uint8Array(1) })).rejects.toThrow(/closed/);
    expect(jobs.threads).toBe(0);
  });

  it('warms up one worker ahead of the first job when asked', async () => {
    const jobs = createJobPool({ size: 2, warmUpAfterMs: 0, log: () => {} });
    pools.push(jobs);
    expect(jobs.threads).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(jobs.threads).toBe(1);
    expect(Array.from(await jobs.run('pool.echo', { bytes: Uint8Array.from([1, 2]) }))).toEqual([2, 1]);
  });

  it('sizes itself from the cores: at least one thread, at most two', () => {
    const n = defaultPoolSize();
    expect(n).toBeGreaterThanOrEqual(1);
    expect(n).toBeLessThanOrEqual(2);
  });
});
