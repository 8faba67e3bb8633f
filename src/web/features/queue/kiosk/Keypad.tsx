import { IconBackspace } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import classes from './keypad.module.css';

// Booking codes use an unambiguous alphabet (no I, L, O, 0, 1).
const LETTERS = 'ABCDEFGHJKMNPQRSTUVWXYZ'.split('');
const DIGITS = '1234567890'.split('');

/** An on-screen keypad for kiosks without a keyboard (digits only for the NIK). */
export function Keypad({ digitsOnly, onKey, onBackspace }: { digitsOnly: boolean; onKey: (k: string) => void; onBackspace: () => void }) {
  const { t } = useTranslation('queue');
  const keys = digitsOnly ? DIGITS : [...DIGITS.filter((d) => d !== '0' && d !== '1'), ...LETTERS];
  return (
    <div className={digitsOnly ? classes.digits : classes.keys} role="group" aria-label={t('kiosk.keypad')}>
      {keys.map((k) => (
        <button key={k} type="button" className={classes.key} onClick={() => onKey(k)} tabIndex={-1}>
          {k}
        </button>
      ))}
      <button type="button" className={`${classes.key} ${classes.wide}`} onClick={onBackspace} aria-label={t('kiosk.backspace')} tabIndex={-1}>
        <IconBackspace size={30} aria-hidden="true" />
      </button>
    </div>
  );
}
