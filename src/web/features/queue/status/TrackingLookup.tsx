import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import '../i18n';
import classes from './status.module.css';

/** What a citizen types from the printed ticket: any case, with spaces or dashes between groups. */
export const normaliseTrackingCode = (s: string): string => s.toUpperCase().replace(/[\s-]+/g, '');

/**
 * `/t/<code>` with a code the server does not know (a typo, an old ticket): not a dead end but a
 * box to type the code again (pre-filled, so a typo is fixed in place), a hint that a booking code
 * belongs elsewhere, and the way home.
 */
export function TrackingLookup({ code }: { code: string }) {
  const { t } = useTranslation('queue');
  const navigate = useNavigate();
  const [value, setValue] = useState(code);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = normaliseTrackingCode(value);
    if (next) void navigate(`/t/${encodeURIComponent(next)}`);
  };
  return (
    <section className={classes.card} data-testid="tracking-lookup">
      <div role="alert">
        <h1 className={classes.h1}>{t('lookup.notFound')}</h1>
        <p className={classes.muted}>{t('lookup.why')}</p>
      </div>
      <form className={classes.lookupForm} onSubmit={submit}>
        <label htmlFor="tracking-code" className={classes.lookupLabel}>
          {t('lookup.label')}
        </label>
        <input
          id="tracking-code"
          className={classes.lookupInput}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoCapitalize="characters"
          autoComplete="off"
          spellCheck={false}
          maxLength={24}
          required
          aria-describedby="tracking-code-hint"
          data-testid="tracking-code-input"
        />
        <p id="tracking-code-hint" className={classes.muted}>
          {t('lookup.hint')}
        </p>
        <button type="submit" className={classes.primary}>
          {t('lookup.submit')}
        </button>
      </form>
      <p className={classes.muted}>
        {t('lookup.bookingHint')}{' '}
        <Link to="/booking/manage" className={classes.link}>
          {t('lookup.bookingLink')}
        </Link>
      </p>
      <Link to="/" className={classes.homeLink} data-testid="tracking-home">
        {t('lookup.home')}
      </Link>
    </section>
  );
}
