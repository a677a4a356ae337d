import type { ChangeEvent } from '../../shared/domain';
import type { Implementations } from './handlers';
import type { Services } from './backend';
import type { SettingsStore } from './settings';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const dataUrl = (img: { mime: string; data: Uint8Array } | null) =>
  img ? `data:${img.mime};base64,${b64(img.data)}` : null;

/** One implementation per contract operation (except app.info), on parsed input. */
export function implementations(s: Services, settings: SettingsStore): Omit<Implementations, 'app.info'> {
  const { engagements, workshops, participants, attendance, imports, documents } = s;
  const eng = (id: string, action: ChangeEvent['action']): ChangeEvent[] => [
    { entity: 'engagement', id, action, engagementId: id },
  ];
  const person = (id: string, engagementId: string, action: ChangeEvent['action']): ChangeEvent[] => [
    { entity: 'participant', id, action, engagementId },
  ];
  const att = <E>(r: { entry: E; engagementId: string; workshopId: string }, dayId: string) => ({
    value: r.entry,
    events: [
      {
        entity: 'attendance',
        id: dayId,
        action: 'updated',
        engagementId: r.engagementId,
        workshopId: r.workshopId,
      } as ChangeEvent,
    ],
  });

  return {
    'settings.get': () => settings.get(),
    'settings.update': (patch) => ({
      value: settings.update(patch),
      events: [{ entity: 'settings', id: 'preferences', action: 'updated' }],
    }),

    'engagements.list': () => engagements.list(),
    'engagements.get': ({ id }) => engagements.get(id),
    'engagements.create': (input) => {
      const e = engagements.create(input);
      return { value: e, events: eng(e.id, 'created') };
    },
    'engagements.update': ({ id, patch }) => ({ value: engagements.update(id, patch), events: eng(id, 'updated') }),
    'engagements.delete': ({ id }) => ({ value: engagements.delete(id), events: eng(id, 'deleted') }),
    'engagements.restore': ({ id }) => ({ value: engagements.restore(id), events: eng(id, 'restored') }),
    'engagements.setEmblem': ({ id, image }) => ({
      value: engagements.setEmblem(id, image === null ? null : Buffer.from(image, 'base64')),
      events: eng(id, 'updated'),
    }),
    'engagements.emblem': ({ id }) => ({ dataUrl: dataUrl(engagements.emblem(id)) }),
    'engagements.verifyPin': ({ id, pin }) => ({ ok: engagements.verifyPin(id, pin) }),

    'workshops.list': ({ engagementId }) => workshops.list(engagementId),
    'workshops.get': ({ id }) => workshops.get(id),
    'workshops.create': ({ engagementId, ...input }) => {
      const w = workshops.create(engagementId, input);
      return {
        value: w,
        events: [{ entity: 'workshop', id: w.id, action: 'created', engagementId, workshopId: w.id }],
      };
    },
    'workshops.update': ({ id, patch }) => {
      const w = workshops.update(id, patch);
      return {
        value: w,
        events: [{ entity: 'workshop', id, action: 'updated', engagementId: w.engagementId, workshopId: id }],
      };
    },
    'workshops.delete': ({ id }) => {
      const { engagementId } = workshops.delete(id);
      return { value: { id }, events: [{ entity: 'workshop', id, action: 'deleted', engagementId, workshopId: id }] };
    },
    'workshops.restore': ({ id }) => {
      const w = workshops.restore(id);
      return {
        value: w,
        events: [{ entity: 'workshop', id, action: 'restored', engagementId: w.engagementId, workshopId: id }],
      };
    },

    'participants.list': ({ engagementId }) => participants.list(engagementId),
    'participants.create': ({ engagementId, ...values }) => {
      const p = participants.create(engagementId, values);
      return { value: p, events: person(p.id, engagementId, 'created') };
    },
    'participants.update': ({ id, patch }) => {
      const p = participants.update(id, patch);
      return { value: p, events: person(id, p.engagementId, 'updated') };
    },
    'participants.delete': ({ id }) => {
      const p = participants.delete(id);
      return { value: p, events: person(id, p.engagementId, 'deleted') };
    },
    'participants.restore': ({ id }) => {
      const p = participants.restore(id);
      return { value: p, events: person(id, p.engagementId, 'restored') };
    },
    'participants.merge': ({ survivorId, duplicateId }) => {
      const p = participants.merge(survivorId, duplicateId);
      return {
        value: p,
        events: [...person(survivorId, p.engagementId, 'updated'), ...person(duplicateId, p.engagementId, 'deleted')],
      };
    },
    'participants.importPreview': (req) => imports.preview(req),
    'participants.importCommit': async (req) => {
      const r = await imports.commit(req);
      // One event for the whole import: the register of this engagement changed.
      return {
        value: r,
        events: [{ entity: 'participant', id: '*', action: 'created', engagementId: req.engagementId }],
      };
    },
    'participants.export': ({ engagementId, format }) => documents.registerFile(engagementId, format),

    'attendance.day': ({ dayId }) => attendance.sheet(dayId),
    'attendance.checkIn': ({ dayId, participantId, signature }) =>
      att(attendance.checkIn(dayId, participantId, signature), dayId),
    'attendance.setStatus': ({ dayId, participantId, status, representedById }) =>
      att(attendance.setStatus(dayId, participantId, status, representedById), dayId),
    'attendance.checkOut': ({ dayId, participantId }) => att(attendance.checkOut(dayId, participantId), dayId),
    'attendance.setSignature': ({ dayId, participantId, signature }) =>
      att(attendance.setSignature(dayId, participantId, signature), dayId),
    'attendance.signature': ({ dayId, participantId }) => ({
      dataUrl: dataUrl(attendance.signature(dayId, participantId)),
    }),

    'documents.attendanceList': ({ dayId, blank }) => documents.attendanceList(dayId, blank),
  };
}
