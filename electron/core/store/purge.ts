import type { Database } from 'better-sqlite3';

/** How many rows of each table a purge removed for good. */
export interface PurgeCounts {
  runEvents: number;
  agendaSteps: number;
  attendance: number;
  participants: number;
  workshopDays: number;
  workshops: number;
  engagements: number;
  /** Crops of signatures no remaining row names (see migration 6). */
  signatureCrops: number;
  blobs: number;
}

/**
 * Really delete what was soft-deleted before `olderThan` (a UTC ISO timestamp), in one
 * transaction. Everyday deletes only set `deleted_at`; this is the separate, explicit step that
 * frees the space once a merge of laptops no longer needs to carry those deletions.
 *
 * A row goes with its parent: the days and workshops of a purged engagement, the attendance of a
 * purged day or person, whatever their own `deleted_at`. A person still named on a row that stays
 * (as someone's representative, or as the survivor a duplicate was merged into) stays too.
 * Images (blobs) stored before `olderThan` go once no remaining row refers to them.
 */
export function purgeDeleted(db: Database, olderThan: string): PurgeCounts {
  const ids = (sql: string, ...params: unknown[]) =>
    new Set(
      db
        .prepare(sql)
        .pluck()
        .all(...params) as string[],
    );
  const list = (set: Set<string>) => JSON.stringify([...set]);
  const IN = 'IN (SELECT value FROM json_each(?))';

  return db.transaction((): PurgeCounts => {
    const engagements = ids('SELECT id FROM engagements WHERE deleted_at < ?', olderThan);
    const workshops = ids(
      `SELECT id FROM workshops WHERE deleted_at < ? OR engagement_id ${IN}`,
      olderThan,
      list(engagements),
    );
    const days = ids(
      `SELECT id FROM workshop_days WHERE deleted_at < ? OR workshop_id ${IN}`,
      olderThan,
      list(workshops),
    );
    const participants = ids(
      `SELECT id FROM participants WHERE deleted_at < ? OR engagement_id ${IN}`,
      olderThan,
      list(engagements),
    );
    let attendance: Set<string>;
    for (;;) {
      attendance = ids(
        `SELECT id FROM attendance WHERE deleted_at < ? OR day_id ${IN} OR participant_id ${IN}`,
        olderThan,
        list(days),
        list(participants),
      );
      const held = ids(
        `SELECT represented_by FROM attendance WHERE represented_by ${IN} AND id NOT ${IN}
         UNION SELECT merged_into FROM participants WHERE merged_into ${IN} AND id NOT ${IN}`,
        list(participants),
        list(attendance),
        list(participants),
        list(participants),
      );
      if (held.size === 0) break;
      // Keeping someone can keep their own rows too, so look again until nothing changes.
      for (const id of held) participants.delete(id);
    }

    const steps = ids(
      `SELECT id FROM agenda_steps WHERE deleted_at < ? OR day_id ${IN} OR workshop_id ${IN}`,
      olderThan,
      list(days),
      list(workshops),
    );
    const runEvents = ids(
      `SELECT id FROM run_events WHERE deleted_at < ? OR day_id ${IN} OR step_id ${IN}`,
      olderThan,
      list(days),
      list(steps),
    );
    // What a projector shows belongs to its workshop; a purged day just stops being its day.
    db.prepare(`DELETE FROM projector_state WHERE workshop_id ${IN}`).run(list(workshops));
    db.prepare(`UPDATE projector_state SET day_id = NULL WHERE day_id ${IN}`).run(list(days));

    const remove = (table: string, set: Set<string>) =>
      set.size === 0 ? 0 : db.prepare(`DELETE FROM ${table} WHERE id ${IN}`).run(list(set)).changes;
    // Children before parents: no foreign key cascades, so a row still pointing at a removed
    // one fails the statement and rolls the whole purge back instead of vanishing quietly.
    const counts = {
      runEvents: remove('run_events', runEvents),
      agendaSteps: remove('agenda_steps', steps),
      attendance: remove('attendance', attendance),
      participants: remove('participants', participants),
      workshopDays: remove('workshop_days', days),
      workshops: remove('workshops', workshops),
      engagements: remove('engagements', engagements),
    };
    // A signature's crops go with the last row that names the signature (its blobs just after).
    const signatureCrops = db
      .prepare(
        `DELETE FROM signature_crops WHERE created_at < ?
           AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.signature_hash = signature_crops.original_hash)`,
      )
      .run(olderThan).changes;
    const blobs = db
      .prepare(
        `DELETE FROM blobs WHERE created_at < ?
           AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.signature_hash = blobs.hash)
           AND NOT EXISTS (SELECT 1 FROM engagements e WHERE e.emblem_hash = blobs.hash)
           AND NOT EXISTS (SELECT 1 FROM signature_crops c
             WHERE blobs.hash IN (c.original_hash, c.crop_hash, c.bold_hash))`,
      )
      .run(olderThan).changes;
    return { ...counts, signatureCrops, blobs };
  })();
}
