import { useCallback, useEffect, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnnouncementEvent } from '../../../../contracts/event-types';
import { announcementReducer, type TickerLine } from './announcement';
import { useServerNow } from '../clock';
import type { QueueSummary, SiteStreamData } from '../types';
import display from './display.module.css';
import classes from './Ticker.module.css';

/**
 * The ticker's announcement: from each summary (first load, reloads, after a reconnect) and
 * live from the site stream's `announcement.*` events; it disappears at its `until` (server time).
 */
export function useAnnouncement(summary: QueueSummary | undefined) {
  const [state, dispatch] = useReducer(announcementReducer, { value: null, rev: 0 });
  useEffect(() => {
    if (summary) dispatch({ kind: 'snapshot', summary });
  }, [summary]);
  const onEvent = useCallback((type: AnnouncementEvent, data: unknown, id: number | null) => {
    if (data && typeof data === 'object') dispatch({ kind: 'event', type, data: data as SiteStreamData[AnnouncementEvent], id });
  }, []);
  const now = useServerNow(5_000);
  const current = state.value && (state.value.until === null || Date.parse(state.value.until) > now) ? state.value : null;
  return { current, onEvent };
}

export const isAnnouncementEvent = (type: string): type is AnnouncementEvent => type === 'announcement.posted' || type === 'announcement.cleared';

/** The running line at the bottom of the TV: the announcement when there is one, else the site's name and address. */
export function Ticker({ announcement, fallback }: { announcement: TickerLine | null; fallback: string }) {
  const { t } = useTranslation('queue');
  const text = announcement?.text ?? fallback;
  return (
    <footer className={`${display.ticker} ${announcement ? classes.notice : ''}`} aria-label={announcement ? t('ticker.announcement') : undefined}>
      {announcement && (
        <span className={classes.label} aria-hidden="true">
          {t('ticker.announcement')}
        </span>
      )}
      <div className={display.tickerTrack} key={announcement?.id ?? 'site'} data-testid={announcement ? 'display-announcement' : 'display-ticker'}>
        <span>{text}</span>
        <span aria-hidden="true">{text}</span>
      </div>
    </footer>
  );
}
