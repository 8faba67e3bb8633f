import { IconArrowLeft, IconCalendarCheck, IconLanguage, IconPlus, IconSettings, IconTicket, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguage } from '../../../i18n';
import { ApiError, type Lang } from '../../../lib/api';
import { noteServerTime, useServerNow } from '../clock';
import { estimateRange, newKey } from '../format';
import type { id as queueTexts } from '../i18n/id';
import { refusalText } from '../problem';
import { fetchAgencies, fetchCounters, fetchServices, fetchSites, fetchSummary } from '../publicApi';
import { PRIORITIES, type IssuedTicket, type Priority, type PublicAgency, type PublicCounter, type PublicService, type QueueSummary } from '../types';
import { deviceMe, issueTicket, loadSettings, saveSettings, type KioskDevice, type KioskSettings } from './device';
import classes from './kiosk.module.css';
import { BookingCheckIn } from './BookingCheckIn';
import { KioskSettingsScreen } from './KioskSettings';
import { TicketScreen } from './TicketScreen';
import { formatClock, formatLongDate, formatOpening, zoneLabel } from '../../../lib/format';
import { useLang } from '../../../i18n';

type Screen =
  | { name: 'home' }
  | { name: 'agency'; agencyId: string }
  | { name: 'confirm'; serviceId: string }
  | { name: 'extra'; serviceId: string }
  | { name: 'checkin' }
  | { name: 'ticket'; ticket: IssuedTicket; bookingCheckIn: boolean }
  | { name: 'settings' };

const KIND_ORDER: readonly string[] = ['opd', 'vertikal', 'bumn', 'bumd', 'swasta'] satisfies Array<keyof typeof queueTexts.kind>;
/** The kiosk's sections: the kinds it names, and `other` for any kind a newer server sends. */
type KindGroup = 'opd' | 'vertikal' | 'bumn' | 'bumd' | 'swasta' | 'other';
const IDLE_MS = 60_000;
const MAX_EXTRA = 5;

interface AgencyGroup {
  id: string;
  name: string;
  kind: string;
  services: PublicService[];
}

interface OpenState {
  open: boolean;
  next: string | null;
}

const retryForever = { retry: true, retryDelay: (n: number) => Math.min(30_000, 1_000 * 2 ** n) } as const;

