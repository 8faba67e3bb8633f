import { Alert, Badge, Button, Card, Group, Modal, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconDeviceDesktop, IconDeviceTv, IconPlus } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminHeader, AdminTable, DangerRowButton, DialogFormActions, Empty, FormAlert, LabelledSegments, QueryView, useConfirm } from '../../../app/admin';
import { useSiteId } from '../../../app/currentSite';
import { notifySuccess } from '../../../lib/errors';
import { formatDateTime, zonedParts } from '../../../lib/format';
import { useLang } from '../../../i18n';
import { useFormErrors } from '../../../lib/useFormErrors';
import { useSites } from '../../catalog/api';
import type { Device, Pairing } from '../../catalog/types';
import '../i18n';
import { useCreatePairing, useDevices, useRevokeDevice } from './api';

/** Where each kind of device pairs (pages of the web app; the address a person types on the device). */
const PAIR_PATH = { kiosk: '/kiosk', display: '/display', survey: '/survei-tablet' } as const;
const pairUrl = (role: keyof typeof PAIR_PATH) => `${window.location.origin}${PAIR_PATH[role]}`;

/** Pairing codes live 15 minutes on the server (docs/api.md). */
const PAIRING_TTL_MS = 15 * 60_000;

/**
 * The browser deadline of a code. The server's clock may differ from this browser's (a demo clock,
 * a phone set wrong), so a deadline that does not look like "within the next 15 minutes" is
 * counted from when the code arrived instead.
 */
function deadlineOf(p: Pairing, receivedAt: number): number {
  const left = Date.parse(p.expiresAt) - receivedAt;
  return left > 0 && left <= PAIRING_TTL_MS + 60_000 ? receivedAt + left : receivedAt + PAIRING_TTL_MS;
}

function Countdown({ deadline, onExpired }: { deadline: number; onExpired: () => void }) {
  const { t } = useTranslation('access');
  const [now, setNow] = useState(() => Date.now());
  const expiredRef = useRef(false);
  useEffect(() => {
    const h = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(h);
  }, []);
  const left = Math.max(0, deadline - now);
  useEffect(() => {
    if (left === 0 && !expiredRef.current) {
      expiredRef.current = true;
      onExpired();
    }
  }, [left, onExpired]);
  const m = Math.floor(left / 60_000);
  const s = Math.floor((left % 60_000) / 1000);
  // Announced once a minute, not every second.
  return (
    <>
      <Text size="lg" fw={600} aria-hidden="true" data-testid="pairing-countdown">
        {t('device.expiresIn', { time: `${m}:${String(s).padStart(2, '0')}` })}
      </Text>
      <VisuallyHidden aria-live="polite">{t('device.expiresInMinutes', { count: Math.ceil(left / 60_000) })}</VisuallyHidden>
    </>
  );
}

function PairingResult({ pairing, receivedAt, timeZone, onAgain, onClose }: { pairing: Pairing; receivedAt: number; timeZone: string; onAgain: () => void; onClose: () => void }) {
  const { t } = useTranslation('access');
  const { t: ta } = useTranslation('admin');
  const lang = useLang();
  const [expired, setExpired] = useState(false);
  const until = zonedParts(pairing.expiresAt, timeZone, lang);
  return (
    <Stack gap="md" align="center" ta="center">
      <Text>{t('device.codeIntro', { name: pairing.name, role: t(`device.roles.${pairing.role}`) })}</Text>
      <Text
        component="output"
        ff="monospace"
        fw={800}
        style={{ fontSize: 'clamp(2.5rem, 10vw, 4.5rem)', letterSpacing: '0.12em', lineHeight: 1.1, textDecoration: expired ? 'line-through' : undefined }}
        c={expired ? 'dimmed' : undefined}
        data-testid="pairing-code"
        aria-label={t('device.codeAria', { code: pairing.code.split('').join(' ') })}
      >
        {pairing.code}
      </Text>
      {expired ? (
        <Alert color="orange" w="100%">
          {t('device.expired')}
        </Alert>
      ) : (
        <Stack gap={2}>
          <Countdown deadline={deadlineOf(pairing, receivedAt)} onExpired={() => setExpired(true)} />
          <Text size="sm" c="dimmed">
            {t('device.validUntil', { time: until.time, zone: until.zone })}
          </Text>
        </Stack>
      )}
      <Text size="sm" maw={440}>
        {t(`device.howTo.${pairing.role}`, { url: pairUrl(pairing.role) })}
      </Text>
      <Group>
        <Button variant="default" onClick={onAgain}>
          {t('device.anotherCode')}
        </Button>
        <Button onClick={onClose}>{ta('common.done')}</Button>
      </Group>
    </Stack>
  );
}

