import { Alert, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../../app/admin/AdminParts';
import { QueryError } from '../../../app/QueryError';
import { usePageTitle } from '../../../app/usePageTitle';
import { useLang } from '../../../i18n';
import { notifySuccess } from '../../../lib/errors';
import { formatDateTimeShort } from '../../../lib/format';
import { useConsents, useRevokeConsent } from '../api';
import { QrImage } from '../components/QrImage';
import '../i18n';
import type { ConsentCreated, ConsentView } from '../types';
import { ShareForm } from './ShareForm';

// Dark shades: the light variant's text keeps WCAG AA contrast on its tinted background.
const STATUS_COLOR = { active: 'teal.9', expired: 'gray.8', revoked: 'red.9' } as const;

/** /akun/berbagi: share documents with an agency (a code and its QR to show at the counter), and the consents given, each revocable. */
export default function SharesPage() {
  const { t } = useTranslation('citizens');
  const lang = useLang();
  usePageTitle(t('shares.title'));
  const consents = useConsents();
  const [created, setCreated] = useState<(ConsentCreated & { agency: string }) | null>(null);
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('shares.title')}
        </Title>
        <Text c="dimmed">{t('shares.intro')}</Text>
      </Stack>
      {created && (
        <Alert color="teal" styles={{ title: { color: 'var(--mantine-color-black)' } }} icon={<IconCircleCheck aria-hidden="true" />} title={t('shares.created')} data-testid="share-created" aria-live="polite">
          <Group align="center" gap="lg">
            <QrImage svg={created.qrSvg} alt={t('shares.qrAlt', { code: created.shareCode })} />
            <Stack gap={4}>
              <Text size="sm">{t('shares.code')}</Text>
              <Text fz={32} fw={800} ff="monospace" data-testid="share-code">
                {created.shareCode}
              </Text>
              <Text size="sm">{t('shares.showAtCounter', { agency: created.agency })}</Text>
              <Text size="sm" c="dimmed">
                {t('shares.expires', { when: formatDateTimeShort(created.expiresAt, lang) })}
              </Text>
            </Stack>
          </Group>
        </Alert>
      )}
      <ShareForm onCreated={(c, agency) => setCreated({ ...c, agency })} />
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('shares.list')}
        </Title>
        {consents.isPending ? (
          <Skeleton h={100} />
        ) : consents.isError ? (
          <QueryError error={consents.error} onRetry={() => void consents.refetch()} />
        ) : consents.data.length === 0 ? (
          <Text data-testid="consents-empty">{t('shares.empty')}</Text>
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="consents">
            {consents.data.map((c) => (
              <ConsentRow key={c.id} consent={c} />
            ))}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}

function ConsentRow({ consent: c }: { consent: ConsentView }) {
  const { t } = useTranslation('citizens');
  const lang = useLang();
  const revoke = useRevokeConsent();
  const [dialog, confirm] = useConfirm();
  const ask = async () => {
    if (await confirm({ title: t('shares.revokeTitle'), message: t('shares.revokeBody', { agency: c.agency.name, code: c.shareCode ?? '' }), confirmLabel: t('shares.revokeConfirm'), danger: true }))
      revoke.mutate(c.id, { onSuccess: () => notifySuccess(t('shares.revoked')) });
  };
  return (
    <Card component="li" withBorder padding="sm" data-testid="consent" data-status={c.status} data-code={c.shareCode ?? ''}>
      {dialog}
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Group align="flex-start" gap="md" wrap="nowrap">
          {c.qrSvg && c.shareCode && <QrImage svg={c.qrSvg} alt={t('shares.qrAlt', { code: c.shareCode })} size={96} />}
          <Stack gap={2}>
            <Group gap="xs">
              <Text fw={600}>{c.agency.name}</Text>
              <Badge color={STATUS_COLOR[c.status]} variant={c.status === 'expired' ? 'outline' : 'light'}>
                {t(`shares.status.${c.status}`)}
              </Badge>
            </Group>
            {c.shareCode && (
              <Text ff="monospace" fw={700} fz="lg">
                {c.shareCode}
              </Text>
            )}
            <Text size="sm">{c.purpose}</Text>
            <Text size="xs" c="dimmed">
              {c.documents.map((d) => d.name).join(', ')}
            </Text>
            <Text size="xs" c="dimmed">
              {c.revokedAt ? t('shares.revokedAt', { when: formatDateTimeShort(c.revokedAt, lang) }) : t('shares.expires', { when: formatDateTimeShort(c.expiresAt, lang) })}
            </Text>
          </Stack>
        </Group>
        {c.status === 'active' && (
          <Button size="compact-sm" variant="light" color="red.9" onClick={() => void ask()} loading={revoke.isPending} aria-label={`${t('shares.revoke')} ${c.agency.name} ${c.shareCode ?? ''}`} data-testid="consent-revoke">
            {t('shares.revoke')}
          </Button>
        )}
      </Group>
    </Card>
  );
}
