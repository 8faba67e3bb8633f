import { IconPlus, IconTicket, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Lang } from '../../../lib/api';
import { formatOpening } from '../../../lib/format';
import { newKey } from '../format';
import { WaitFacts } from './WaitFacts';
import { refusalText } from '../problem';
import { PRIORITIES, type IssuedTicket, type Priority, type PublicService, type QueueSummary } from '../types';
import { issueTicket, type KioskDevice } from './device';
import { BackButton } from './KioskChrome';
import classes from './kiosk.module.css';
import type { OpenState } from './useKioskCatalog';

/** Services a citizen may add to one visit besides the first. */
export const MAX_EXTRA = 5;

export interface ConfirmProps {
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
export function ConfirmScreen(p: ConfirmProps) {
  const { t } = useTranslation('queue');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const intent = useRef<{ sig: string; key: string } | null>(null);
  const refusalRef = useRef<HTMLDivElement>(null);
  const s = p.service;
  const info = p.summary?.services.find((x) => x.serviceId === s.id);

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
              {info && <WaitFacts waiting={info.waiting} estimate={info.estimate} />}
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
