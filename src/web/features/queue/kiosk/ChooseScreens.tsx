import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../lib/api';
import { formatOpening } from '../../../lib/format';
import type { PublicCounter, PublicService, QueueSummary } from '../types';
import classes from './kiosk.module.css';
import { WaitFacts } from './WaitFacts';
import type { AgencyGroup, KioskCatalog, OpenState } from './useKioskCatalog';

/* The kiosk's choosing screens: agencies (home), an agency's services, an extra service. */

/** Home: the agencies by kind, each with whether it is open and how many wait. */
export function AgencyTiles({ c, lang, onPick }: { c: KioskCatalog; lang: Lang; onPick: (g: AgencyGroup) => void }) {
  const { t } = useTranslation('queue');
  return (
    <>
      <h1 className={classes.title}>{t('kiosk.chooseAgency')}</h1>
      <p className={classes.hint}>{t('kiosk.welcome')}</p>
      {c.groups.length === 0 && <p className={classes.hint}>{t('kiosk.noServices')}</p>}
      {c.groups.map((k) => (
        <section key={k.kind} aria-label={t(`kind.${k.kind}`)}>
          <h2 className={classes.section}>{t(`kind.${k.kind}`)}</h2>
          <div className={classes.grid}>
            {k.agencies.map((g) => {
              const states = g.services.map(c.openState);
              const open = states.some((s) => s.open);
              const next = states.map((s) => s.next).filter(Boolean).sort()[0] ?? null;
              const waiting = g.services.reduce((n, s) => n + (c.summaryById.get(s.id)?.waiting ?? 0), 0);
              const logoUrl = c.agencyInfo.get(g.id)?.logoUrl;
              return (
                <button key={g.id} type="button" className={classes.tile} onClick={() => onPick(g)} data-testid="kiosk-agency">
                  <span className={classes.tileHead}>
                    {/* Beside the name it adds nothing to read; hidden when it cannot load. */}
                    {logoUrl && <img className={classes.tileLogo} src={logoUrl} alt="" width={48} height={48} loading="lazy" decoding="async" onError={(e) => void (e.currentTarget.hidden = true)} />}
                    <span className={classes.tileName}>{g.name}</span>
                  </span>
                  <span className={classes.tileMeta}>
                    <span>{t('kiosk.services', { count: g.services.length })}</span>
                    {open ? <span className={classes.open}>{t('kiosk.open')}</span> : <span className={classes.closed}>{next ? t('kiosk.opensAt', { when: formatOpening(next, lang, c.timeZone) }) : t('kiosk.closed')}</span>}
                    {c.summary && <span>{waiting === 0 ? t('kiosk.nobodyWaiting') : t('kiosk.waitingCount', { count: waiting })}</span>}
                  </span>
                </button>
              );
            })}
          </div>
        </section>
      ))}
    </>
  );
}

/** The services of one agency. */
export function AgencyServices({ c, agencyId, lang, onPick }: { c: KioskCatalog; agencyId: string; lang: Lang; onPick: (s: PublicService) => void }) {
  const { t } = useTranslation('queue');
  const g = c.groups.flatMap((k) => k.agencies).find((a) => a.id === agencyId);
  return (
    <>
      <h1 className={classes.title}>{g?.name}</h1>
      <p className={classes.hint}>{t('kiosk.chooseService')}</p>
      <div className={classes.grid}>
        {(g?.services ?? []).map((s) => (
          <ServiceTile key={s.id} service={s} state={c.openState(s)} summary={c.summaryById.get(s.id)} counters={c.countersByService.get(s.id)} lang={lang} timeZone={c.timeZone} onPick={() => onPick(s)} />
        ))}
      </div>
    </>
  );
}

/** A further service for the same visit (issued when the first one is done): other agencies first. */
export function ExtraServices({ c, serviceId, extras, lang, onPick }: { c: KioskCatalog; serviceId: string; extras: string[]; lang: Lang; onPick: (s: PublicService) => void }) {
  const { t } = useTranslation('queue');
  const taken = new Set([serviceId, ...extras]);
  const primaryAgency = c.serviceById.get(serviceId)?.agency.id;
  const candidates = c.serviceList.filter((s) => !taken.has(s.id));
  // Other agencies first: that is what a multi-agency visit is for.
  candidates.sort((a, b) => Number(a.agency.id === primaryAgency) - Number(b.agency.id === primaryAgency) || a.agency.name.localeCompare(b.agency.name, 'id') || a.name.localeCompare(b.name, 'id'));
  return (
    <>
      <h1 className={classes.title}>{t('kiosk.chooseExtra')}</h1>
      <p className={classes.hint}>{t('kiosk.extraHint')}</p>
      <div className={classes.grid}>
        {candidates.map((s) => (
          <ServiceTile key={s.id} service={s} showAgency state={c.openState(s)} summary={c.summaryById.get(s.id)} counters={c.countersByService.get(s.id)} lang={lang} timeZone={c.timeZone} allowClosed onPick={() => onPick(s)} />
        ))}
      </div>
    </>
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
        {summary && <WaitFacts waiting={summary.waiting} estimate={summary.estimate} showEstimate={!closed} />}
        {props.counters && props.counters.length > 0 && <span>{props.counters.map((x) => x.name).join(', ')}</span>}
      </span>
    </button>
  );
}
