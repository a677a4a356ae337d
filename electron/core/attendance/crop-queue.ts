import type { JobPool } from '../jobs/pool';
import type { SignatureCropService } from '../store/signature-crops';

/** At most this many signatures per job: a user's export waits for one job at most (~0.1 s). */
const BATCH = 24;

interface Deps {
  jobs: JobPool;
  dbFile: string;
  /** Stores what the worker made (on the app's connection). */
  crops: Pick<SignatureCropService, 'save'>;
  log(message: string, error?: unknown): void;
}

/**
 * Signatures stored by check-ins, cropped to their ink afterwards in the job pool (as background
 * jobs, in batches), never on the thread that answers calls; that thread only inserts the
 * results (a few small rows per batch). A crop that fails or is lost (the app
 * closed first) only means the daftar hadir crops that signature itself.
 */
export function createCropQueue(d: Deps) {
  const pending = new Set<string>();
  let running: Promise<void> | null = null;

  const drain = async () => {
    while (pending.size > 0) {
      const hashes = [...pending].slice(0, BATCH);
      for (const h of hashes) pending.delete(h);
      try {
        d.crops.save(await d.jobs.runInBackground('signatures.crop', { dbFile: d.dbFile, hashes }));
      } catch (e) {
        // Closing the app closes the pool: the crops left are made at export instead.
        if (e instanceof Error && /pool (is|was) closed/.test(e.message)) continue;
        d.log('cropping signatures failed (the daftar hadir crops them itself)', e);
      }
    }
  };

  const kick = () => {
    if (running || pending.size === 0) return;
    running = drain().finally(() => {
      running = null;
      kick();
    });
  };

  return {
    /** A signature just committed: crop it soon. */
    add(hash: string): void {
      pending.add(hash);
      kick();
    },
    /** Resolves once every signature added so far is cropped (or failed): tests and shutdown. */
    async idle(): Promise<void> {
      while (running) await running;
    },
  };
}

export type CropQueue = ReturnType<typeof createCropQueue>;