/** The kiosk once paired: agency → service → options → ticket, back to the start when idle. */
export function Kiosk({ device, onRevoked, onUnpair }: { device: KioskDevice; onRevoked: () => void; onUnpair: () => void }) {
  const { t, i18n } = useTranslation('queue');
  const lang = useLang();
  const { siteId, token } = device;
  const [screen, setScreen] = useState<Screen>({ name: 'home' });
  const [priority, setPriority] = useState<Priority | null>(null);
  const [extras, setExtras] = useState<string[]>([]);
  const [settings, setSettings] = useState<KioskSettings>(loadSettings);

  // A revoked device token: back to pairing.
  const me = useQuery({ queryKey: ['kiosk', 'me', token], queryFn: ({ signal }) => deviceMe(token, signal), retry: (n, e) => !(e instanceof ApiError && e.status === 401) && n < 5, staleTime: 5 * 60_000, refetchInterval: 10 * 60_000 });
  useEffect(() => {
    if (me.error instanceof ApiError && me.error.status === 401) onRevoked();
  }, [me.error, onRevoked]);

  const site = useQuery({ queryKey: ['kiosk', 'site', siteId], queryFn: async ({ signal }) => (await fetchSites(signal)).find((s) => s.id === siteId) ?? null, staleTime: 60 * 60_000, ...retryForever });
  const services = useQuery({ queryKey: ['kiosk', 'services', siteId], queryFn: ({ signal }) => fetchServices(siteId, token, signal), staleTime: 5 * 60_000, refetchInterval: 5 * 60_000, ...retryForever });
  const agencies = useQuery({ queryKey: ['kiosk', 'agencies', siteId], queryFn: ({ signal }) => fetchAgencies(siteId, token, signal), refetchInterval: 60_000, ...retryForever });
  const counters = useQuery({ queryKey: ['kiosk', 'counters', siteId], queryFn: ({ signal }) => fetchCounters(siteId, token, signal), refetchInterval: 5 * 60_000, ...retryForever });
  const summary = useQuery({ queryKey: ['kiosk', 'summary', siteId], queryFn: ({ signal }) => fetchSummary(siteId, token, signal).catch(() => null), refetchInterval: 30_000, ...retryForever });

  // While an agency is open the catalogue gives "now" as its next opening: the server's clock.
  useEffect(() => {
    const open = agencies.data?.find((a) => a.openNow && a.nextOpening);
    if (open) noteServerTime(open.nextOpening, agencies.dataUpdatedAt);
  }, [agencies.data, agencies.dataUpdatedAt]);

  const timeZone = site.data?.timeZone ?? 'Asia/Makassar';
  const serviceList = useMemo(() => services.data ?? [], [services.data]);
  const serviceById = useMemo(() => new Map(serviceList.map((s) => [s.id, s])), [serviceList]);
  const agencyInfo = useMemo(() => new Map((agencies.data ?? []).map((a) => [a.id, a])), [agencies.data]);
  const summaryById = useMemo(() => new Map((summary.data?.services ?? []).map((s) => [s.serviceId, s])), [summary.data]);
  const countersByService = useMemo(() => {
    const m = new Map<string, PublicCounter[]>();
    for (const c of counters.data ?? []) for (const sid of c.serviceIds) m.set(sid, [...(m.get(sid) ?? []), c]);
    return m;
  }, [counters.data]);

  const openState = useCallback(
    (s: PublicService): OpenState => {
      if (typeof s.openNow === 'boolean') return { open: s.openNow, next: s.nextOpening ?? null };
      const a: PublicAgency | undefined = agencyInfo.get(s.agency.id);
      if (a && typeof a.openNow === 'boolean') return { open: a.openNow, next: a.nextOpening ?? null };
      return { open: true, next: null };
    },
    [agencyInfo],
  );

  const groups = useMemo(() => {
    const byAgency = new Map<string, AgencyGroup>();
    for (const s of serviceList) {
      let g = byAgency.get(s.agency.id);
      if (!g) byAgency.set(s.agency.id, (g = { id: s.agency.id, name: s.agency.name, kind: s.agency.kind, services: [] }));
      g.services.push(s);
    }
    const rank = (k: string) => (KIND_ORDER.includes(k) ? KIND_ORDER.indexOf(k) : KIND_ORDER.length);
    const list = [...byAgency.values()].sort((a, b) => rank(a.kind) - rank(b.kind) || a.name.localeCompare(b.name, 'id'));
    const kinds: Array<{ kind: KindGroup; agencies: AgencyGroup[] }> = [];
    for (const g of list) {
      const k = (KIND_ORDER.includes(g.kind) ? g.kind : 'other') as KindGroup;
      const last = kinds.at(-1);
      if (last && last.kind === k) last.agencies.push(g);
      else kinds.push({ kind: k, agencies: [g] });
    }
    return kinds;
  }, [serviceList]);

  const reset = useCallback(() => {
    setScreen({ name: 'home' });
    setPriority(null);
    setExtras([]);
    // The next citizen starts in Bahasa Indonesia.
    if (i18n.language !== 'id') void setLanguage('id', false);
  }, [i18n]);

  // Idle: back to the start after a minute without a touch (the ticket screen has its own, shorter timer).
  useEffect(() => {
    if (screen.name === 'home' || screen.name === 'ticket') return;
    let timer = setTimeout(reset, IDLE_MS);
    const bump = () => {
      clearTimeout(timer);
      timer = setTimeout(reset, IDLE_MS);
    };
    window.addEventListener('pointerdown', bump);
    window.addEventListener('keydown', bump);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', bump);
      window.removeEventListener('keydown', bump);
    };
  }, [screen.name, reset]);

  const openAgency = (g: AgencyGroup) => {
    if (g.services.length === 1) setScreen({ name: 'confirm', serviceId: g.services[0].id });
    else setScreen({ name: 'agency', agencyId: g.id });
  };

  const header = (
    <Header
      siteName={site.data?.name ?? ''}
      timeZone={timeZone}
      lang={lang}
      onSettings={() => setScreen({ name: 'settings' })}
      onLanguage={() => void setLanguage(lang === 'en' ? 'id' : 'en', false)}
      languageLabel={t('common.languageLabel')}
      languageText={t('common.language')}
      settingsLabel={t('kiosk.settings')}
    />
  );

  let body: ReactNode;
  let footer: ReactNode = null;

  if (screen.name === 'ticket') {
    return (
      <div className={classes.root}>
        {header}
        <TicketScreen
          ticket={screen.ticket}
          bookingCheckIn={screen.bookingCheckIn}
          siteName={screen.ticket.site?.name ?? site.data?.name ?? ''}
          timeZone={screen.ticket.site?.timeZone ?? timeZone}
          service={serviceById.get(screen.ticket.serviceId)}
          settings={settings}
          lang={lang}
          onDone={reset}
        />
      </div>
    );
  }

  if (screen.name === 'settings') {
    return (
      <div className={classes.root}>
        {header}
        <KioskSettingsScreen
          settings={settings}
          deviceName={device.name}
          onSave={(s) => {
            saveSettings(s);
            setSettings(s);
            reset();
          }}
          onCancel={reset}
          onUnpair={onUnpair}
        />
      </div>
    );
  }

  if (screen.name === 'checkin') {
    return (
      <div className={classes.root}>
        {header}
        <BookingCheckIn
          device={device}
          lang={lang}
          onBack={reset}
          onIssued={(ticket) => {
            noteServerTime(ticket.issuedAt);
            setScreen({ name: 'ticket', ticket, bookingCheckIn: true });
          }}
          onRevoked={onRevoked}
        />
      </div>
    );
  }

  if (services.isPending) {
    body = <div className={classes.center}>{t('common.loading')}</div>;
  } else if (services.isError && !services.data) {
    body = (
      <div className={classes.center} role="alert">
        {t('kiosk.loadFailed')}
      </div>
    );
  } else if (screen.name === 'home') {
    body = (
      <>
        <h1 className={classes.title}>{t('kiosk.chooseAgency')}</h1>
        <p className={classes.hint}>{t('kiosk.welcome')}</p>
        {groups.length === 0 && <p className={classes.hint}>{t('kiosk.noServices')}</p>}
        {groups.map((k) => (
          <section key={k.kind} aria-label={t(`kind.${k.kind}`)}>
            <h2 className={classes.section}>{t(`kind.${k.kind}`)}</h2>
            <div className={classes.grid}>
              {k.agencies.map((g) => {
                const states = g.services.map(openState);
                const open = states.some((s) => s.open);
                const next = states.map((s) => s.next).filter(Boolean).sort()[0] ?? null;
                const waiting = g.services.reduce((n, s) => n + (summaryById.get(s.id)?.waiting ?? 0), 0);
                const logoUrl = agencyInfo.get(g.id)?.logoUrl;
                return (
                  <button key={g.id} type="button" className={classes.tile} onClick={() => openAgency(g)} data-testid="kiosk-agency">
                    <span className={classes.tileHead}>
                      {/* Beside the name it adds nothing to read; hidden when it cannot load. */}
                      {logoUrl && <img className={classes.tileLogo} src={logoUrl} alt="" width={48} height={48} loading="lazy" decoding="async" onError={(e) => void (e.currentTarget.hidden = true)} />}
                      <span className={classes.tileName}>{g.name}</span>
                    </span>
                    <span className={classes.tileMeta}>
                      <span>{t('kiosk.services', { count: g.services.length })}</span>
                      {open ? <span className={classes.open}>{t('kiosk.open')}</span> : <span className={classes.closed}>{next ? t('kiosk.opensAt', { when: formatOpening(next, lang, timeZone) }) : t('kiosk.closed')}</span>}
                      {summary.data && <span>{t('kiosk.waitingCount', { count: waiting })}</span>}
                    </span>
                  </button>
                );
              })}
            </div>
          </section>
        ))}
      </>
    );
    footer = (
      <>
        <span />
        <button type="button" className={classes.secondary} onClick={() => setScreen({ name: 'checkin' })} data-testid="kiosk-have-booking">
          <IconCalendarCheck size={30} aria-hidden="true" /> {t('kiosk.haveBooking')}
        </button>
      </>
    );
  } else if (screen.name === 'agency') {
    const g = groups.flatMap((k) => k.agencies).find((a) => a.id === screen.agencyId);
    body = (
      <>
        <h1 className={classes.title}>{g?.name}</h1>
        <p className={classes.hint}>{t('kiosk.chooseService')}</p>
        <div className={classes.grid}>
          {(g?.services ?? []).map((s) => (
            <ServiceTile key={s.id} service={s} state={openState(s)} summary={summaryById.get(s.id)} counters={countersByService.get(s.id)} lang={lang} timeZone={timeZone} onPick={() => setScreen({ name: 'confirm', serviceId: s.id })} />
          ))}
        </div>
      </>
    );
    footer = <BackButton onClick={() => setScreen({ name: 'home' })} label={t('common.back')} />;
  } else if (screen.name === 'extra') {
    const taken = new Set([screen.serviceId, ...extras]);
    const primaryAgency = serviceById.get(screen.serviceId)?.agency.id;
    const candidates = serviceList.filter((s) => !taken.has(s.id));
    // Other agencies first: that is what a multi-agency visit is for.
    candidates.sort((a, b) => Number(a.agency.id === primaryAgency) - Number(b.agency.id === primaryAgency) || a.agency.name.localeCompare(b.agency.name, 'id') || a.name.localeCompare(b.name, 'id'));
    body = (
      <>
        <h1 className={classes.title}>{t('kiosk.chooseExtra')}</h1>
        <p className={classes.hint}>{t('kiosk.extraHint')}</p>
        <div className={classes.grid}>
          {candidates.map((s) => (
            <ServiceTile
              key={s.id}
              service={s}
              showAgency
              state={openState(s)}
              summary={summaryById.get(s.id)}
              counters={countersByService.get(s.id)}
              lang={lang}
              timeZone={timeZone}
              allowClosed
              onPick={() => {
                setExtras((x) => [...x, s.id].slice(0, MAX_EXTRA));
                setScreen({ name: 'confirm', serviceId: screen.serviceId });
              }}
            />
          ))}
        </div>
      </>
    );
    footer = <BackButton onClick={() => setScreen({ name: 'confirm', serviceId: screen.serviceId })} label={t('common.back')} />;
  } else {
    const s = serviceById.get(screen.serviceId);
    if (!s) {
      body = null;
      footer = <BackButton onClick={reset} label={t('common.back')} />;
    } else {
      return (
        <div className={classes.root}>
          {header}
          <Confirm
            key={s.id}
            service={s}
            state={openState(s)}
            summary={summary.data ?? null}
            device={device}
            priority={priority}
            setPriority={setPriority}
            extras={extras}
            setExtras={setExtras}
            serviceById={serviceById}
            lang={lang}
            timeZone={timeZone}
            onBack={() => {
              const g = groups.flatMap((k) => k.agencies).find((a) => a.id === s.agency.id);
              setScreen(g && g.services.length > 1 ? { name: 'agency', agencyId: g.id } : { name: 'home' });
            }}
            onAddExtra={() => setScreen({ name: 'extra', serviceId: s.id })}
            onIssued={(ticket) => {
              noteServerTime(ticket.issuedAt);
              setScreen({ name: 'ticket', ticket, bookingCheckIn: false });
            }}
            onRevoked={onRevoked}
          />
        </div>
      );
    }
  }

  return (
    <div className={classes.root}>
      {header}
      <main className={classes.main}>{body}</main>
      {footer && <footer className={classes.footer}>{footer}</footer>}
    </div>
  );
}

