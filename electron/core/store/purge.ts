import type { PurgeResult } from '../../../shared/contract/store';
import type { Database } from 'better-sqlite3';

/** What a purge removed, per kind of record: the contract's answer (one list of kinds). */
export type PurgeCounts = PurgeResult;

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
    const groups = ids(
      `SELECT id FROM groups WHERE deleted_at < ? OR day_id ${IN} OR workshop_id ${IN}`,
      olderThan,
      list(days),
      list(workshops),
    );
    const members = ids(
      `SELECT id FROM group_members WHERE deleted_at < ? OR group_id ${IN} OR day_id ${IN} OR participant_id ${IN}`,
      olderThan,
      list(groups),
      list(days),
      list(participants),
    );
    const outputs = ids(
      `SELECT id FROM group_outputs WHERE deleted_at < ? OR group_id ${IN} OR step_id ${IN}`,
      olderThan,
      list(groups),
      list(steps),
    );
    const cells = ids(`SELECT id FROM output_cells WHERE deleted_at < ? OR output_id ${IN}`, olderThan, list(outputs));
    const devices = ids(`SELECT id FROM group_devices WHERE deleted_at < ? OR group_id ${IN}`, olderThan, list(groups));
    const decisions = ids(
      `SELECT id FROM decisions WHERE deleted_at < ? OR workshop_id ${IN} OR day_id ${IN} OR step_id ${IN}`,
      olderThan,
      list(workshops),
      list(days),
      list(steps),
    );
    const actions = ids(
      `SELECT id FROM actions WHERE deleted_at < ? OR engagement_id ${IN}`,
      olderThan,
      list(engagements),
    );
    const history = ids(
      `SELECT id FROM action_history WHERE deleted_at < ? OR action_id ${IN}`,
      olderThan,
      list(actions),
    );
    const attachments = ids(
      `SELECT id FROM action_attachments WHERE deleted_at < ? OR action_id ${IN}`,
      olderThan,
      list(actions),
    );
    const qwSettings = ids(
      `SELECT id FROM quickwin_settings WHERE deleted_at < ? OR workshop_id ${IN}`,
      olderThan,
      list(workshops),
    );
    const qwScores = ids(
      `SELECT id FROM quickwin_scores WHERE deleted_at < ? OR workshop_id ${IN}`,
      olderThan,
      list(workshops),
    );
    const qwChoices = ids(
      `SELECT id FROM quickwin_choices WHERE deleted_at < ? OR workshop_id ${IN} OR action_id ${IN}`,
      olderThan,
      list(workshops),
      list(actions),
    );
    const minutesOf = (table: string) =>
      ids(`SELECT id FROM ${table} WHERE deleted_at < ? OR workshop_id ${IN}`, olderThan, list(workshops));
    const minutes = minutesOf('minutes');
    const minutesSections = minutesOf('minutes_sections');
    const minutesPhotos = minutesOf('minutes_photos');
    const minutesVersions = minutesOf('minutes_versions');
    // An action item outlives the workshop, step or decision it came from: it only forgets them.
    db.prepare(`UPDATE actions SET workshop_id = NULL WHERE workshop_id ${IN}`).run(list(workshops));
    db.prepare(`UPDATE actions SET step_id = NULL WHERE step_id ${IN}`).run(list(steps));
    db.prepare(`UPDATE actions SET decision_id = NULL WHERE decision_id ${IN}`).run(list(decisions));

    // A purged person stops being the rapporteur of a group that stays.
    db.prepare(`UPDATE groups SET rapporteur_id = NULL WHERE rapporteur_id ${IN}`).run(list(participants));

    // What a projector shows belongs to its workshop; a purged day just stops being its day, a
    // purged group or step just stops being presented.
    db.prepare(`DELETE FROM projector_state WHERE workshop_id ${IN}`).run(list(workshops));
    db.prepare(`UPDATE projector_state SET day_id = NULL WHERE day_id ${IN}`).run(list(days));
    db.prepare(
      `UPDATE projector_state SET group_id = NULL, output_step_id = NULL WHERE group_id ${IN} OR output_step_id ${IN}`,
    ).run(list(groups), list(steps));

    const remove = (table: string, set: Set<string>) =>
      set.size === 0 ? 0 : db.prepare(`DELETE FROM ${table} WHERE id ${IN}`).run(list(set)).changes;
    // Children before parents: no foreign key cascades, so a row still pointing at a removed
    // one fails the statement and rolls the whole purge back instead of vanishing quietly.
    const counts = {
      minutesVersions: remove('minutes_versions', minutesVersions),
      minutesPhotos: remove('minutes_photos', minutesPhotos),
      minutesSections: remove('minutes_sections', minutesSections),
      minutes: remove('minutes', minutes),
      quickwinChoices: remove('quickwin_choices', qwChoices),
      quickwinScores: remove('quickwin_scores', qwScores),
      quickwinSettings: remove('quickwin_settings', qwSettings),
      actionHistory: remove('action_history', history),
      actionAttachments: remove('action_attachments', attachments),
      actions: remove('actions', actions),
      decisions: remove('decisions', decisions),
      outputCells: remove('output_cells', cells),
      groupOutputs: remove('group_outputs', outputs),
      groupDevices: remove('group_devices', devices),
      groupMembers: remove('group_members', members),
      groups: remove('groups', groups),
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
           AND NOT EXISTS (SELECT 1 FROM output_cells c WHERE c.blob_hash = blobs.hash)
           AND NOT EXISTS (SELECT 1 FROM action_attachments t WHERE t.blob_hash = blobs.hash)
           AND NOT EXISTS (SELECT 1 FROM minutes_photos m WHERE blobs.hash IN (m.blob_hash, m.thumb_hash))
           AND NOT EXISTS (SELECT 1 FROM minutes_versions v WHERE v.docx_hash = blobs.hash)
           AND NOT EXISTS (SELECT 1 FROM signature_crops c
             WHERE blobs.hash IN (c.original_hash, c.crop_hash, c.bold_hash))`,
      )
      .run(olderThan).changes;
    return { ...counts, signatureCrops, blobs };
  })();
}
