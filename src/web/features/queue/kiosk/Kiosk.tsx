import { IconCalendarCheck, IconPackage } from '@tabler/icons-react';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { setLanguage, useLang } from '../../../i18n';
import { noteServerTime } from '../clock';
import type { IssuedTicket, Priority } from '../types';
import { BookingCheckIn } from './BookingCheckIn';
import { AgencyServices, AgencyTiles, ExtraServices } from './ChooseScreens';
import { ConfirmScreen, MAX_EXTRA } from './ConfirmScreen';
import { loadSettings, saveSettings, type KioskDevice, type KioskSettings } from './device';
import { BackButton, KioskHeader } from './KioskChrome';
import classes from './kiosk.module.css';
import { KioskSettingsScreen } from './KioskSettings';
import { PickupScreen } from './PickupScreen';
import { TicketScreen } from './TicketScreen';
import { useKioskCatalog, type AgencyGroup } from './useKioskCatalog';

type Screen =
  | { name: 'home' }
  | { name: 'agency'; agencyId: string }
  | { name: 'confirm'; serviceId: string }
  | { name: 'extra'; serviceId: string }
  | { name: 'checkin' }
  | { name: 'pickup' }
  | { name: 'ticket'; ticket: IssuedTicket; bookingCheckIn: boolean }
  | { name: 'settings' };

const IDLE_MS = 60_000;

/**
 * The kiosk once paired: agency → service → options → ticket, back to the start when idle. This
 * file is the screen flow; each screen is its own component (ChooseScreens, ConfirmScreen,
 * BookingCheckIn, TicketScreen, KioskSettings) and the data comes from useKioskCatalog.
 */
