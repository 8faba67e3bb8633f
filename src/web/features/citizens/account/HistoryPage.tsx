import { Anchor, Badge, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../app/QueryError';
import { usePageTitle } from '../../../app/usePageTitle';
import { formatDateTimeShort } from '../../../lib/format';
import { useLang } from '../../../i18n';
import { useHistory } from '../api';
import '../i18n';
import type { HistoryItem } from '../types';

/** Where an entry's own page is: a booking's management page, a ticket's status page. */
const hrefOf = (h: HistoryItem) => (!h.code ? null : h.kind === 'booking' ? `/booking/manage?code=${encodeURIComponent(h.code)}` : h.kind === 'ticket' ? `/t/${encodeURIComponent(h.code)}` : null);

/** Riwayat: bookings, visits and (later) applications made while signed in, newest first. */
export default function HistoryPage() {
  const { t } = useTranslation('citizens');
  const lang = useLang();
  usePageTitle(t('history.title'));
  const history = useHistory();
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('history.title')}
      </Title>
      <Text c="dimmed">{t('history.intro')}</Text>
      {history.isPending ? (
        <Skeleton h={80} />
      ) : history.isError ? (
        <QueryError error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <Text data-testid="history-empty">{t('history.empty')}</Text>
      ) : (
        <Stack gap="xs" data-testid="history">
          {history.data.map((h) => {
            const href = hrefOf(h);
            return (
              <Card key={`${h.kind}-${h.id}`} withBorder padding="sm">
                <Group justify="space-between" wrap="nowrap">
                  <Stack gap={2}>
                    <Group gap="xs">
                      <Badge variant="light" color="blue.9">{t(`history.kind.${h.kind}`)}</Badge>
                      <Text fw={600}>{h.service?.name ?? ''}</Text>
                    </Group>
                    <Text size="sm" c="dimmed">
                      {formatDateTimeShort(h.at, lang, h.site?.timeZone)}
                      {h.site ? ` · ${h.site.name}` : ''}
                    </Text>
                  </Stack>
                  {h.code &&
                    (href ? (
                      <Anchor component={Link} to={href} ff="monospace">
                        {h.code}
                      </Anchor>
                    ) : (
                      <Text ff="monospace">{h.code}</Text>
                    ))}
                </Group>
              </Card>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