function BackButton({ onClick, label }: { onClick: () => void; label: string }) {
  return (
    <button type="button" className={classes.secondary} onClick={onClick} data-testid="kiosk-back">
      <IconArrowLeft size={30} aria-hidden="true" /> {label}
    </button>
  );
}

function Header(props: {
  siteName: string;
  timeZone: string;
  lang: Lang;
  onSettings: () => void;
  onLanguage: () => void;
  languageLabel: string;
  languageText: string;
  settingsLabel: string;
}) {
  const now = useServerNow(1_000);
  // Settings open on a long press (2 s): citizens tapping around never land there.
  const hold = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const press = () => {
    clearTimeout(hold.current);
    hold.current = setTimeout(props.onSettings, 2_000);
  };
  const release = () => clearTimeout(hold.current);
  useEffect(() => () => clearTimeout(hold.current), []);
  return (
    <header className={classes.header}>
      <div>
        <div className={classes.site} data-testid="kiosk-site">
          {props.siteName}
        </div>
        <div className={classes.sub}>{formatLongDate(now, props.lang, props.timeZone)}</div>
      </div>
      <div className={classes.headerActions}>
        <div className={classes.clock} aria-hidden="true">
          {formatClock(now, props.lang, props.timeZone)} {zoneLabel(props.timeZone)}
        </div>
        <button type="button" className={classes.headerButton} onClick={props.onLanguage} aria-label={props.languageLabel} lang={props.lang === 'en' ? 'id' : 'en'} data-testid="kiosk-lang">
          <IconLanguage size={26} aria-hidden="true" />
          {props.languageText}
        </button>
        <button
          type="button"
          className={classes.headerButton}
          aria-label={props.settingsLabel}
          title={props.settingsLabel}
          onPointerDown={press}
          onPointerUp={release}
          onPointerLeave={release}
          onContextMenu={(e) => e.preventDefault()}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.altKey) props.onSettings();
          }}
          data-testid="kiosk-settings"
        >
          <IconSettings size={26} aria-hidden="true" />
        </button>
      </div>
    </header>
  );
}

