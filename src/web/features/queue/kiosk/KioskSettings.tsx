import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskSettings, PaperWidth } from './device';
import classes from './kiosk.module.css';

/** Printer paper and auto-print, and unpairing (opened by a long press on the gear). */
export function KioskSettingsScreen(props: { settings: KioskSettings; deviceName: string; onSave: (s: KioskSettings) => void; onCancel: () => void; onUnpair: () => void }) {
  const { t } = useTranslation('queue');
  const [paper, setPaper] = useState<PaperWidth>(props.settings.paper);
  const [autoPrint, setAutoPrint] = useState(props.settings.autoPrint);
  const [confirmUnpair, setConfirmUnpair] = useState(false);
  return (
    <>
      <main className={classes.main}>
        <h1 className={classes.title}>{t('kiosk.settings')}</h1>
        <p className={classes.hint}>{props.deviceName}</p>
        <div className={classes.panel}>
          <h2 className={classes.section} style={{ marginTop: 0 }}>
            {t('kiosk.paper')}
          </h2>
          <div className={classes.choices} role="radiogroup" aria-label={t('kiosk.paper')}>
            {([58, 80] as const).map((w) => (
              <button key={w} type="button" role="radio" aria-checked={paper === w} className={classes.choice} onClick={() => setPaper(w)} data-testid={`kiosk-paper-${w}`}>
                {w} mm
              </button>
            ))}
          </div>
        </div>
        <div className={classes.panel}>
          <div className={classes.choices}>
            <button type="button" className={classes.choice} aria-pressed={autoPrint} onClick={() => setAutoPrint((v) => !v)} data-testid="kiosk-autoprint">
              {autoPrint ? '☑' : '☐'} {t('kiosk.autoPrint')}
            </button>
          </div>
        </div>
        <div className={classes.panel}>
          {confirmUnpair ? (
            <>
              <p className={classes.hint}>{t('kiosk.unpairConfirm')}</p>
              <div style={{ display: 'flex', gap: 16 }}>
                <button type="button" className={classes.secondary} onClick={() => setConfirmUnpair(false)}>
                  {t('common.cancel')}
                </button>
                <button type="button" className={classes.big} style={{ background: 'var(--mantine-color-red-8)' }} onClick={props.onUnpair}>
                  {t('kiosk.unpair')}
                </button>
              </div>
            </>
          ) : (
            <button type="button" className={classes.secondary} onClick={() => setConfirmUnpair(true)}>
              {t('kiosk.unpair')}
            </button>
          )}
        </div>
      </main>
      <footer className={classes.footer}>
        <button type="button" className={classes.secondary} onClick={props.onCancel}>
          {t('common.cancel')}
        </button>
        <button type="button" className={classes.big} onClick={() => props.onSave({ paper, autoPrint })} data-testid="kiosk-settings-save">
          {t('kiosk.save')}
        </button>
      </footer>
    </>
  );
}
