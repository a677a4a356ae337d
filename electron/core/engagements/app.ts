import type { ChangeEvent } from '../../../shared/domain';
import type { engagementOps } from '../../../shared/contract/engagements';
import type { SliceImplementations } from '../handlers';
import { dataUrl } from '../images';
import type { PinGuard } from './pin-guard';
import type { EngagementService } from './service';

const changed = (id: string, action: ChangeEvent['action']): ChangeEvent[] => [
  { entity: 'engagement', id, action, engagementId: id },
];

/** The engagement operations of the contract, on the engagement service. */
export function engagementApp(
  engagements: EngagementService,
  pins: PinGuard,
): SliceImplementations<typeof engagementOps> {
  return {
    'engagements.list': () => engagements.list(),
    'engagements.get': ({ id }) => engagements.get(id),
    'engagements.create': (input) => {
      const e = engagements.create(input);
      return { value: e, events: changed(e.id, 'created') };
    },
    'engagements.update': async ({ id, patch }) => {
      // The PIN is hashed (scrypt) off the event loop before the short write.
      const { kioskPin, ...rest } = patch;
      const pinHash = kioskPin === undefined ? undefined : await pins.hash(kioskPin);
      return { value: engagements.update(id, rest, pinHash), events: changed(id, 'updated') };
    },
    'engagements.delete': ({ id }) => ({ value: engagements.delete(id), events: changed(id, 'deleted') }),
    'engagements.restore': ({ id }) => ({ value: engagements.restore(id), events: changed(id, 'restored') }),
    'engagements.setEmblem': ({ id, image }) => ({
      value: engagements.setEmblem(id, image === null ? null : Buffer.from(image, 'base64')),
      events: changed(id, 'updated'),
    }),
    'engagements.emblem': ({ id }) => ({ dataUrl: dataUrl(engagements.emblem(id)) }),
    'engagements.verifyPin': async ({ id, pin }, caller) => ({
      ok: await pins.verify(id, engagements.pinHash(id), pin, caller),
    }),
  };
}
