import { IconArrowLeft, IconPackage } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, type Lang } from '../../../lib/api';
import { fieldErrors } from '../../../lib/errors';
import { pickupAtKiosk } from '../../applications/api';
import { refusalText } from '../problem';
import type { IssuedTicket } from '../types';
import type { KioskDevice } from './device';
import classes from './kiosk.module.css';
import { Keypad } from './Keypad';

/**
 * "Ambil dokumen": the tracking code of a ready application (typed, or read from the receipt's QR
 * code by a scanner, which types the page's address and presses Enter) gives a pickup ticket to the
 * agency's counter. The server answers with the same ticket while one is open, so a second tap
 * prints no second ticket.
 */
export function PickupScreen(p: { device: KioskDevice; lang: Lang; onBack: () => void; onIssued: (t: IssuedTicket) => void; onRevoked: () => void }) {
  const { t } = useTranslation('queue');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ref = useRef<HTMLInputElement>(null);
  const ready = code.length >= 4;

  useEffect(() => ref.current?.focus(), []);
  useEffect(() => setError(null), [code]);

  // A scanned QR code is the tracking page's address: keep only the code after /lacak/.
  const accept = (raw: string) => {
    const fromUrl = /\/lacak\/([A-Za-z0-9-]+)/.exec(raw)?.[1];
    setCode((fromUrl ?? raw).toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 20));
  };

  const submit = async () => {
    if (busy || !ready) return;
    setBusy(true);
    try {
      const r = await pickupAtKiosk(p.device, { trackingCode: code });
      p.onIssued(r.ticket);
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
        <h1 className={classes.title}>{t('kiosk.pickup')}</h1>
        <p className={classes.hint}>{t('kiosk.pickupHint')}</p>
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
            void submit();
          }}
        >
          <label className={classes.label} htmlFor="kiosk-pickup-code">
            {t('kiosk.pickupCode')}
          </label>
          <input
            ref={ref}
            id="kiosk-pickup-code"
            className={classes.input}
            value={code}
            onChange={(e) => accept(e.currentTarget.value)}
            autoComplete="off"
            spellCheck={false}
            inputMode="text"
            aria-invalid={!!fields.trackingCode}
            data-testid="kiosk-pickup-code"
          />
          {fields.trackingCode && <div className={classes.fieldError}>{fields.trackingCode}</div>}
          <Keypad digitsOnly={false} onKey={(k) => accept(code + k)} onBackspace={() => setCode(code.slice(0, -1))} />
          <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
        </form>
      </main>
      <footer className={classes.footer}>
        <button type="button" className={classes.secondary} onClick={p.onBack} data-testid="kiosk-back">
          <IconArrowLeft size={30} aria-hidden="true" /> {t('common.back')}
        </button>
        <button type="button" className={classes.big} onClick={() => void submit()} disabled={busy || !ready} aria-busy={busy} data-testid="kiosk-pickup-take">
          <IconPackage size={34} aria-hidden="true" />
          {busy ? t('kiosk.issuing') : t('kiosk.pickupTake')}
        </button>
      </footer>
    </>
  );
}
