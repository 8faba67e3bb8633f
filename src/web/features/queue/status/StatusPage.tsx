import { Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { SurveyInvite } from '../../survey/pages';
import { formHref } from '../../complaints/api';
import { setLanguage } from '../../../i18n';
import { api, ApiError } from '../../../lib/api';
import { openStream, type StreamState } from '../eventStream';
import { waitFacts } from '../format';
import '../i18n';
import { beep, unlockAudio } from '../sound';
import { PUBLIC_TICKET_EVENTS } from '../../../../contracts/event-types';
import type { SiteStreamData } from '../../../../contracts/events';
import type { PublicStatus } from '../types';
import classes from './status.module.css';
import { formatClock, zoneLabel } from '../../../lib/format';
import { TrackingLookup } from './TrackingLookup';
import { useLang } from '../../../i18n';

const VIBRATION = [400, 150, 400, 150, 800];

/**
 * `/t/:code`: the citizen's phone. Plain markup and one small stylesheet (no component library
 * widgets) for cheap phones on slow networks. Live through the visit's own stream (`status`
 * events carry the fresh position); when the number is called: a big "Silakan menuju Loket 3",
 * a beep and a vibration.
 */
export default function StatusPage() {
  const { t } = useTranslation('queue');
  const lang = useLang();
  const { code = '' } = useParams();
  // The QR printed on the ticket adds ?via=qr: the survey counts where its answers came from.
  const [search] = useSearchParams();
  const [status, setStatus] = useState<PublicStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [updatedAt, setUpdatedAt] = useState<number | null>(null);
  const [stream, setStream] = useState<StreamState>('connecting');
  const [alerts, setAlerts] = useState(false);
  const [ringing, setRinging] = useState(false);
  const prev = useRef<string | null>(null);

  const notFound = error instanceof ApiError && error.status === 404;

  // First paint from a plain GET; then the stream keeps it fresh.
  useEffect(() => {
    const ctrl = new AbortController();
    // Another code (typed again after a miss): nothing of the previous one stays on screen.
    setError(null);
    setStatus(null);
    api
      .get<PublicStatus>(`/api/v1/tickets/by-code/${encodeURIComponent(code)}`, undefined, ctrl.signal)
      .then((s) => {
        setStatus(s);
        setUpdatedAt(Date.now());
        setError(null);
      })
      .catch((e: unknown) => {
        if ((e as Error)?.name !== 'AbortError') setError(e);
      });
    return () => ctrl.abort();
  }, [code]);

  useEffect(() => {
    if (notFound) return;
    // The visit's stream: the public ticket events, and `status` (the fresh position, no id).
    return openStream<SiteStreamData & { status: PublicStatus }>(`/api/v1/tickets/by-code/${encodeURIComponent(code)}/stream`, {
      events: ['status', ...PUBLIC_TICKET_EVENTS],
      unnumbered: ['status'],
      onState: setStream,
      onEvent: (type, data, _id) => {
        if (type === 'status' && data && typeof data === 'object') {
          setStatus(data);
          setUpdatedAt(Date.now());
          setError(null);
        } else if (type === 'ticket.recalled') {
          ring();
        }
      },
    });
  }, [code, notFound]);

  // A fallback for browsers or proxies that cut the stream: refresh every 30 s while it is down.
  useEffect(() => {
    if (stream === 'open' || notFound) return;
    const id = setInterval(() => {
      api
        .get<PublicStatus>(`/api/v1/tickets/by-code/${encodeURIComponent(code)}`)
        .then((s) => {
          setStatus(s);
          setUpdatedAt(Date.now());
        })
        .catch(() => undefined);
    }, 30_000);
    return () => clearInterval(id);
  }, [stream, code, notFound]);

  const ring = () => {
    setRinging(true);
    void beep();
    try {
      navigator.vibrate?.(VIBRATION);
    } catch {
      // No vibration motor or not allowed.
    }
  };

  // The moment the status turns to "called": sound, vibration and the big banner.
  useEffect(() => {
    const s = status?.status ?? null;
    if (s === 'called' && prev.current !== null && prev.current !== 'called') ring();
    if (s !== 'called') setRinging(false);
    prev.current = s;
  }, [status?.status]);

  useEffect(() => {
    if (!status) return;
    document.title = status.status === 'called' ? `(!) ${status.number} · ${t('status.called')}` : `${status.number} · ${t('tracking.title')}`;
  }, [status, t]);

  const counter = status?.counter?.name ?? '';
  // Each finished step may be rated ("Bagaimana pelayanan kami?").
  const finishedSteps = status ? (status.steps?.length ? status.steps.filter((s) => s.status === 'done').length : status.status === 'done' ? 1 : 0) : 0;
  const ahead = status ? (status.peopleAhead ?? (status.position != null ? status.position - 1 : null)) : null;
  const wait = ahead === null ? null : waitFacts(ahead, status?.estimate);

  return (
    <div className={classes.page}>
      <header className={classes.top}>
        <span className={classes.site}>{status?.site?.name ?? t('tracking.title')}</span>
        <button type="button" className={classes.lang} onClick={() => void setLanguage(lang === 'en' ? 'id' : 'en')} lang={lang === 'en' ? 'id' : 'en'}>
          {lang === 'en' ? 'ID' : 'EN'}
        </button>
      </header>

      <main className={classes.main}>
        {notFound ? (
          <TrackingLookup code={code} />
        ) : !status ? (
          error ? (
            <p className={classes.error} role="alert">
              {(error as Error).message}
            </p>
          ) : (
            <p className={classes.muted}>{t('common.loading')}</p>
          )
        ) : (
          <>
            {status.status === 'called' && (
              <section className={`${classes.called} ${ringing ? classes.ringing : ''}`} role="alert" data-testid="status-called">
                <div className={classes.calledTitle}>{t('tracking.calledTitle')}</div>
                <div className={classes.calledGo}>{t('tracking.goTo', { counter })}</div>
              </section>
            )}

            <section className={classes.card}>
              <div className={classes.label}>{t('tracking.yourNumber')}</div>
              <div className={classes.number} data-testid="status-number">
                {status.number}
              </div>
              {status.service && (
                <div className={classes.service}>
                  {status.service.name}
                  <span className={classes.muted}> · {status.service.agencyName}</span>
                </div>
              )}
              <div className={`${classes.badge} ${classes[`s_${status.status}`] ?? ''}`} data-testid="status-state" data-status={status.status}>
                {t(`status.${status.status}`)}
              </div>

              {status.status === 'waiting' && (
                <dl className={classes.facts}>
                  <div>
                    <dt>{t('tracking.ahead')}</dt>
                    <dd data-testid="status-ahead">{ahead === null ? t('common.none') : ahead === 0 ? t('tracking.youAreNext') : ahead}</dd>
                  </div>
                  <div>
                    <dt>{t('tracking.expected')}</dt>
                    <dd data-testid="status-expected">
                      {!wait?.estimate ? t('common.none') : wait.estimate.kind === 'soon' ? t('common.noWait') : wait.estimate.kind === 'upTo' ? t('tracking.upTo', { max: wait.estimate.max }) : t('common.minutes', { range: wait.estimate.range })}
                    </dd>
                  </div>
                </dl>
              )}
              {status.status === 'serving' && <p className={classes.message}>{t('tracking.serving', { counter })}</p>}
              {status.status === 'parked' && <p className={classes.message}>{t('tracking.parked', { counter })}</p>}
              {status.status === 'done' && <p className={classes.message}>{t('tracking.done')}</p>}
              {status.status === 'no_show' && <p className={classes.message}>{t('tracking.noShow')}</p>}
              {status.status === 'transferred' && <p className={classes.message}>{t('tracking.transferred')}</p>}
            </section>

            {status.steps && status.steps.length > 1 && (
              <section className={classes.card}>
                <h2 className={classes.h2}>{t('tracking.steps')}</h2>
                <ol className={classes.steps}>
                  {status.steps.map((s, i) => (
                    <li key={`${s.serviceId}-${i}`} className={classes.step} data-status={s.status}>
                      <span className={classes.stepName}>
                        {s.agencyName}
                        <span className={classes.muted}> · {s.serviceName}</span>
                      </span>
                      <span className={classes.stepState}>
                        {s.number ? `${s.number} · ` : ''}
                        {t(`status.${s.status}`)}
                      </span>
                    </li>
                  ))}
                </ol>
              </section>
            )}

            {finishedSteps > 0 && (
              <Suspense fallback={null}>
                <SurveyInvite code={code} finished={finishedSteps} via={search.get('via')} />
              </Suspense>
            )}

            {/* "Sampaikan pengaduan": the form knows the visit (site, ticket, service); the printed ticket's QR counts as the receipt. */}
            <Link
              className={classes.homeLink}
              to={formHref({ siteId: status.site.id, ticketCode: code, serviceId: status.service.id, via: search.get('via') === 'qr' ? 'receipt' : 'status_page' })}
              data-testid="status-complain"
            >
              {t('tracking.complain')}
            </Link>

            {!alerts ? (
              <button
                type="button"
                className={classes.alerts}
                onClick={() => {
                  void unlockAudio();
                  setAlerts(true);
                }}
                data-testid="status-alerts"
              >
                <Bell /> {t('tracking.alertsOn')}
              </button>
            ) : (
              <p className={classes.muted}>
                <Bell /> {t('tracking.alertsReady')}
              </p>
            )}

            <p className={classes.muted}>
              {stream === 'open' ? t('tracking.keepOpen') : t('common.offline')}
              {updatedAt && ` ${t('tracking.updated', { time: `${formatClock(updatedAt, lang, status.site.timeZone)} ${zoneLabel(status.site.timeZone)}` })}`}
            </p>
          </>
        )}
      </main>
    </div>
  );
}

function Bell() {
  return (
    <svg width="1.1em" height="1.1em" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" style={{ verticalAlign: '-0.2em' }}>
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
