import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../../app/usePageTitle';
import '../i18n';
import { forgetDevice, loadDevice, saveDevice, type KioskDevice } from './device';
import { Kiosk } from './Kiosk';
import { Pairing } from './Pairing';
import { useManifest } from '../useManifest';

/**
 * `/kiosk`: the self-service ticket machine. Unpaired, it asks for a pairing code; paired, it keeps
 * a revocable device token in localStorage and sends it as `Authorization: Bearer` on every call.
 */
export default function KioskApp() {
  const { t } = useTranslation('queue');
  usePageTitle(t('kiosk.title'));
  useManifest('/manifest-kiosk.webmanifest');
  const [device, setDevice] = useState<KioskDevice | null>(loadDevice);
  const [notice, setNotice] = useState<string | null>(null);

  // No long-press menus, pinch zoom or text selection on a touch kiosk.
  useEffect(() => {
    const prevent = (e: Event) => e.preventDefault();
    document.addEventListener('contextmenu', prevent);
    return () => document.removeEventListener('contextmenu', prevent);
  }, []);

  const revoked = useCallback(() => {
    forgetDevice();
    setDevice(null);
    setNotice(t('kiosk.pairRevoked'));
  }, [t]);

  if (!device)
    return (
      <Pairing
        notice={notice}
        onPaired={(d) => {
          saveDevice(d);
          setNotice(null);
          setDevice(d);
        }}
      />
    );
  return (
    <Kiosk
      device={device}
      onRevoked={revoked}
      onUnpair={() => {
        forgetDevice();
        setNotice(null);
        setDevice(null);
      }}
    />
  );
}
