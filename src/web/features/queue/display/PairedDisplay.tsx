import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../../app/usePageTitle';
import { useLang } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import { store } from '../format';
import '../i18n';
import { deviceMe, type KioskDevice } from '../kiosk/device';
import { Pairing } from '../kiosk/Pairing';
import { fetchSites } from '../publicApi';
import { Display } from './DisplayPage';
import classes from './display.module.css';

const DEVICE_KEY = 'loket.display.device';

const loadDevice = (): KioskDevice | null => {
  const d = store.get<KioskDevice>(DEVICE_KEY);
  return d && typeof d.token === 'string' && typeof d.siteId === 'string' ? d : null;
};

/**
 * `/display`: a TV paired like a kiosk. Unpaired, it shows the pairing screen; paired, it keeps the
 * revocable device token and its site in localStorage and opens that site's display on every start
 * (`?zone=` still narrows it to one zone). An admin's revocation sends it back to pairing.
 */
export default function PairedDisplay() {
  const { t } = useTranslation('queue');
  const [device, setDevice] = useState<KioskDevice | null>(loadDevice);
  const [notice, setNotice] = useState<string | null>(null);
  usePageTitle(t('display.title'));

  if (!device)
    return (
      <Pairing
        role="display"
        notice={notice}
        onPaired={(d) => {
          store.set(DEVICE_KEY, d);
          setNotice(null);
          setDevice(d);
        }}
      />
    );
  return (
    <PairedSite
      key={device.token}
      device={device}
      onRevoked={() => {
        store.remove(DEVICE_KEY);
        setDevice(null);
        setNotice(t('display.pairRevoked'));
      }}
    />
  );
}

function PairedSite({ device, onRevoked }: { device: KioskDevice; onRevoked: () => void }) {
  const lang = useLang();
  const [search] = useSearchParams();
  const zone = search.get('zone')?.trim() || null;
  // Checked at start and every few minutes: a revoked TV stops showing the hall's calls.
  const me = useQuery({
    queryKey: ['display', 'me', device.token],
    queryFn: ({ signal }) => deviceMe(device.token, signal),
    retry: (n, e) => !(e instanceof ApiError && e.status === 401) && n < 5,
    refetchInterval: 5 * 60_000,
  });
  useEffect(() => {
    if (me.error instanceof ApiError && me.error.status === 401) onRevoked();
  }, [me.error, onRevoked]);
  const sites = useQuery({ queryKey: ['display', 'sites'], queryFn: ({ signal }) => fetchSites(signal), staleTime: 60 * 60_000, retry: true });
  const site = sites.data?.find((s) => s.id === device.siteId);
  if (!me.isSuccess || !site) return <div className={classes.root} aria-busy="true" />;
  return <Display key={site.id} siteId={site.id} siteName={site.name} timeZone={site.timeZone} zone={zone} lang={lang} token={device.token} />;
}
