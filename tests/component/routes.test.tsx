// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { parseRoute, routeHash, type Route } from '../../renderer/app/store';

vi.mock('../../renderer/lib/api', () => import('../fixtures/fake-api'));

const E = '0b7f0c7e-1d7a-4c5e-9a53-2f1f3d9c0a01';
const W = '5d1c2a44-8a3e-4b8e-9a0f-6c7d8e9f0a12';
const D = '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c23';

describe('routes', () => {
  const routes: [Route, string][] = [
    [{ name: 'engagements' }, '#/'],
    [{ name: 'engagement-new' }, '#/engagements/new'],
    [{ name: 'engagement', id: E }, `#/engagements/${E}`],
    [{ name: 'participants', engagementId: E }, `#/engagements/${E}/participants`],
    [{ name: 'rekap', engagementId: E }, `#/engagements/${E}/rekap`],
    [{ name: 'tindak-lanjut', engagementId: E }, `#/engagements/${E}/tindak-lanjut`],
    [{ name: 'workshop-new', engagementId: E }, `#/engagements/${E}/workshops/new`],
    [{ name: 'workshop', engagementId: E, id: W }, `#/engagements/${E}/workshops/${W}`],
    [
      { name: 'checkin', engagementId: E, workshopId: W, dayId: D },
      `#/engagements/${E}/workshops/${W}/days/${D}/checkin`,
    ],
    [
      { name: 'self-checkin', engagementId: E, workshopId: W, dayId: D },
      `#/engagements/${E}/workshops/${W}/days/${D}/self`,
    ],
    [{ name: 'agenda', engagementId: E, workshopId: W }, `#/engagements/${E}/workshops/${W}/agenda`],
    [{ name: 'quickwins', engagementId: E, workshopId: W }, `#/engagements/${E}/workshops/${W}/quickwins`],
    [{ name: 'groups', engagementId: E, workshopId: W }, `#/engagements/${E}/workshops/${W}/groups`],
    [{ name: 'minutes', engagementId: E, workshopId: W }, `#/engagements/${E}/workshops/${W}/notulen`],
    [{ name: 'run', engagementId: E, workshopId: W, dayId: D }, `#/engagements/${E}/workshops/${W}/days/${D}/run`],
    [{ name: 'present', workshopId: W }, `#/present/${W}`],
    [{ name: 'pair' }, '#/pair'],
    [{ name: 'group' }, '#/group'],
  ];

  it.each(routes)('%j is the link %s, and that link opens it again', (route, hash) => {
    expect(routeHash(route)).toBe(hash);
    expect(parseRoute(hash)).toEqual(route);
  });

  it('anything it does not know opens the list of engagements', () => {
    expect(parseRoute('#/somewhere/else')).toEqual({ name: 'engagements' });
    expect(parseRoute('')).toEqual({ name: 'engagements' });
  });
});
