import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../lib/api';
import { estimateRange } from '../format';
import '../i18n';
import type { IssuedTicket } from '../types';
import './print.css';
import { formatDateTimeShort, zoneLabel } from '../../../lib/format';

export interface TicketPrintData {
  ticket: IssuedTicket;
  siteName: string;
  timeZone: string;
  serviceName: string;
  agencyName: string;
  /** Absolute URL of the status page (`https://mpp…/t/<code>`). */
  statusUrl: string;
  qr: string | null;
  bookingCheckIn: boolean;
  /** The counters serving the service and where they are (whereToGo). */
  goTo?: string[];
}

const SIZES = {
  58: { width: '58mm', font: '9pt', number: 14, inner: 50, qr: '30mm' },
  80: { width: '80mm', font: '11pt', number: 20, inner: 72, qr: '38mm' },
} as const;

/** The number's font size in mm so that it fits the paper on one line (heavy glyphs ≈ 0.8 em wide with spacing). */
const numberSize = (paper: 58 | 80, chars: number) => `${Math.min(SIZES[paper].number, SIZES[paper].inner / (0.8 * Math.max(chars, 4))).toFixed(1)}mm`;

/** The ticket's content: the same markup is printed and shown as a preview. */
export function TicketSheet({ data, paper, preview = false, lang }: { data: TicketPrintData; paper: 58 | 80; preview?: boolean; lang: Lang }) {
  const { t } = useTranslation('queue');
  const { ticket } = data;
  const size = SIZES[paper];
  const range = estimateRange(ticket.estimate);
  const ahead = ticket.peopleAhead ?? (ticket.position != null ? ticket.position - 1 : null);
  const planned = (ticket.visit?.steps ?? []).filter((s) => s.status === 'planned');
  const style = { '--ticket-width': size.width, '--ticket-font': size.font, '--ticket-number': numberSize(paper, ticket.number.length), '--ticket-qr': size.qr } as CSSProperties;
  const when = ticket.issuedAt ? `${formatDateTimeShort(ticket.issuedAt, lang, data.timeZone)} ${zoneLabel(data.timeZone)}` : '';

  return (
    <div className={`loket-ticket${preview ? ' loket-ticket--preview' : ''}`} style={style} lang={lang}>
      <div className="loket-ticket__site">{data.siteName}</div>
      <div className="loket-ticket__label">{t('ticket.yourNumber')}</div>
      <div className="loket-ticket__number" data-testid={preview ? undefined : 'print-number'}>
        {ticket.number}
      </div>
      <div className="loket-ticket__service">{data.serviceName}</div>
      <div>{data.agencyName}</div>
      {(ticket.priority || data.bookingCheckIn) && (
        <div className="loket-ticket__badge">{data.bookingCheckIn ? t('ticket.booking') : t(`priority.short.${ticket.priority!}`)}</div>
      )}
      <hr className="loket-ticket__rule" />
      <table className="loket-ticket__rows">
        <tbody>
          {when && (
            <tr>
              <th scope="row">{t('ticket.time')}</th>
              <td>{when}</td>
            </tr>
          )}
          {data.goTo && data.goTo.length > 0 && (
            <tr>
              <th scope="row">{t('ticket.goTo')}</th>
              <td data-testid={preview ? undefined : 'print-go-to'}>
                {data.goTo.map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </td>
            </tr>
          )}
          {ahead != null && (
            <tr>
              <th scope="row">{t('ticket.ahead')}</th>
              <td>{ahead}</td>
            </tr>
          )}
          {range && (
            <tr>
              <th scope="row">{t('ticket.expected')}</th>
              <td>{range === '0' ? t('common.noWait') : t('common.minutes', { range })}</td>
            </tr>
          )}
          {planned.length > 0 && (
            <tr>
              <th scope="row">{t('ticket.next')}</th>
              <td>{planned.map((s) => s.agencyName || s.serviceName).join(' → ')}</td>
            </tr>
          )}
        </tbody>
      </table>
      <hr className="loket-ticket__rule" />
      <div>{t('ticket.track')}</div>
      {data.qr && <img className="loket-ticket__qr" src={data.qr} alt="" />}
      <div className="loket-ticket__small">{data.statusUrl}</div>
      <div className="loket-ticket__small">{t('ticket.trackCode', { code: data.ticket.trackingCode })}</div>
      <div className="loket-ticket__foot">{t('ticket.keep')}</div>
    </div>
  );
}

const PX_PER_MM = 96 / 25.4;

/**
 * The copy the printer gets: a child of <body> that only print media shows. The @page size is the
 * paper width by the ticket's measured length, margin 0, so a roll printer cuts one ticket
 * (Chromium ignores `size: 58mm auto`: an `auto` length is not valid there).
 */
export function PrintTicket({ data, paper, lang }: { data: TicketPrintData; paper: 58 | 80; lang: Lang }) {
  const ref = useRef<HTMLDivElement>(null);
  const [lengthMm, setLengthMm] = useState(120);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const h = el.getBoundingClientRect().height;
      if (h > 0) setLengthMm(Math.ceil(h / PX_PER_MM) + 3);
    };
    measure();
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    ro?.observe(el);
    return () => ro?.disconnect();
  }, []);
  return createPortal(
    <div className="loket-ticket-print" aria-hidden="true">
      <style>{`@page { size: ${paper}mm ${lengthMm}mm; margin: 0 }`}</style>
      <div ref={ref}>
        <TicketSheet data={data} paper={paper} lang={lang} />
      </div>
    </div>,
    document.body,
  );
}
