import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { spokenCall } from '../../../../domain/ticket-number';
import { usePageTitle } from '../../../app/usePageTitle';
import { noteServerTime, useServerNow } from '../clock';
import { openStream, type StreamState } from '../eventStream';
import { formatClock, formatLongDate, zoneLabel } from '../../../lib/format';
import '../i18n';
import { fetchCounters, fetchSiteDetail, fetchSummary, findSite } from '../publicApi';
import { Announcer, audioAllowed, unlockAudio, watchVoices } from '../sound';
import { SITE_STREAM_EVENTS } from '../../../../contracts/event-types';
import { displayReducer, initialDisplay, servingByAgency } from './calls';
import { ServingPanel } from './ServingPanel';
import { isAnnouncementEvent, Ticker, useAnnouncement } from './Ticker';
import type { PublicCounter, QueueSummary, SiteStreamData } from '../types';
import classes from './display.module.css';
import type { Lang } from '../../../lib/api';
import { useLang } from '../../../i18n';

const norm = (s: string | undefined | null) => (s ?? '').trim().toLowerCase();

/**
 * `/display/:site` (slug or id, `?zone=Lantai 1` optional): the TV in the waiting hall. The latest
 * call very large with a chime and an Indonesian spoken call, previous calls, who is being served
 * per agency, the clock in the site's zone and a ticker. Live through the public site stream; after
 * a dropped connection the server replays every missed call, and each is shown and announced.
 */
export default function DisplayPage() {
  const { t } = useTranslation('queue');
  const lang = useLang();
  const { site: ref = '' } = useParams();
  const [search] = useSearchParams();
  const zone = search.get('zone')?.trim() || null;

  const site = useQuery({
    queryKey: ['display', 'site', ref],
    queryFn: ({ signal }) => findSite(ref, signal),
    staleTime: 60 * 60_000,
    retry: true,
    retryDelay: (n) => Math.min(30_000, 1_000 * 2 ** n),
  });
  const siteId = site.data?.id ?? null;
  usePageTitle(site.data ? `${site.data.name}${zone ? ` · ${zone}` : ''}` : t('common.queue'));

  if (site.isSuccess && !site.data)
    return (
      <div className={classes.root}>
        <div className={classes.fatal} role="alert">
          {t('display.siteNotFound', { site: ref })}
        </div>
      </div>
    );
  if (!siteId || !site.data) return <div className={classes.root} aria-busy="true" />;
  return <Display key={siteId} siteId={siteId} siteName={site.data.name} timeZone={site.data.timeZone} zone={zone} lang={lang} />;
}

