import { DIMENSIONS } from '../../../shared/dimensions';
import type { ActionItem } from '../../../shared/followups';
import { zoneDate } from '../../../shared/format';
import type { Language } from '../../../shared/languages';
import type { TimeZone } from '../../../shared/domain';

/** A dimension's name in the UI language ('' for none). */
export function dimensionName(id: string, lang: Language): string {
  return DIMENSIONS.find((d) => d.id === id)?.name[lang] ?? '';
}

/** Today in the engagement's time zone (YYYY-MM-DD): what "overdue" is measured against. */
export function todayIn(zone: TimeZone): string {
  return zoneDate(new Date().toISOString(), zone);
}

/** Open items first (overdue, then by due date), then settled ones; stable otherwise. */
export function byUrgency(today: string) {
  const open = (a: ActionItem) => a.status === 'belum' || a.status === 'proses';
  return (x: ActionItem, y: ActionItem) =>
    Number(open(y)) - Number(open(x)) ||
    Number(open(y) && y.dueDate !== '' && y.dueDate < today) -
      Number(open(x) && x.dueDate !== '' && x.dueDate < today) ||
    (x.dueDate || '9999').localeCompare(y.dueDate || '9999');
}
