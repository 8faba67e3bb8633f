import { Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconDeviceMobile } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../../app/admin/AdminParts';
import { QueryError } from '../../../app/QueryError';
import { notifySuccess } from '../../../lib/errors';
import { formatDateTimeShort } from '../../../lib/format';
import { useLang } from '../../../i18n';
import { useEndSession, useSessions } from '../api';
import '../i18n';

/** "Chrome di Android" is enough to tell a phone from a laptop; the full string is in the title. */
export function deviceName(ua: string | null): string | null {
  if (!ua) return null;
  const browser = /Edg\//.test(ua) ? 'Edge' : /OPR\/|Opera/.test(ua) ? 'Opera' : /Firefox\//.test(ua) ? 'Firefox' : /SamsungBrowser/.test(ua) ? 'Samsung Internet' : /Chrome\//.test(ua) ? 'Chrome' : /Safari\//.test(ua) ? 'Safari' : null;
  const os = /Android/.test(ua) ? 'Android' : /iPhone|iPad/.test(ua) ? 'iOS' : /Windows/.test(ua) ? 'Windows' : /Mac OS X/.test(ua) ? 'macOS' : /Linux/.test(ua) ? 'Linux' : null;
  return [browser, os].filter(Boolean).join(' · ') || ua.slice(0, 40);
}

/** The devices signed in to the account, this one marked; any other can be signed out (a lost phone). */
export function SessionsCard() {
  const { t } = useTranslation('citizens');
  const lang = useLang();
  const sessions = useSessions();
  const end = useEndSession();
  const [dialog, confirm] = useConfirm();
  const ask = async (id: string) => {
    if (await confirm({ title: t('profile.endTitle'), message: t('profile.endBody'), confirmLabel: t('profile.endSession'), danger: true })) end.mutate(id, { onSuccess: () => notifySuccess(t('profile.ended')) });
  };
  return (
    <Card withBorder padding="lg">
      {dialog}
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('profile.sessions')}
        </Title>
        {sessions.isPending ? (
          <Skeleton h={48} />
        ) : sessions.isError ? (
          <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
        ) : (
          <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="sessions">
            {sessions.data.map((s) => (
              <Group key={s.id} component="li" justify="space-between" wrap="nowrap" data-testid="session">
                <Group gap="sm" wrap="nowrap">
                  <IconDeviceMobile size={20} aria-hidden="true" />
                  <Stack gap={0}>
                    <Text size="sm" fw={500} title={s.userAgent ?? undefined}>
                      {deviceName(s.userAgent) ?? t('profile.unknownDevice')}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('profile.since', { when: formatDateTimeShort(s.createdAt, lang) })}, {t('profile.until', { when: formatDateTimeShort(s.expiresAt, lang) })}
                    </Text>
                  </Stack>
                </Group>
                {s.current ? (
                  <Badge variant="light" color="blue.9">{t('profile.current')}</Badge>
                ) : (
                  <Button size="compact-sm" variant="light" color="red.9" onClick={() => void ask(s.id)} data-testid="session-end">
                    {t('profile.endSession')}
                  </Button>
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
