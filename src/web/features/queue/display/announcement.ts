/**
 * The ticker's announcement as the TV knows it (pure): the summary snapshot (as of its
 * lastEventId) and the site stream's `announcement.*` events after it.
 */
import type { AnnouncementEvent } from '../../../../contracts/event-types';
import type { Announcement, QueueSummary, SiteStreamData } from '../types';

/** What the ticker needs of an announcement (the event carries no more). */
export type TickerLine = Pick<Announcement, 'id' | 'text' | 'until'>;

export interface AnnouncementState {
  value: TickerLine | null;
  /** Id of the event (or snapshot's lastEventId) that last decided `value`. */
  rev: number;
}

export type AnnouncementInput = { kind: 'snapshot'; summary: QueueSummary } | { kind: 'event'; type: AnnouncementEvent; data: SiteStreamData[AnnouncementEvent]; id: number | null };

/** A snapshot decides only when no later event did (a slow answer never revives a cleared line). */
export function announcementReducer(state: AnnouncementState, input: AnnouncementInput): AnnouncementState {
  if (input.kind === 'snapshot') {
    const at = input.summary.lastEventId;
    const a = input.summary.announcement;
    return at >= state.rev ? { value: a ? { id: a.id, text: a.text, until: a.until } : null, rev: at } : state;
  }
  const rev = input.id ?? state.rev;
  if (input.type === 'announcement.posted') {
    const d = input.data as SiteStreamData['announcement.posted'];
    return { value: { id: d.announcementId, text: d.text, until: d.until }, rev };
  }
  const d = input.data as SiteStreamData['announcement.cleared'];
  return { value: state.value?.id === d.announcementId ? null : state.value, rev };
}

