import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { refusalText } from '../problem';
import { claimPairing, type KioskDevice } from './device';
import classes from './kiosk.module.css';
import { useLang } from '../../../i18n';

/**
 * First start of a kiosk or TV browser: trade the admin's pairing code for a device token. A code
 * made for the other kind of device is refused here (the server would accept it: it only pairs).
 */
export function Pairing({ onPaired, notice, role = 'kiosk' }: { onPaired: (d: KioskDevice) => void; notice?: string | null; role?: 'kiosk' | 'display' }) {
  const { t } = useTranslation('queue');
  const lang = useLang();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || code.trim().length < 4) return;
    setBusy(true);
    setError(null);
    try {
      const r = await claimPairing(code);
      if (r.device.role !== role) {
        setError(t(role === 'kiosk' ? 'kiosk.pairWrongRole' : 'display.pairWrongRole'));
        return;
      }
      onPaired({ token: r.token, deviceId: r.device.id, siteId: r.device.siteId, name: r.device.name });
    } catch (err) {
      setError(refusalText(err, lang));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={classes.root}>
      <header className={classes.header}>
        <div className={classes.site}>{t(role === 'kiosk' ? 'kiosk.title' : 'display.title')}</div>
      </header>
      <main className={classes.main}>
        <div className={classes.center}>
          <form className={classes.pairBox} onSubmit={submit}>
            <h1 className={classes.title}>{t(role === 'kiosk' ? 'kiosk.pairTitle' : 'display.pairTitle')}</h1>
            <p className={classes.hint}>{t(role === 'kiosk' ? 'kiosk.pairIntro' : 'display.pairIntro')}</p>
            {notice && (
              <div className={classes.refusal} role="status">
                {notice}
              </div>
            )}
            <div>
              <label className={classes.label} htmlFor="pair-code">
                {t('kiosk.pairCode')}
              </label>
              <input
                id="pair-code"
                className={classes.input}
                value={code}
                onChange={(e) => setCode(e.currentTarget.value.toUpperCase())}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={20}
                placeholder="ABCD-2345"
                autoFocus
                data-testid="pair-code"
              />
            </div>
            {error && (
              <div className={classes.refusal} role="alert" data-testid="pair-error">
                {error}
              </div>
            )}
            <button type="submit" className={classes.big} disabled={busy || code.trim().length < 4} data-testid="pair-submit">
              {t('kiosk.pairSubmit')}
            </button>
          </form>
        </div>
      </main>
    </div>
  );
}
