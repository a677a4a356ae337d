import type { Participant } from '../../../shared/attendance';
import type { ChangeEvent } from '../../../shared/domain';
import type { participantOps } from '../../../shared/contract/participants';
import type { DocumentService } from '../documents/service';
import type { SliceImplementations } from '../handlers';
import type { ImportService } from './imports';
import type { ParticipantService } from './service';

/** A register change carries the person as they are now, so open registers patch themselves. */
const changed = (p: Participant, action: ChangeEvent['action']): ChangeEvent => ({
  entity: 'participant',
  id: p.id,
  action,
  engagementId: p.engagementId,
  record: p,
});

/** The register operations of the contract, on the participant and import services. */
export function participantApp(
  participants: ParticipantService,
  imports: ImportService,
  documents: DocumentService,
): SliceImplementations<typeof participantOps> {
  return {
    'participants.list': ({ engagementId }) => participants.list(engagementId),
    'participants.create': ({ engagementId, ...values }) => {
      const p = participants.create(engagementId, values);
      return { value: p, events: [changed(p, 'created')] };
    },
    'participants.update': ({ id, patch }) => {
      const p = participants.update(id, patch);
      return { value: p, events: [changed(p, 'updated')] };
    },
    'participants.delete': ({ id }) => {
      const p = participants.delete(id);
      return { value: p, events: [changed(p, 'deleted')] };
    },
    'participants.restore': ({ id }) => {
      const p = participants.restore(id);
      return { value: p, events: [changed(p, 'restored')] };
    },
    'participants.merge': ({ survivorId, duplicateId }) => {
      const p = participants.merge(survivorId, duplicateId);
      const gone: ChangeEvent = {
        entity: 'participant',
        id: duplicateId,
        action: 'deleted',
        engagementId: p.engagementId,
      };
      return { value: p, events: [changed(p, 'updated'), gone] };
    },
    'participants.importPreview': (req) => imports.preview(req),
    'participants.importCommit': async (req) => {
      const r = await imports.commit(req);
      // One event for the whole import, without records: open registers reload once; and the
      // engagement's, when its OPD list gained an OPD or an alias.
      const events: ChangeEvent[] = [
        { entity: 'participant', id: '*', action: 'created', engagementId: req.engagementId },
      ];
      if (r.opdsAdded + r.aliasesSaved > 0) {
        events.push({ entity: 'engagement', id: req.engagementId, action: 'updated', engagementId: req.engagementId });
      }
      return { value: r, events };
    },
    'participants.export': ({ engagementId, format }) => documents.registerFile(engagementId, format),
  };
}