export function Kiosk({ device, onRevoked, onUnpair }: { device: KioskDevice; onRevoked: () => void; onUnpair: () => void }) {
  const { t, i18n } = useTranslation('queue');
  const lang = useLang();
  const [screen, setScreen] = useState<Screen>({ name: 'home' });
  const [priority, setPriority] = useState<Priority | null>(null);
  const [extras, setExtras] = useState<string[]>([]);
  const [settings, setSettings] = useState<KioskSettings>(loadSettings);
  const c = useKioskCatalog(device, onRevoked);

  const reset = useCallback(() => {
    setScreen({ name: 'home' });
    setPriority(null);
    setExtras([]);
    // The next citizen starts in Bahasa Indonesia.
    if (i18n.language !== 'id') void setLanguage('id', false);
  }, [i18n]);

  // Idle: back to the start after a minute without a touch (the ticket screen has its own, shorter timer).
  useEffect(() => {
    if (screen.name === 'home' || screen.name === 'ticket') return;
    let timer = setTimeout(reset, IDLE_MS);
    const bump = () => {
      clearTimeout(timer);
      timer = setTimeout(reset, IDLE_MS);
    };
    window.addEventListener('pointerdown', bump);
    window.addEventListener('keydown', bump);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointerdown', bump);
      window.removeEventListener('keydown', bump);
    };
  }, [screen.name, reset]);

  const openAgency = (g: AgencyGroup) => {
    if (g.services.length === 1) setScreen({ name: 'confirm', serviceId: g.services[0].id });
    else setScreen({ name: 'agency', agencyId: g.id });
  };
  const issued = (ticket: IssuedTicket, bookingCheckIn: boolean) => {
    noteServerTime(ticket.issuedAt);
    setScreen({ name: 'ticket', ticket, bookingCheckIn });
  };

  const header = (
    <KioskHeader
      siteName={c.site?.name ?? ''}
      timeZone={c.timeZone}
      lang={lang}
      onSettings={() => setScreen({ name: 'settings' })}
      onLanguage={() => void setLanguage(lang === 'en' ? 'id' : 'en', false)}
      languageLabel={t('common.languageLabel')}
      languageText={t('common.language')}
      settingsLabel={t('kiosk.settings')}
    />
  );
  /** A screen that draws its own main and footer. */
  const whole = (content: ReactNode) => (
    <div className={classes.root}>
      {header}
      {content}
    </div>
  );

  if (screen.name === 'ticket') {
    return whole(
      <TicketScreen
        ticket={screen.ticket}
        bookingCheckIn={screen.bookingCheckIn}
        siteName={screen.ticket.site?.name ?? c.site?.name ?? ''}
        timeZone={screen.ticket.site?.timeZone ?? c.timeZone}
        service={c.serviceById.get(screen.ticket.serviceId)}
        counters={c.countersByService.get(screen.ticket.serviceId)}
        settings={settings}
        lang={lang}
        onDone={reset}
      />,
    );
  }
  if (screen.name === 'settings') {
    return whole(
      <KioskSettingsScreen
        settings={settings}
        deviceName={device.name}
        onSave={(s) => {
          saveSettings(s);
          setSettings(s);
          reset();
        }}
        onCancel={reset}
        onUnpair={onUnpair}
      />,
    );
  }
  if (screen.name === 'checkin') {
    return whole(<BookingCheckIn device={device} lang={lang} onBack={reset} onIssued={(ticket) => issued(ticket, true)} onRevoked={onRevoked} />);
  }

  if (screen.name === 'pickup') {
    return whole(<PickupScreen device={device} lang={lang} onBack={reset} onIssued={(ticket) => issued(ticket, false)} onRevoked={onRevoked} />);
  }

  let body: ReactNode;
  let footer: ReactNode = null;
  if (c.services.isPending) {
    body = <div className={classes.center}>{t('common.loading')}</div>;
  } else if (c.services.isError && !c.services.data) {
    body = (
      <div className={classes.center} role="alert">
        {t('kiosk.loadFailed')}
      </div>
    );
  } else if (screen.name === 'home') {
    body = <AgencyTiles c={c} lang={lang} onPick={openAgency} />;
    footer = (
      <>
        <button type="button" className={classes.secondary} onClick={() => setScreen({ name: 'pickup' })} data-testid="kiosk-pickup">
          <IconPackage size={30} aria-hidden="true" /> {t('kiosk.pickup')}
        </button>
        <button type="button" className={classes.secondary} onClick={() => setScreen({ name: 'checkin' })} data-testid="kiosk-have-booking">
          <IconCalendarCheck size={30} aria-hidden="true" /> {t('kiosk.haveBooking')}
        </button>
      </>
    );
  } else if (screen.name === 'agency') {
    body = <AgencyServices c={c} agencyId={screen.agencyId} lang={lang} onPick={(s) => setScreen({ name: 'confirm', serviceId: s.id })} />;
    footer = <BackButton onClick={() => setScreen({ name: 'home' })} label={t('common.back')} />;
  } else if (screen.name === 'extra') {
    const back = () => setScreen({ name: 'confirm', serviceId: screen.serviceId });
    body = (
      <ExtraServices
        c={c}
        serviceId={screen.serviceId}
        extras={extras}
        lang={lang}
        onPick={(s) => {
          setExtras((x) => [...x, s.id].slice(0, MAX_EXTRA));
          back();
        }}
      />
    );
    footer = <BackButton onClick={back} label={t('common.back')} />;
  } else {
    const s = c.serviceById.get(screen.serviceId);
    if (!s) {
      body = null;
      footer = <BackButton onClick={reset} label={t('common.back')} />;
    } else {
      return whole(
        <ConfirmScreen
          key={s.id}
          service={s}
          state={c.openState(s)}
          summary={c.summary}
          device={device}
          priority={priority}
          setPriority={setPriority}
          extras={extras}
          setExtras={setExtras}
          serviceById={c.serviceById}
          lang={lang}
          timeZone={c.timeZone}
          onBack={() => {
            const g = c.groups.flatMap((k) => k.agencies).find((a) => a.id === s.agency.id);
            setScreen(g && g.services.length > 1 ? { name: 'agency', agencyId: g.id } : { name: 'home' });
          }}
          onAddExtra={() => setScreen({ name: 'extra', serviceId: s.id })}
          onIssued={(ticket) => issued(ticket, false)}
          onRevoked={onRevoked}
        />,
      );
    }
  }

  return whole(
    <>
      <main className={classes.main}>{body}</main>
      {footer && <footer className={classes.footer}>{footer}</footer>}
    </>,
  );
}
