import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../../lib/api';
import { formatDate } from '../../../lib/format';
import { trackingPathOf } from '../api';
import '../i18n';
import type { ApplicationDetail } from '../types';
import './receipt.css';

export type Paper = '58' | '80' | 'a4';
export const PAPERS: Paper[] = ['58', '80', 'a4'];

const SIZES: Record<Paper, { width: string; font: string; qr: string; pad: string }> = {
  '58': { width: '58mm', font: '8.5pt', qr: '30mm', pad: '2mm 3mm 6mm' },
  '80': { width: '80mm', font: '10pt', qr: '38mm', pad: '2mm 4mm 6mm' },
  a4: { width: '170mm', font: '12pt', qr: '45mm', pad: '0' },
};

/** The absolute address of the public tracking page (what the QR code holds). */
export const trackingUrlOf = (a: ApplicationDetail) => `${location.origin}${a.trackingPath || trackingPathOf(a.trackingCode)}`;

/** The QR code of the tracking page; the library loads only when a receipt is shown. */
export function useTrackingQr(url: string): string | null {
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    import('./qr')
      .then((m) => m.qrDataUrl(url))
      .then((d) => live && setQr(d))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [url]);
  return qr;
}

/** Bukti pendaftaran: the same markup is printed and shown as a preview. No NIK on paper. */
export function ReceiptSheet({ a, paper, qr, lang, preview = false }: { a: ApplicationDetail; paper: Paper; qr: string | null; lang: Lang; preview?: boolean }) {
  const { t } = useTranslation('applications');
  const size = SIZES[paper];
  const style = { '--receipt-width': size.width, '--receipt-font': size.font, '--receipt-qr': size.qr, '--receipt-pad': size.pad } as CSSProperties;
  const url = trackingUrlOf(a);
  const tid = (id: string) => (preview ? `${id}` : undefined);
  return (
    <div className={`loket-receipt${preview ? ' loket-receipt--preview' : ''}`} style={style} lang={lang}>
      <div className="loket-receipt__head">
        <div className="loket-receipt__site">{a.site.name}</div>
        <div>{a.agency.name}</div>
        <div className="loket-receipt__title">{t('receipt.title')}</div>
      </div>
      <div className="loket-receipt__number" data-testid={tid('receipt-number')}>
        {a.registrationNumber}
      </div>
      <hr className="loket-receipt__rule" />
      <table className="loket-receipt__rows">
        <tbody>
          <tr>
            <th scope="row">{t('receipt.service')}</th>
            <td>{a.service.name}</td>
          </tr>
          {a.applicant.name && (
            <tr>
              <th scope="row">{t('receipt.applicant')}</th>
              <td>{a.applicant.name}</td>
            </tr>
          )}
          {a.receivedOn && (
            <tr>
              <th scope="row">{t('receipt.received')}</th>
              <td>{formatDate(a.receivedOn, lang, { day: 'numeric', month: 'long', year: 'numeric' })}</td>
            </tr>
          )}
          <tr>
            <th scope="row">{t('receipt.due')}</th>
            <td data-testid={tid('receipt-due')}>{a.dueDate ? formatDate(a.dueDate, lang, 'long') : t('receipt.dueNone', { text: a.service.durationText })}</td>
          </tr>
        </tbody>
      </table>
      {a.missing.length > 0 && (
        <>
          <hr className="loket-receipt__rule" />
          <div>{t('receipt.missing')}</div>
          <ul className="loket-receipt__missing">
            {a.missing.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        </>
      )}
      <hr className="loket-receipt__rule" />
      <div className="loket-receipt__track">
        <div>{t('receipt.track')}</div>
        {qr && <img className="loket-receipt__qr" src={qr} alt="" data-testid={tid('receipt-qr')} />}
        <div className="loket-receipt__small">{url}</div>
        <div>
          {t('receipt.code')}:{' '}
          <span className="loket-receipt__code" data-testid={tid('receipt-code')}>
            {a.trackingCode}
          </span>
        </div>
        <div className="loket-receipt__small">{t('receipt.keep')}</div>
        <div className="loket-receipt__small" data-testid={tid('receipt-survey')}>
          {t('receipt.survey')} {`${location.origin}/survei/${a.trackingCode}`}
        </div>
      </div>
    </div>
  );
}

const PX_PER_MM = 96 / 25.4;

/**
 * The copy the printer gets: a child of <body> that only print media shows. A roll gets a page as
 * long as the receipt (so the printer cuts one), A4 its own size with margins.
 */
export function PrintReceipt({ a, paper, qr, lang }: { a: ApplicationDetail; paper: Paper; qr: string | null; lang: Lang }) {
  const ref = useRef<HTMLDivElement>(null);
  const [lengthMm, setLengthMm] = useState(150);
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
  }, [paper]);
  const page = paper === 'a4' ? '@page { size: A4; margin: 20mm }' : `@page { size: ${paper}mm ${lengthMm}mm; margin: 0 }`;
  return createPortal(
    <div className="loket-receipt-print" aria-hidden="true">
      <style>{page}</style>
      <div ref={ref}>
        <ReceiptSheet a={a} paper={paper} qr={qr} lang={lang} />
      </div>
    </div>,
    document.body,
  );
}
