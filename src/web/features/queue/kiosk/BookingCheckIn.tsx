import { IconArrowLeft, IconCalendarCheck } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Lang } from '../../../lib/api';
import { fieldErrors } from '../../../lib/errors';
import { newKey } from '../format';
import { refusalText } from '../problem';
import type { IssuedTicket } from '../types';
import { issueTicket, type KioskDevice } from './device';
import classes from './kiosk.module.css';
import { Keypad } from './Keypad';

/**
 * Booking check-in straight from the home screen: the code (typed, or read by a barcode scanner,
 * which types it and presses Enter) and the last 4 digits of the NIK. The booking names its
 * service, so the citizen need not find it first.
 */
export function BookingCheckIn(p: { device: KioskDevice; lang: Lang; onBack: () => void; onIssued: (t: IssuedTicket) => void; onRevoked: () => void }) {
  const { t } = useTranslation('queue');
  const [code, setCode] = useState('');
  const [nik, setNik] = useState('');
  const [field, setField] = useState<'code' | 'nik'>('code');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const intent = useRef<{ sig: string; key: string } | null>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const nikRef = useRef<HTMLInputElement>(null);
  const ready = code.trim().length >= 4 && /^\d{4}$/.test(nik);

  useEffect(() => codeRef.current?.focus(), []);
  useEffect(() => setError(null), [code, nik]);

  const submit = async () => {
    if (busy || !ready) return;
    const body = { bookingCode: code.trim(), nik };
    const sig = JSON.stringify(body);
    // One idempotency key per intent: pressing twice (or a retry) prints one ticket.
    if (!intent.current || intent.current.sig !== sig) intent.current = { sig, key: newKey() };
    setBusy(true);
    try {
      const ticket = await issueTicket(p.device, body, intent.current.key);
      intent.current = null;
      p.onIssued(ticket);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) return p.onRevoked();
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const fields = fieldErrors(error, p.lang);
  const text = error ? refusalText(error, p.lang) : null;

  return (
    <>
      <main className={classes.main}>
        <h1 className={classes.title}>{t('kiosk.bookingMode')}</h1>
        <p className={classes.hint}>{t('kiosk.bookingHint')}</p>
        {text && (
          <div className={classes.refusal} role="alert" data-testid="kiosk-refusal">
            <strong>{t('kiosk.refused')}</strong>
            {text}
          </div>
        )}
        <form
          className={classes.panel}
          onSubmit={(e) => {
            e.preventDefault();
            // A scanner ends the code with Enter: move on to the NIK digits.
            if (field === 'code' && !/^\d{4}$/.test(nik)) nikRef.current?.focus();
            else void submit();
          }}
        >
          <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 18 }}>
            <div>
              <label className={classes.label} htmlFor="kiosk-booking-code">
                {t('kiosk.bookingCode')}
              </label>
              <input
                ref={codeRef}
                id="kiosk-booking-code"
                className={classes.input}
                value={code}
                onFocus={() => setField('code')}
                onChange={(e) => setCode(e.currentTarget.value.toUpperCase().replace(/[^A-Z0-9-]/g, '').slice(0, 20))}
                autoComplete="off"
                spellCheck={false}
                inputMode="text"
                aria-invalid={!!fields.bookingCode}
                data-testid="kiosk-booking-code"
              />
              {fields.bookingCode && <div className={classes.fieldError}>{fields.bookingCode}</div>}
            </div>
            <div>
              <label className={classes.label} htmlFor="kiosk-nik">
                {t('kiosk.nikLast4')}
              </label>
              <input
                ref={nikRef}
                id="kiosk-nik"
                className={classes.input}
                value={nik}
                onFocus={() => setField('nik')}
                onChange={(e) => setNik(e.currentTarget.value.replace(/\D/g, '').slice(0, 4))}
                autoComplete="off"
                inputMode="numeric"
                aria-invalid={!!fields.nik}
                data-testid="kiosk-nik"
              />
              {fields.nik && <div className={classes.fieldError}>{fields.nik}</div>}
            </div>
          </div>
          <Keypad
            digitsOnly={field === 'nik'}
            onKey={(k) => (field === 'nik' ? setNik((nik + k).replace(/\D/g, '').slice(0, 4)) : setCode((code + k).slice(0, 20)))}
            onBackspace={() => (field === 'nik' ? setNik(nik.slice(0, -1)) : setCode(code.slice(0, -1)))}
          />
          <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
        </form>
      </main>
      <footer className={classes.footer}>
        <button type="button" className={classes.secondary} onClick={p.onBack} data-testid="kiosk-back">
          <IconArrowLeft size={30} aria-hidden="true" /> {t('common.back')}
        </button>
        <button type="button" className={classes.big} onClick={() => void submit()} disabled={busy || !ready} aria-busy={busy} data-testid="kiosk-take">
          <IconCalendarCheck size={34} aria-hidden="true" />
          {busy ? t('kiosk.issuing') : t('kiosk.checkIn')}
        </button>
      </footer>
    </>
  );
}
