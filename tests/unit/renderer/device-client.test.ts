// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEVICE_HEADER, ROLE_HEADER } from '../../../shared/contract';
import { call, callerHeaders, eventsUrl, onChange, pageRole } from '../../../renderer/lib/api';
import { deviceToken, pairingKey, readPairing, writePairing } from '../../../renderer/lib/device';

const PAIRING = {
  token: 'tok-A_1',
  deviceId: '0b7f0c7e-1d7a-4c5e-9a53-2f1f3d9c0a01',
  groupId: '5d1c2a44-8a3e-4b8e-9a0f-6c7d8e9f0a12',
  workshopId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c23',
};

/** EventSource stand-in: records the address of every stream the page opens. */
class FakeEventSource {
  static opened: FakeEventSource[] = [];
  closed = false;
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener() {}
  close() {
    this.closed = true;
  }
}

beforeEach(() => {
  localStorage.clear();
  location.hash = '';
});
afterEach(() => vi.unstubAllGlobals());

describe('the role of a page', () => {
  it.each([
    ['#/pair', 'group-device'],
    ['#/group', 'group-device'],
    ['#/group/', 'group-device'],
    ['#/present/abc', 'projector'],
    ['#/engagements/e/workshops/w/days/d/self', 'kiosk'],
    ['#/engagements/e', 'facilitator'],
    ['#/pairing', 'facilitator'],
    ['#/groups', 'facilitator'],
    ['#/engagements/e/workshops/w/groups', 'facilitator'],
    ['', 'facilitator'],
  ])('%s is a %s page', (hash, role) => {
    expect(pageRole(hash)).toBe(role);
  });
});

describe('a paired device’s calls', () => {
  it('keeps its pairing per host origin', () => {
    expect(pairingKey('http://192.168.1.5:4317')).not.toBe(pairingKey('http://192.168.1.9:4317'));
    writePairing(PAIRING);
    expect(localStorage.getItem(pairingKey(location.origin))).toContain(PAIRING.token);
    expect(readPairing()).toEqual(PAIRING);
    expect(deviceToken()).toBe(PAIRING.token);
  });

  it('sends the token from the device pages only, never from the facilitator’s', () => {
    expect(callerHeaders('#/pair')).toEqual({ [ROLE_HEADER]: 'group-device' });
    writePairing(PAIRING);
    expect(callerHeaders('#/group')).toEqual({ [ROLE_HEADER]: 'group-device', [DEVICE_HEADER]: PAIRING.token });
    expect(callerHeaders('#/engagements/e')).toEqual({ [ROLE_HEADER]: 'facilitator' });
    expect(eventsUrl('#/group')).toBe(`./api/events?role=group-device&device=${PAIRING.token}`);
    expect(eventsUrl('#/engagements/e')).toBe('./api/events?role=facilitator');
  });

  it('call() carries the headers of the page it is made from', async () => {
    const fetch = vi.fn(async () => new Response(JSON.stringify({ ok: true, value: {} })));
    vi.stubGlobal('fetch', fetch);
    writePairing(PAIRING);
    location.hash = '#/group';
    await call('devices.me', {});
    const init = (fetch.mock.calls[0] as unknown as [string, RequestInit])[1];
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe('./api/devices.me');
    expect(init.headers).toMatchObject({ [ROLE_HEADER]: 'group-device', [DEVICE_HEADER]: PAIRING.token });
  });

  it('opens the event stream with the token, and again when the device pairs anew', async () => {
    vi.stubGlobal('EventSource', FakeEventSource);
    location.hash = '#/pair';
    const stop = onChange(() => {});
    expect(FakeEventSource.opened.at(-1)!.url).toBe('./api/events?role=group-device');
    writePairing(PAIRING);
    expect(FakeEventSource.opened.at(-1)!.url).toBe(`./api/events?role=group-device&device=${PAIRING.token}`);
    expect(FakeEventSource.opened.at(-2)!.closed).toBe(true);
    writePairing({ ...PAIRING, token: 'tok-B' });
    expect(FakeEventSource.opened.at(-1)!.url).toBe('./api/events?role=group-device&device=tok-B');
    stop();
  });
});