function ServiceTile(props: {
  service: PublicService;
  state: OpenState;
  summary?: QueueSummary['services'][number];
  counters?: PublicCounter[];
  lang: Lang;
  timeZone: string;
  showAgency?: boolean;
  allowClosed?: boolean;
  onPick: () => void;
}) {
  const { t } = useTranslation('queue');
  const { service: s, state, summary } = props;
  const range = estimateRange(summary?.estimate);
  const closed = !state.open;
  return (
    <button type="button" className={classes.tile} onClick={props.onPick} disabled={closed && !props.allowClosed} data-testid="kiosk-service" data-code={s.code}>
      {(s.prefix ?? summary?.prefix) && <span className={classes.prefix}>{s.prefix ?? summary?.prefix}</span>}
      <span className={classes.tileName} style={{ paddingRight: 70 }}>
        {s.name}
      </span>
      <span className={classes.tileMeta}>
        {props.showAgency && <span>{s.agency.name}</span>}
        {closed ? (
          <span className={classes.closed}>{state.next ? t('kiosk.opensAt', { when: formatOpening(state.next, props.lang, props.timeZone) }) : t('kiosk.closed')}</span>
        ) : (
          <span className={classes.open}>{t('kiosk.open')}</span>
        )}
        {summary && <span>{t('kiosk.waitingCount', { count: summary.waiting })}</span>}
        {summary && range && !closed && <span>{t('kiosk.estimate', { text: range === '0' ? t('common.noWait') : t('common.minutes', { range }) })}</span>}
        {props.counters && props.counters.length > 0 && <span>{props.counters.map((c) => c.name).join(', ')}</span>}
      </span>
    </button>
  );
}

