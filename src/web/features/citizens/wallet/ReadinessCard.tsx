import { Anchor, Badge, Button, Card, Group, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed, IconFileUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { QueryError } from '../../../app/QueryError';
import { useCitizen, useReadiness } from '../api';
import '../i18n';
import type { Readiness } from '../types';

const COLOR = { verified: 'teal.9', uploaded: 'blue.9', missing: 'gray.8' } as const;

/**
 * "Sudah siap 2 dari 3": which of a service's requirements the signed-in citizen's wallet holds
 * (verified / uploaded / missing), with the way to add what is missing. Nobody signed in: an
 * invitation to sign in (unless `invite` is false: inside the booking form). Mounted by the service page (pages.ts) and /akun/siap/:serviceId.
 */
export default function ReadinessCard({ serviceId, withTitle = true, invite = true }: { serviceId: string; withTitle?: boolean; invite?: boolean }) {
  const { t } = useTranslation('citizens');
  const location = useLocation();
  const me = useCitizen();
  const readiness = useReadiness(serviceId, !!me.data);
  if (me.isPending || me.isError) return null;
  if (!me.data && !invite) return null;
  if (!me.data)
    return (
      <Card withBorder padding="md" data-testid="readiness-signin">
        <Group justify="space-between" gap="xs">
          <Text size="sm">{t('readiness.signInHint')}</Text>
          <Button component={Link} to={`/akun/masuk?next=${encodeURIComponent(location.pathname + location.search)}`} size="compact-sm" variant="light">
            {t('readiness.signIn')}
          </Button>
        </Group>
      </Card>
    );
  return (
    <Card withBorder padding="md" data-testid="readiness">
      <Stack gap="sm">
        {withTitle && (
          <Title order={2} size="h4">
            {t('readiness.title')}
          </Title>
        )}
        {readiness.isPending ? <Skeleton h={60} /> : readiness.isError ? <QueryError error={readiness.error} onRetry={() => void readiness.refetch()} /> : <ReadinessList r={readiness.data} />}
      </Stack>
    </Card>
  );
}

function ReadinessList({ r }: { r: Readiness }) {
  const { t } = useTranslation('citizens');
  if (r.total === 0) return <Text size="sm">{t('readiness.none')}</Text>;
  const firstMissing = r.requirements.find((q) => q.have === 'missing');
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text fw={700} data-testid="readiness-summary">
          {t('readiness.summary', { have: r.have, total: r.total })}
        </Text>
        {r.ready && (
          <Badge color="teal.9" variant="light">
            {t('readiness.ready')}
          </Badge>
        )}
      </Group>
      <Progress value={(r.have / r.total) * 100} color={r.ready ? 'teal' : 'blue'} aria-label={t('readiness.summary', { have: r.have, total: r.total })} />
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {r.requirements.map((q) => (
          <Group key={q.key} component="li" gap="xs" wrap="nowrap" data-testid="readiness-item" data-have={q.have}>
            {q.have === 'missing' ? <IconCircleDashed size={18} aria-hidden="true" /> : <IconCircleCheck size={18} color="var(--mantine-color-teal-7)" aria-hidden="true" />}
            <Text size="sm" style={{ flex: 1 }}>
              {q.name}
              {q.note ? ` (${q.note})` : ''}
            </Text>
            <Badge size="sm" variant={q.have === 'missing' ? 'outline' : 'light'} color={COLOR[q.have]}>
              {t(`readiness.have.${q.have}`)}
            </Badge>
          </Group>
        ))}
      </Stack>
      <Group gap="xs">
        {firstMissing && (
          <Button component={Link} to={`/akun/berkas${firstMissing.documentTypeId ? `?type=${firstMissing.documentTypeId}` : ''}`} size="compact-sm" variant="light" leftSection={<IconFileUpload size={14} aria-hidden="true" />}>
            {t('readiness.openWallet')}
          </Button>
        )}
        {r.have > 0 && (
          <Anchor component={Link} to={`/akun/berbagi?service=${r.serviceId}`} size="sm">
            {t('readiness.share')}
          </Anchor>
        )}
      </Group>
    </Stack>
  );
}
