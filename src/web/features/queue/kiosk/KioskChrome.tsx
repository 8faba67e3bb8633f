import { IconArrowLeft, IconLanguage, IconSettings } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import type { Lang } from '../../../lib/api';
import { formatClock, formatLongDate, zoneLabel } from '../../../lib/format';
import { useServerNow } from '../clock';
import classes from './kiosk.module.css';

/* What every kiosk screen shares: the header with the clock, and the back button. */

export function BackButton({ onClick, label }: { onClick: () => void; label: string }) {
  return (
    <button type="button" className={classes.secondary} onClick={onClick} data-testid="kiosk-back">
      <IconArrowLeft size={30} aria-hidden="true" /> {label}
    </button>
  );
}

export function KioskHeader(props: {
  siteName: string;
  timeZone: string;
  lang: Lang;
  onSettings: () => void;
  onLanguage: () => void;
  languageLabel: string;
  languageText: string;
  settingsLabel: string;
}) {
  const now = useServerNow(1_000);
  // Settings open on a long press (2 s): citizens tapping around never land there.
  const hold = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const press = () => {
    clearTimeout(hold.current);
    hold.current = setTimeout(props.onSettings, 2_000);
  };
  const release = () => clearTimeout(hold.current);
  useEffect(() => () => clearTimeout(hold.current), []);
  return (
    <header className={classes.header}>
      <div>
        <div className={classes.site} data-testid="kiosk-site">
          {props.siteName}
        </div>
        <div className={classes.sub}>{formatLongDate(now, props.lang, props.timeZone)}</div>
      </div>
      <div className={classes.headerActions}>
        <div className={classes.clock} aria-hidden="true">
          {formatClock(now, props.lang, props.timeZone)} {zoneLabel(props.timeZone)}
        </div>
        <button type="button" className={classes.headerButton} onClick={props.onLanguage} aria-label={props.languageLabel} lang={props.lang === 'en' ? 'id' : 'en'} data-testid="kiosk-lang">
          <IconLanguage size={26} aria-hidden="true" />
          {props.languageText}
        </button>
        <button
          type="button"
          className={classes.headerButton}
          aria-label={props.settingsLabel}
          title={props.settingsLabel}
          onPointerDown={press}
          onPointerUp={release}
          onPointerLeave={release}
          onContextMenu={(e) => e.preventDefault()}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && e.altKey) props.onSettings();
          }}
          data-testid="kiosk-settings"
        >
          <IconSettings size={26} aria-hidden="true" />
        </button>
      </div>
    </header>
  );
}