interface ConfirmProps {
  service: PublicService;
  state: OpenState;
  summary: QueueSummary | null;
  device: KioskDevice;
  priority: Priority | null;
  setPriority: (p: Priority | null) => void;
  extras: string[];
  setExtras: (f: (x: string[]) => string[]) => void;
  serviceById: Map<string, PublicService>;
  lang: Lang;
  timeZone: string;
  onBack: () => void;
  onAddExtra: () => void;
  onIssued: (t: IssuedTicket) => void;
  onRevoked: () => void;
}

/** The chosen service with its options, and the button that issues the ticket. */
function Confirm(p: ConfirmProps) {
  const { t } = useTranslation('queue');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const intent = useRef<{ sig: string; key: string } | null>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  const s = p.service;
  const info = p.summary?.services.find((x) => x.serviceId === s.id);
  const range = estimateRange(info?.estimate);

  // One idempotency key per intent: the same choices pressed twice (or retried) reuse it.
  const keyFor = (sig: string) => {
    if (!intent.current || intent.current.sig !== sig) intent.current = { sig, key: newKey() };
    return intent.current.key;
  };

  const submit = async () => {
    if (busy) return;
    const body = { serviceId: s.id, ...(p.priority ? { priority: p.priority } : {}), ...(p.extras.length ? { serviceIds: p.extras } : {}) };
    const key = keyFor(JSON.stringify(body));
    setBusy(true);
    setError(null);
    try {
      const ticket = await issueTicket(p.device, body, key);
      intent.current = null;
      p.onIssued(ticket);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        p.onRevoked();
        return;
      }
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  // A changed choice makes an old refusal stale.
  useEffect(() => setError(null), [p.priority, p.extras]);

  // A refusal is read first: bring it into view.
  useEffect(() => {
    if (error) refusalRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [error]);

  const text = error ? refusalText(error, p.lang) : null;
  const extraServices = p.extras.map((id) => p.serviceById.get(id)).filter((x): x is PublicService => !!x);

  return (
    <>
      <main className={classes.main}>
        <div className={classes.chosen}>
          <div>
            <div className={classes.tileName} data-testid="kiosk-chosen">
              {s.name}
            </div>
            <div className={classes.tileMeta}>
              <span>{s.agency.name}</span>
              {info && <span>{t('kiosk.waitingCount', { count: info.waiting })}</span>}
              {range && <span>{t('kiosk.estimate', { text: range === '0' ? t('common.noWait') : t('common.minutes', { range }) })}</span>}
              {!p.state.open && <span className={classes.closed}>{p.state.next ? t('kiosk.opensAt', { when: formatOpening(p.state.next, p.lang, p.timeZone) }) : t('kiosk.closed')}</span>}
            </div>
          </div>
          {(s.prefix ?? info?.prefix) && <span className={classes.prefix} style={{ position: 'static' }}>{s.prefix ?? info?.prefix}</span>}
        </div>

        {text && (
          <div ref={refusalRef} className={classes.refusal} role="alert" data-testid="kiosk-refusal">
            <strong>{t('kiosk.refused')}</strong>
            {text}
          </div>
        )}

        <>
            <div className={classes.panel}>
              <h2 className={classes.section} style={{ marginTop: 0 }}>
                {t('kiosk.priorityTitle')}
              </h2>
              <p className={classes.hint}>{t('kiosk.priorityHint')}</p>
              <div className={classes.choices} role="radiogroup" aria-label={t('kiosk.priorityTitle')}>
                {[null, ...PRIORITIES].map((pr) => (
                  <button key={pr ?? 'none'} type="button" role="radio" aria-checked={p.priority === pr} className={classes.choice} onClick={() => p.setPriority(pr)} data-testid={`kiosk-priority-${pr ?? 'none'}`}>
                    {pr ? t(`priority.${pr}`) : t('priority.none')}
                  </button>
                ))}
              </div>
            </div>
            <div className={classes.panel}>
              <h2 className={classes.section} style={{ marginTop: 0 }}>
                {t('kiosk.extraTitle')}
              </h2>
              <p className={classes.hint}>{t('kiosk.extraHint')}</p>
              {extraServices.map((x) => (
                <div key={x.id} className={classes.extraRow}>
                  <span>
                    {x.agency.name} · {x.name}
                  </span>
                  <button type="button" className={classes.iconButton} aria-label={t('kiosk.removeService', { name: x.name })} onClick={() => p.setExtras((l) => l.filter((id) => id !== x.id))}>
                    <IconTrash size={28} aria-hidden="true" />
                  </button>
                </div>
              ))}
              {p.extras.length < MAX_EXTRA && (
                <button type="button" className={classes.secondary} onClick={p.onAddExtra} data-testid="kiosk-add-extra">
                  <IconPlus size={28} aria-hidden="true" /> {t('kiosk.addService')}
                </button>
              )}
            </div>
        </>
      </main>
      <footer className={classes.footer}>
        <BackButton onClick={p.onBack} label={t('common.back')} />
        <button type="button" className={classes.big} onClick={() => void submit()} disabled={busy} aria-busy={busy} data-testid="kiosk-take">
          <IconTicket size={34} aria-hidden="true" />
          {busy ? t('kiosk.issuing') : t('kiosk.takeNumber')}
        </button>
      </footer>
    </>
  );
}