function PairingDialog({ siteId, timeZone, onClose }: { siteId: string; timeZone: string; onClose: () => void }) {
  const { t } = useTranslation('access');
  const { t: ta } = useTranslation('admin');
  const create = useCreatePairing(siteId);
  const [role, setRole] = useState<'kiosk' | 'display' | 'survey'>('kiosk');
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [result, setResult] = useState<{ pairing: Pairing; receivedAt: number } | null>(null);
  const { server } = useFormErrors(create.error, (f) => f === 'name' || f === 'role');

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (!name.trim()) return setNameError(ta('form.required'));
    setNameError(null);
    create.mutate({ role, name: name.trim() }, { onSuccess: (pairing) => setResult({ pairing, receivedAt: Date.now() }) });
  };

  if (result) return <PairingResult pairing={result.pairing} receivedAt={result.receivedAt} timeZone={timeZone} onAgain={() => {
          setResult(null);
          create.reset();
        }} onClose={onClose} />;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <FormAlert message={server.summary} />
        <LabelledSegments
          labelId="device-role-label"
          label={t('device.role')}
          value={role}
          onChange={(v) => setRole(v as 'kiosk' | 'display' | 'survey')}
          data={[
            { value: 'kiosk', label: t('device.roles.kiosk') },
            { value: 'display', label: t('device.roles.display') },
            { value: 'survey', label: t('device.roles.survey') },
          ]}
          testId="device-role"
        >
          <Text size="xs" c="dimmed">
            {t(`device.roleHint.${role}`)}
          </Text>
        </LabelledSegments>
        <TextInput label={t('device.name')} description={t('device.nameHint')} required value={name} onChange={(e) => setName(e.currentTarget.value)} error={nameError ?? server.fields.name} maxLength={80} data-autofocus data-testid="device-name" />
        <DialogFormActions onCancel={onClose} submitLabel={t('device.createCode')} loading={create.isPending} testId="pairing-create" />
      </Stack>
    </form>
  );
}

/** Perangkat: kiosks and displays paired to this site; pairing codes; revocation. */
export default function DevicesPage() {
  const { t } = useTranslation('access');
  const { t: ta } = useTranslation('admin');
  const lang = useLang();
  const siteId = useSiteId();
  const sites = useSites();
  const current = sites.data?.find((s) => s.id === siteId);
  const timeZone = current?.timeZone ?? 'Asia/Makassar';
  const devices = useDevices(siteId);
  const revoke = useRevokeDevice(siteId);
  const [pairing, setPairing] = useState(false);
  const [confirmNode, confirm] = useConfirm();

  const doRevoke = async (d: Device) => {
    const ok = await confirm({ title: t('device.revokeTitle'), message: t('device.revokeMessage', { name: d.name }), confirmLabel: t('device.revoke'), danger: true });
    if (ok) revoke.mutate(d.id, { onSuccess: () => notifySuccess(t('device.revoked', { name: d.name })) });
  };
  const list = [...(devices.data ?? [])].sort((a, b) => Number(!!a.revokedAt) - Number(!!b.revokedAt) || b.createdAt.localeCompare(a.createdAt));

  return (
    <Stack gap="md">
      {confirmNode}
      <AdminHeader
        title={t('device.title')}
        description={t('device.intro')}
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setPairing(true)} data-testid="device-pair">
            {t('device.pair')}
          </Button>
        }
      />
      <QueryView query={devices} isEmpty={() => list.length === 0} empty={<Empty icon={<IconDeviceTv size={36} aria-hidden="true" />} title={t('device.emptyTitle')} description={t('device.emptyHint')} />}>
        {() => (
          <AdminTable
            minWidth={720}
            caption={t('device.tableCaption')}
            head={
              <>
                <Table.Th>{t('device.name')}</Table.Th>
                <Table.Th>{t('device.role')}</Table.Th>
                <Table.Th>{t('device.pairedAt')}</Table.Th>
                <Table.Th>{t('device.lastSeen')}</Table.Th>
                <Table.Th>{ta('common.status')}</Table.Th>
              </>
            }
          >
            {list.map((d) => (
              <Table.Tr key={d.id} data-testid="device-row">
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    {d.role === 'display' ? <IconDeviceTv size={16} aria-hidden="true" /> : <IconDeviceDesktop size={16} aria-hidden="true" />}
                    <Text size="sm" fw={500}>
                      {d.name}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>{t(`device.roles.${d.role}`, { defaultValue: d.role })}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{formatDateTime(d.createdAt, lang, timeZone)}</Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm">{d.lastSeenAt ? formatDateTime(d.lastSeenAt, lang, timeZone) : t('device.never')}</Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={d.revokedAt ? 'gray' : 'green'} variant="light">
                    {d.revokedAt ? t('device.revokedBadge') : ta('common.active')}
                  </Badge>
                </Table.Td>
                <Table.Td>{!d.revokedAt && <DangerRowButton label={t('device.revoke')} name={d.name} onClick={() => void doRevoke(d)} loading={revoke.isPending && revoke.variables === d.id} />}</Table.Td>
              </Table.Tr>
            ))}
          </AdminTable>
        )}
      </QueryView>
      <Card withBorder padding="md" bg="gray.0">
        <Title order={3} size="h5">
          {t('device.howTitle')}
        </Title>
        <Text size="sm" data-testid="device-how">
          {t('device.howText', { kioskUrl: pairUrl('kiosk'), display: pairUrl('display'), survey: pairUrl('survey'), publicDisplay: `${window.location.origin}/display/${current?.slug ?? siteId}` })}
        </Text>
      </Card>
      <Modal opened={pairing} onClose={() => setPairing(false)} title={t('device.pairTitle')} size="lg" closeOnClickOutside={false}>
        {pairing && <PairingDialog siteId={siteId} timeZone={timeZone} onClose={() => setPairing(false)} />}
      </Modal>
    </Stack>
  );
}
