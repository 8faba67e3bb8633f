import { IconCheck, IconPrinter } from '@tabler/icons-react';
import { useEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../lib/api';
import { estimateRange, whereToGo } from '../format';
import { PrintTicket, TicketSheet, type TicketPrintData } from '../ticket/PrintTicket';
import type { IssuedTicket, PublicCounter, PublicService } from '../types';
import type { KioskSettings } from './device';
import classes from './kiosk.module.css';

const RETURN_AFTER_S = 20;
/** Tickets already sent to the printer (a re-render or a replayed answer never prints twice). */
const printed: string[] = [];

/** The issued ticket, big, with its printout; back to the start after 20 s without a touch. */
export function TicketScreen(props: {
  ticket: IssuedTicket;
  bookingCheckIn: boolean;
  siteName: string;
  timeZone: string;
  service?: PublicService;
  /** The counters serving the service (their names and locations go on the ticket). */
  counters?: PublicCounter[];
  settings: KioskSettings;
  lang: Lang;
  onDone: () => void;
}) {
  const { t } = useTranslation('queue');
  const { ticket, settings, onDone } = props;
  const [qr, setQr] = useState<string | null>(null);
  const [qrDone, setQrDone] = useState(false);
  const [left, setLeft] = useState(RETURN_AFTER_S);
  const doneRef = useRef(onDone);
  doneRef.current = onDone;

  const statusUrl = `${location.origin}${ticket.statusPath ?? `/t/${ticket.trackingCode}`}`;
  const data: TicketPrintData = {
    ticket,
    siteName: props.siteName,
    timeZone: props.timeZone,
    serviceName: ticket.service?.name ?? props.service?.name ?? '',
    agencyName: ticket.service?.agencyName ?? props.service?.agency.name ?? '',
    statusUrl,
    qr,
    bookingCheckIn: props.bookingCheckIn,
    goTo: whereToGo(props.counters ?? []),
  };

  // The QR code library loads only when a ticket is shown.
  useEffect(() => {
    let live = true;
    import('../ticket/qr')
      .then((m) => m.qrDataUrl(`${statusUrl}?via=qr`))
      .then((url) => live && setQr(url))
      .catch(() => undefined)
      .finally(() => live && setQrDone(true));
    return () => {
      live = false;
    };
  }, [statusUrl]);

  // Print once the QR code is in (or failed), once per ticket.
  useEffect(() => {
    if (!qrDone || !settings.autoPrint || printed.includes(ticket.id)) return;
    printed.push(ticket.id);
    if (printed.length > 20) printed.shift();
    const id = requestAnimationFrame(() => window.print());
    return () => cancelAnimationFrame(id);
  }, [qrDone, settings.autoPrint, ticket.id]);

  // Count down; any touch starts it again.
  useEffect(() => {
    let remaining = RETURN_AFTER_S;
    const tick = setInterval(() => {
      remaining -= 1;
      setLeft(remaining);
      if (remaining <= 0) doneRef.current();
    }, 1_000);
    const bump = () => {
      remaining = RETURN_AFTER_S;
      setLeft(remaining);
    };
    window.addEventListener('pointerdown', bump);
    window.addEventListener('keydown', bump);
    return () => {
      clearInterval(tick);
      window.removeEventListener('pointerdown', bump);
      window.removeEventListener('keydown', bump);
    };
  }, [ticket.id]);

  const range = estimateRange(ticket.estimate);
  const ahead = ticket.peopleAhead ?? (ticket.position != null ? ticket.position - 1 : null);

  return (
    <>
      <main className={classes.main}>
        <div className={classes.ticketScreen}>
          <section className={classes.ticketCard} aria-live="polite" data-testid="kiosk-ticket">
            {props.bookingCheckIn && <div className={classes.open}>{t('ticket.checkedIn')}</div>}
            <div className={classes.hint} style={{ margin: 0 }}>
              {t('ticket.yourNumber')}
            </div>
            <div className={classes.ticketNumber} style={{ '--chars': ticket.number.length } as CSSProperties} data-testid="kiosk-ticket-number">
              {ticket.number}
            </div>
            <div className={classes.tileName}>{data.serviceName}</div>
            <div className={classes.tileMeta} style={{ justifyContent: 'center' }}>
              {data.agencyName}
            </div>
            {data.goTo && data.goTo.length > 0 && (
              <div className={classes.tileMeta} style={{ justifyContent: 'center', flexDirection: 'column', alignItems: 'center' }} data-testid="kiosk-ticket-go-to">
                <strong>{t('ticket.goTo')}</strong>
                {data.goTo.map((line) => (
                  <span key={line}>{line}</span>
                ))}
              </div>
            )}
            <div className={classes.ticketFacts}>
              <div className={classes.fact}>
                <div className={classes.factLabel}>{t('ticket.ahead')}</div>
                <div className={classes.factValue} data-testid="kiosk-ticket-ahead">
                  {ahead ?? t('common.none')}
                </div>
              </div>
              <div className={classes.fact}>
                <div className={classes.factLabel}>{t('ticket.expected')}</div>
                <div className={classes.factValue}>{range === null ? t('common.none') : range === '0' ? t('common.noWait') : t('common.minutes', { range })}</div>
              </div>
            </div>
            <p className={classes.hint} style={{ marginTop: 18 }}>
              {t('ticket.keep')}
            </p>
          </section>
          <div className={classes.preview} aria-label={t('ticket.track')}>
            <div style={{ zoom: settings.paper === 58 ? 1.6 : 1.25 }}>
              <TicketSheet data={data} paper={settings.paper} lang={props.lang} preview />
            </div>
          </div>
        </div>
      </main>
      <footer className={classes.footer}>
        <span className={classes.countdown} aria-live="off">
          {t('ticket.returning', { s: Math.max(0, left) })}
        </span>
        <div style={{ display: 'flex', gap: 16 }}>
          <button type="button" className={classes.secondary} onClick={() => window.print()} data-testid="kiosk-reprint">
            <IconPrinter size={30} aria-hidden="true" /> {t('ticket.reprint')}
          </button>
          <button type="button" className={classes.big} onClick={onDone} data-testid="kiosk-done">
            <IconCheck size={32} aria-hidden="true" /> {t('ticket.done')}
          </button>
        </div>
      </footer>
      <PrintTicket data={data} paper={settings.paper} lang={props.lang} />
    </>
  );
}
