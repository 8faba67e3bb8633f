import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../app/usePageTitle';
import { setLanguage, useLang } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import { claimTablet, tabletAnswer, tabletOffers } from '../api';
import '../i18n';
import { problemText } from '../public/problemText';
import { QuestionFlow } from '../public/QuestionFlow';
import classes from '../public/survey.module.css';
import type { TabletOffers } from '../types';

const KEY = 'loket.survey-tablet';
interface Device {
  token: string;
  name: string;
}
function loadDevice(): Device | null {
  try {
    const d = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Device | null;
    return d && typeof d.token === 'string' ? d : null;
  } catch {
    return null;
  }
}
const REFRESH_MS = 10_000;

/**
 * `/survei-tablet`: a tablet beside a counter (or at the exit), paired like a kiosk. It lists the
 * ticket numbers just finished there; the citizen touches theirs and answers. It can answer only
 * for what it offers (the server checks), and shows no tracking code or personal data.
 */
export default function TabletApp() {
  const { t } = useTranslation('survey');
  const lang = useLang();
  usePageTitle(t('tablet.title'));
  const [device, setDevice] = useState<Device | null>(loadDevice);
  const [notice, setNotice] = useState<string | null>(null);
  const forget = useCallback((message: string | null) => {
    localStorage.removeItem(KEY);
    setDevice(null);
    setNotice(message);
  }, []);

  return (
    <div className={classes.page}>
      <header className={classes.top}>
        <span className={classes.site}>{t('tablet.title')}</span>
        <button type="button" className={classes.lang} onClick={() => void setLanguage(lang === 'en' ? 'id' : 'en')} lang={lang === 'en' ? 'id' : 'en'}>
          {lang === 'en' ? 'ID' : 'EN'}
        </button>
      </header>
      <main className={`${classes.main} ${classes.wide}`}>
        {device ? (
          <Offers device={device} onRevoked={() => forget(t('tablet.revoked'))} onUnpair={() => forget(null)} />
        ) : (
          <Pairing notice={notice} onPaired={(d) => { localStorage.setItem(KEY, JSON.stringify(d)); setNotice(null); setDevice(d); }} />
        )}
      </main>
    </div>
  );
}

function Pairing({ onPaired, notice }: { onPaired: (d: Device) => void; notice: string | null }) {
  const { t } = useTranslation('survey');
  const lang = useLang();
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || code.trim().length < 4) return;
    setBusy(true);
    setError(null);
    try {
      const r = await claimTablet(code);
      if (r.device.role !== 'survey') setError(t('tablet.pairWrongRole'));
      else onPaired({ token: r.token, name: r.device.name });
    } catch (err) {
      setError(problemText(err, lang));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className={classes.card} onSubmit={submit}>
      <h1 className={classes.h1}>{t('tablet.pairTitle')}</h1>
      <p className={classes.muted}>{t('tablet.pairIntro')}</p>
      {notice && <p className={classes.error} role="status">{notice}</p>}
      <label className={classes.fieldLabel} htmlFor="tablet-code">{t('tablet.pairCode')}</label>
      <input id="tablet-code" className={classes.textarea} style={{ minHeight: 52 }} value={code} onChange={(e) => setCode(e.currentTarget.value.toUpperCase())} autoComplete="off" maxLength={20} data-testid="tablet-pair-code" />
      {error && <p className={classes.error} role="alert">{error}</p>}
      <div className={classes.row}>
        <button type="submit" className={classes.primary} disabled={busy || code.trim().length < 4}>{t('tablet.pairSubmit')}</button>
      </div>
    </form>
  );
}

function Offers({ device, onRevoked, onUnpair }: { device: Device; onRevoked: () => void; onUnpair: () => void }) {
  const { t } = useTranslation('survey');
  const lang = useLang();
  const [offers, setOffers] = useState<TabletOffers | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [chosen, setChosen] = useState<TabletOffers['offers'][number] | null>(null);
  const [thanks, setThanks] = useState(false);

  const refresh = useCallback(
    (signal?: AbortSignal) =>
      tabletOffers(device.token, signal)
        .then((o) => {
          setOffers(o);
          setError(null);
        })
        .catch((e: unknown) => {
          if ((e as Error)?.name === 'AbortError') return;
          if (e instanceof ApiError && e.status === 401) onRevoked();
          else setError(e);
        }),
    [device.token, onRevoked],
  );
  useEffect(() => {
    if (chosen) return;
    const ctrl = new AbortController();
    void refresh(ctrl.signal);
    const id = setInterval(() => void refresh(), REFRESH_MS);
    return () => {
      ctrl.abort();
      clearInterval(id);
    };
  }, [chosen, refresh]);
  useEffect(() => {
    if (!thanks) return;
    const id = setTimeout(() => setThanks(false), 5_000);
    return () => clearTimeout(id);
  }, [thanks]);

  if (thanks) return <section className={`${classes.card} ${classes.done}`} role="status" data-testid="tablet-thanks"><h1 className={classes.h1}>{t('tablet.done')}</h1></section>;
  if (chosen) {
    return (
      <>
        <section className={classes.card}>
          <h1 className={classes.h1}>{t('form.heading')}</h1>
          <p><strong>{chosen.number}</strong> · {chosen.serviceName} · {chosen.agencyName}</p>
          <p className={classes.muted}>{t('form.intro')}</p>
        </section>
        <QuestionFlow
          title={chosen.serviceName}
          onSubmit={async (r) => {
            await tabletAnswer(device.token, chosen.ticketId, r);
            setChosen(null);
            setThanks(true);
          }}
        />
        <button type="button" className={classes.secondary} onClick={() => setChosen(null)}>{t('form.back')}</button>
      </>
    );
  }
  const unplaced = error instanceof ApiError && error.code === 'survey.tablet_unassigned';
  return (
    <section className={classes.card}>
      <h1 className={classes.h1}>{offers ? (offers.counter ? t('tablet.atCounter', { counter: offers.counter.name }) : t('tablet.atExit')) : t('tablet.title')}</h1>
      {unplaced ? <p className={classes.error} role="status">{t('tablet.unplaced')}</p> : error ? <p className={classes.error} role="alert">{problemText(error, lang)}</p> : null}
      {offers && (
        <>
          <p className={classes.muted}>{offers.offers.length ? t('tablet.pick') : t('tablet.none')}</p>
          <div className={classes.tickets}>
            {offers.offers.map((o) => (
              <button key={o.ticketId} type="button" className={classes.ticket} onClick={() => setChosen(o)} data-testid="tablet-ticket">
                <span className={classes.ticketNumber}>{o.number}</span>
                {o.serviceName}
              </button>
            ))}
          </div>
        </>
      )}
      <div className={classes.row}>
        <button type="button" className={classes.link} onClick={() => window.confirm(t('tablet.unpairConfirm')) && onUnpair()}>{t('tablet.unpair')}</button>
      </div>
    </section>
  );
}
