import { describe, expect, it } from 'vitest';
import type { QueueSummary } from '../types';
import { announcementReducer, type AnnouncementState } from './announcement';

const empty: AnnouncementState = { value: null, rev: 0 };
const a1 = { id: 'a1', text: 'Layanan SIM sampai 12.00', until: null, createdAt: '2026-11-25T01:00:00.000Z' };
const snapshot = (lastEventId: number, announcement: QueueSummary['announcement']) =>
  ({ kind: 'snapshot', summary: { lastEventId, announcement } as QueueSummary }) as const;

describe('the ticker announcement', () => {
  it('comes from the snapshot, then from the events after it', () => {
    let s = announcementReducer(empty, snapshot(10, a1));
    expect(s.value?.text).toBe('Layanan SIM sampai 12.00');
    s = announcementReducer(s, { kind: 'event', type: 'announcement.posted', data: { announcementId: 'a2', text: 'Baru', until: null }, id: 11 });
    expect(s.value).toMatchObject({ id: 'a2', text: 'Baru' });
    s = announcementReducer(s, { kind: 'event', type: 'announcement.cleared', data: { announcementId: 'a2' }, id: 12 });
    expect(s.value).toBeNull();
  });

  it('never lets an older snapshot bring back a cleared line', () => {
    const s = announcementReducer({ value: { id: 'a1', text: a1.text, until: null }, rev: 15 }, { kind: 'event', type: 'announcement.cleared', data: { announcementId: 'a1' }, id: 20 });
    expect(announcementReducer(s, snapshot(18, a1)).value).toBeNull();
    expect(announcementReducer(s, snapshot(21, a1)).value).toEqual({ id: 'a1', text: a1.text, until: null });
  });

  it('ignores the clearing of another announcement', () => {
    const line = { id: 'a1', text: a1.text, until: null };
    const s = announcementReducer({ value: line, rev: 5 }, { kind: 'event', type: 'announcement.cleared', data: { announcementId: 'old' }, id: 6 });
    expect(s.value).toEqual(line);
  });
});
