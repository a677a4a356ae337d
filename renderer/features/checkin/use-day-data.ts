import { useMemo } from 'react';
import type { AttendanceEntry, DaySheet, Participant } from '../../../shared/attendance';
import type { Engagement, Workshop } from '../../../shared/domain';
import type { AppErrorShape } from '../../../shared/errors';
import { useQuery } from '../../lib/use-query';
import { indexPeople, type IndexedPerson } from './search';

export interface DayIds {
  engagementId: string;
  workshopId: string;
  dayId: string;
}

/** Everything the door screen and the kiosk show, kept live by change events. */
export interface DayData extends DayIds {
  sheet: DaySheet;
  engagement: Engagement;
  workshop: Workshop;
  people: Participant[];
  index: IndexedPerson[];
  byId: Map<string, Participant>;
  entries: Map<string, AttendanceEntry>;
  /** Fetch the sheet and the register again now (a change event does it too, a moment later). */
  reload(): void;
}

export type DayDataState =
  { status: 'loading' } | { status: 'error'; error: AppErrorShape } | { status: 'ready'; data: DayData };

/**
 * The day's attendance sheet, the engagement's register, the engagement and the workshop. Each
 * query reloads on the change events that concern it, so counts follow every window (a second
 * laptop at the door, the kiosk tablet) without polling.
 */
export function useDayData({ engagementId, workshopId, dayId }: DayIds): DayDataState {
  const sheet = useQuery('attendance.day', { dayId });
  const people = useQuery('participants.list', { engagementId });
  const engagement = useQuery('engagements.get', { id: engagementId });
  const workshop = useQuery('workshops.get', { id: workshopId });

  const index = useMemo(() => indexPeople(people.data ?? []), [people.data]);
  const byId = useMemo(() => new Map((people.data ?? []).map((p) => [p.id, p])), [people.data]);
  const entries = useMemo(() => new Map((sheet.data?.entries ?? []).map((e) => [e.participantId, e])), [sheet.data]);
  const reloadSheet = sheet.reload;
  const reloadPeople = people.reload;

  const error = sheet.error ?? people.error ?? engagement.error ?? workshop.error;
  if (error && !(sheet.data && people.data && engagement.data && workshop.data)) return { status: 'error', error };
  if (!sheet.data || !people.data || !engagement.data || !workshop.data) return { status: 'loading' };
  return {
    status: 'ready',
    data: {
      engagementId,
      workshopId,
      dayId,
      sheet: sheet.data,
      engagement: engagement.data,
      workshop: workshop.data,
      people: people.data,
      index,
      byId,
      entries,
      reload: () => {
        reloadSheet();
        reloadPeople();
      },
    },
  };
}
