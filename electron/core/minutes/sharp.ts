import sharp from 'sharp';

/**
 * sharp as the minutes use it (photos for Lampiran V, the quick-win chart for Lampiran IV), set up
 * once for the process. This runs in a job worker thread, never on the thread answering calls.
 *
 * Threads: libvips does its work on libuv's thread pool and its own threads, never on a JS
 * thread, so a large photo does not block the worker's event loop, let alone the thread that
 * answers calls. What it can do is take every core: by default libvips gives one image as many
 * threads as the machine has cores (except on glibc Linux, where sharp already starts at 1), and
 * the job pool runs up to two workers on a two-core laptop. One libvips thread per image keeps a
 * photo to one core, so two jobs at once still leave the process answering calls a fair share (a
 * 12-megapixel phone photo still takes well under a second). `sharp.concurrency` is per process
 * (all workers share one libvips), so it is set here once; calling it again is harmless.
 *
 * The libvips operation cache is off: every photo is different, so it would only hold memory.
 */
sharp.concurrency(1);
sharp.cache(false);

export { sharp };
