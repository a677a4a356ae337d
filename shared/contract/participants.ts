import { z } from 'zod';
import {
  FilePayload,
  ImportPreview,
  ImportRequest,
  ImportResult,
  Participant,
  ParticipantInput,
  ParticipantPatch,
} from '../attendance';
import type { ChangeEvent } from '../domain';
import { idSchema } from '../domain';
import { normalizeName } from '../names';
import { participantFor } from '../privacy';
import { ById, mutation, ONLY_FACILITATOR, query, SELF_CHECKIN } from './define';

const ByEngagement = z.strictObject({ engagementId: idSchema });

/** The register's order: by normalised name (titles and case ignored), then id — as the store sorts. */
const registerOrder = (a: Participant, b: Participant) => {
  const ka = normalizeName(a.name);
  const kb = normalizeName(b.name);
  return ka < kb ? -1 : ka > kb ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
};

/**
 * Apply a participant change event to an open register: the changed person is replaced, inserted
 * in order or removed. Bulk changes (an import) carry no record: the view reloads.
 */
export function patchRegister(list: Participant[], e: ChangeEvent, engagementId: string): Participant[] | undefined {
  if (e.entity !== 'participant' || e.id === '*') return undefined;
  if (e.engagementId !== engagementId) return list;
  if (e.action === 'deleted') {
    const rest = list.filter((p) => p.id !== e.id);
    return rest.length === list.length ? list : rest;
  }
  const parsed = Participant.safeParse(e.record);
  if (!parsed.success) return undefined;
  const person = parsed.data;
  const rest = list.filter((p) => p.id !== person.id);
  const at = rest.findIndex((p) => registerOrder(person, p) < 0);
  return at < 0 ? [...rest, person] : [...rest.slice(0, at), person, ...rest.slice(at)];
}

/** The participant register of an engagement (people come to every stage) and its files. */
export const participantOps = {
  /** The register of an engagement, by name. Self check-in screens get phones masked and no e-mail. */
  'participants.list': query({
    input: ByEngagement,
    output: z.array(Participant),
    roles: SELF_CHECKIN,
    reads: ['participant'],
    redact: (list, role) => list.map((p) => participantFor(role, p)),
    patch: (list, e, input) => patchRegister(list, e, input.engagementId),
  }),
  /** Add a person to the register (by hand, or a walk-in at the door). */
  'participants.create': mutation({
    input: ParticipantInput,
    output: Participant,
    roles: ONLY_FACILITATOR,
    changes: ['participant'],
  }),
  /** Change some fields of a person. */
  'participants.update': mutation({
    input: z.strictObject({ id: idSchema, patch: ParticipantPatch }),
    output: Participant,
    roles: ONLY_FACILITATOR,
    changes: ['participant'],
  }),
  /** Remove a person from the register (undoable with `participants.restore`). */
  'participants.delete': mutation({
    input: ById,
    output: Participant,
    roles: ONLY_FACILITATOR,
    changes: ['participant'],
  }),
  /** Bring a removed person back. */
  'participants.restore': mutation({
    input: ById,
    output: Participant,
    roles: ONLY_FACILITATOR,
    changes: ['participant'],
  }),
  /** Merge a duplicate into a survivor; check-ins and signatures follow the survivor. */
  'participants.merge': mutation({
    input: z.strictObject({ survivorId: idSchema, duplicateId: idSchema }),
    output: Participant,
    roles: ONLY_FACILITATOR,
    changes: ['participant'],
  }),
  /** Read a CSV/XLSX file and say, row by row, what an import would do. Writes nothing. */
  'participants.importPreview': query({
    input: ImportRequest,
    output: ImportPreview,
    roles: ONLY_FACILITATOR,
    reads: [],
  }),
  /**
   * Import the new rows of a file in one transaction (duplicates and invalid rows are skipped),
   * with the agency choices applied; those that add an OPD or save an alias change the
   * engagement's OPD list in the same transaction.
   */
  'participants.importCommit': mutation({
    input: ImportRequest.extend({
      headerIndex: z.number().int().min(0),
      mapping: ImportRequest.shape.mapping.unwrap(),
    }),
    output: ImportResult,
    roles: ONLY_FACILITATOR,
    changes: ['participant', 'engagement'],
  }),
  /** The register as a CSV (semicolon, BOM) or XLSX file. */
  'participants.export': query({
    input: z.strictObject({ engagementId: idSchema, format: z.enum(['csv', 'xlsx'], { error: 'invalid' }) }),
    output: FilePayload,
    roles: ONLY_FACILITATOR,
    reads: [],
  }),
};
