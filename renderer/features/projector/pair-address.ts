/**
 * Where a group's device opens the pairing page. In browser mode on the room network it is this
 * page's own address; a projector opened on the laptop itself (127.0.0.1, or the desktop app)
 * cannot know the laptop's address on the room network (null: the screen says where to find it).
 */
export function pairAddress(http: boolean, page: { hostname: string; origin: string }): string | null {
  if (!http) return null;
  const host = page.hostname;
  if (host === 'localhost' || host === '::1' || host === '[::1]' || host.startsWith('127.')) return null;
  return `${page.origin}/#/pair`;
}