export function Display({ siteId, siteName, timeZone, zone, lang, token = null }: { siteId: string; siteName: string; timeZone: string; zone: string | null; lang: Lang; token?: string | null }) {
  const { t } = useTranslation('queue');
  const [state, dispatch] = useReducer(displayReducer, initialDisplay);
  const calls = state.calls;
  const [streamState, setStreamState] = useState<StreamState>('connecting');
  const [sound, setSound] = useState(audioAllowed);
  const [voice, setVoice] = useState(true);
  const [flash, setFlash] = useState<string | null>(null);
  const lastCall = useRef<{ ticketId: string; at: number } | null>(null);

  const summary = useQuery({
    queryKey: ['display', 'summary', siteId],
    queryFn: ({ signal }) => fetchSummary(siteId, token, signal),
    refetchInterval: 60_000,
    staleTime: 5_000,
    retry: true,
    retryDelay: (n) => Math.min(30_000, 1_000 * 2 ** n),
  });
  const counters = useQuery({ queryKey: ['display', 'counters', siteId], queryFn: ({ signal }) => fetchCounters(siteId, token, signal), refetchInterval: 10 * 60_000, retry: true });
  const notice = useAnnouncement(summary.data);
  const detail = useQuery({ queryKey: ['display', 'detail', siteId], queryFn: ({ signal }) => fetchSiteDetail(siteId, token, signal).catch(() => null), staleTime: 30 * 60_000, refetchInterval: 30 * 60_000 });

  const counterById = useMemo(() => new Map((counters.data ?? []).map((c) => [c.id, c])), [counters.data]);
  // Where the called counter is (its location, else its zone): the hall's signs say the same.
  const whereOf = (counterId: string | null) => {
    const c = counterId ? counterById.get(counterId) : undefined;
    return c ? c.location || c.zone : '';
  };
  const inZone = useCallback(
    (counterId: string | null | undefined) => {
      if (!zone) return true;
      const c: PublicCounter | undefined = counterId ? counterById.get(counterId) : undefined;
      // Until the counters are known every call is shown.
      return counters.data ? !!c && norm(c.zone) === norm(zone) : true;
    },
    [zone, counterById, counters.data],
  );
  const inZoneRef = useRef(inZone);
  inZoneRef.current = inZone;

  // The server clock: the summary may carry it; otherwise a call seen live and then in the summary tells.
  useEffect(() => {
    const s = summary.data;
    if (!s) return;
    if (s.now) noteServerTime(s.now, summary.dataUpdatedAt);
    const lc = lastCall.current;
    const match = lc && s.recentCalls.find((c) => c.ticketId === lc.ticketId);
    if (match) {
      noteServerTime(match.calledAt, lc.at);
      lastCall.current = null;
    }
  }, [summary.data, summary.dataUpdatedAt]);

  // While the site is open the catalogue gives "now" as its next opening: the server's clock.
  useEffect(() => {
    if (detail.data?.openNow && detail.data.nextOpening) noteServerTime(detail.data.nextOpening, detail.dataUpdatedAt);
  }, [detail.data, detail.dataUpdatedAt]);

  // Every snapshot reconciles the screen with the server (what no event after it has changed).
  // With a zone, calls are filtered by counter: wait for the counters before showing any.
  const zoneReady = !zone || !!counters.data;
  useEffect(() => {
    if (summary.data && zoneReady) dispatch({ type: 'snapshot', summary: summary.data, inZone: inZoneRef.current });
  }, [summary.data, zoneReady]);

  const announcer = useRef<Announcer | null>(null);
  if (!announcer.current) {
    announcer.current = new Announcer({
      maxQueue: 8,
      repeat: 1,
      onStart: (a) => setFlash(a.key),
      onEnd: (a) => setFlash((f) => (f === a.key ? null : f)),
    });
  }
  useEffect(() => {
    const a = announcer.current!;
    return () => a.dispose();
  }, []);
  useEffect(() => {
    announcer.current!.enabled = sound;
  }, [sound]);
  useEffect(() => watchVoices(setVoice), []);

  // Keep the TV awake (where the browser allows it).
  useEffect(() => {
    type Sentinel = { release: () => Promise<void> };
    const nav = navigator as Navigator & { wakeLock?: { request: (k: 'screen') => Promise<Sentinel> } };
    let lock: Sentinel | null = null;
    const acquire = () => {
      if (document.visibilityState === 'visible' && nav.wakeLock) nav.wakeLock.request('screen').then((l) => (lock = l), () => undefined);
    };
    acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      document.removeEventListener('visibilitychange', acquire);
      void lock?.release().catch(() => undefined);
    };
  }, []);

  // Live: open the stream once the snapshot tells where to resume from.
  const startId = summary.data ? summary.data.lastEventId : null;
  const haveStart = startId !== null && zoneReady;
  const startRef = useRef<number | null>(null);
  if (startRef.current === null && startId !== null) startRef.current = startId;
  const refetchRef = useRef(summary.refetch);
  refetchRef.current = summary.refetch;
  useEffect(() => {
    if (!haveStart) return;
    let debounce: ReturnType<typeof setTimeout> | undefined;
    const refresh = () => {
      clearTimeout(debounce);
      debounce = setTimeout(() => void refetchRef.current(), 1_500);
    };
    let wasOpen = false;
    const close = openStream(`/api/v1/sites/${siteId}/stream`, {
      events: SITE_STREAM_EVENTS,
      lastEventId: startRef.current,
      onState: (st) => {
        setStreamState(st);
        // Back after a drop: the replay brings the events, a fresh snapshot the rest.
        if (st === 'open' && wasOpen) refresh();
        if (st === 'open') wasOpen = true;
      },
      onEvent: (type, d, id) => {
        if (!d || typeof d !== 'object') return;
        if (isAnnouncementEvent(type)) return notice.onEvent(type, d, id);
        refresh();
        dispatch({ type: 'event', event: type, data: d, id, inZone: inZoneRef.current });
        if (type !== 'ticket.called' && type !== 'ticket.recalled') return;
        const call = d as SiteStreamData['ticket.called'];
        if (typeof call.number !== 'string' || !inZoneRef.current(call.counter?.id)) return;
        const key = id !== null ? `ev:${id}` : `ev:${call.ticketId}:${Date.now()}`;
        lastCall.current = { ticketId: call.ticketId, at: Date.now() };
        announcer.current?.announce({ key, text: call.spoken || (call.counter ? spokenCall(call.number, call.counter.name) : `Nomor antrean ${call.number}`) });
      },
    });
    return () => {
      clearTimeout(debounce);
      close();
    };
  }, [siteId, haveStart, notice.onEvent]);

  const enableSound = async () => {
    const ok = await unlockAudio();
    setSound(ok || audioAllowed());
  };

  const now = useServerNow(1_000);
  const latest = calls[0];
  const previous = calls.slice(1);
  const zoneAgencies = useMemo(
    () => (zone && counters.data ? new Set(counters.data.filter((c) => norm(c.zone) === norm(zone)).map((c) => c.agencyId)) : null),
    [zone, counters.data],
  );
  const serving = useMemo(() => servingByAgency(summary.data, state, inZone, zoneAgencies, counters.data ?? []), [summary.data, state, inZone, zoneAgencies, counters.data]);
  const ticker = [siteName, detail.data?.address].filter(Boolean).join(' · ');

  return (
    <div className={classes.root} data-testid="display">
      <header className={classes.header}>
        <div>
          <div className={classes.site}>{siteName}</div>
          {zone && <div className={classes.zone}>{t('display.zone', { zone })}</div>}
        </div>
        <div className={classes.clockBox}>
          <div className={classes.clock} data-testid="display-clock">
            {formatClock(now, lang, timeZone)} <span className={classes.tz}>{zoneLabel(timeZone)}</span>
          </div>
          <div className={classes.date}>{formatLongDate(now, lang, timeZone)}</div>
        </div>
      </header>

      <main className={classes.main}>
        <section className={`${classes.latest} ${latest && flash === latest.key ? classes.flash : ''}`} aria-live="assertive" aria-atomic="true" data-testid="display-latest">
          <div className={classes.latestLabel}>{t('display.nowCalling')}</div>
          {latest ? (
            <>
              <div className={classes.latestNumber} style={{ '--chars': latest.number.length } as CSSProperties} data-testid="display-latest-number">
                {latest.number}
              </div>
              <div className={classes.latestGo}>{t('display.goTo')}</div>
              <div className={classes.latestCounter} style={{ '--counter-chars': Math.max(8, latest.counterName.length) } as CSSProperties} data-testid="display-latest-counter">
                {latest.counterName}
              </div>
              {whereOf(latest.counterId) && (
                <div className={classes.latestWhere} data-testid="display-latest-where">
                  {whereOf(latest.counterId)}
                </div>
              )}
            </>
          ) : (
            <div className={classes.nobody}>{t('display.nobody')}</div>
          )}
        </section>

        <section className={classes.previous} aria-label={t('display.previous')}>
          <h2 className={classes.panelTitle}>{t('display.previous')}</h2>
          <ol className={classes.callList}>
            {previous.map((c) => (
              <li key={c.key} className={classes.callRow}>
                <span className={classes.callNumber}>{c.number}</span>
                <span className={classes.callCounter}>
                  {c.counterName}
                  {whereOf(c.counterId) && <span className={classes.callWhere}>{whereOf(c.counterId)}</span>}
                </span>
              </li>
            ))}
          </ol>
        </section>
      </main>

      <ServingPanel groups={serving} />

      <Ticker announcement={notice.current} fallback={ticker} />

      <div className={classes.controls}>
        {streamState !== 'open' && (
          <span className={classes.offline} role="status" data-testid="display-offline">
            {t('common.offline')}
          </span>
        )}
        {sound && !voice && <span className={classes.note}>{t('display.noVoice')}</span>}
        {!sound && (
          <button type="button" className={classes.soundButton} onClick={() => void enableSound()} data-testid="display-enable-sound">
            <SpeakerIcon /> {t('common.enableSound')}
          </button>
        )}
      </div>
    </div>
  );
}

function SpeakerIcon() {
  return (
    <svg width="1em" height="1em" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" style={{ verticalAlign: '-0.15em' }}>
      <path d="M11 5 6 9H3v6h3l5 4V5z" />
      <path d="M15.5 8.5a5 5 0 0 1 0 7M18.5 5.5a9 9 0 0 1 0 13" />
    </svg>
  );
}
