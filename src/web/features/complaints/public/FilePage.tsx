import { Alert, Anchor, Button, Card, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PublicShell } from '../../../app/PublicShell';
import { QueryError } from '../../../app/QueryError';
import { usePageTitle } from '../../../app/usePageTitle';
import { useSites } from '../../catalog/api';
import { PAGES } from '../api';
import '../i18n';
import type { FileBody, Filed } from '../types';
import { ComplaintForm } from './ComplaintForm';
import { Receipt } from './Receipt';

const SOURCES: ReadonlyArray<NonNullable<FileBody['source']>> = ['web', 'status_page', 'receipt'];

/**
 * `/pengaduan`: the public complaint form (no account). From a ticket's status page or its
 * receipt the address carries the site, the ticket's tracking code and its service
 * (`?situs=&tiket=&layanan=&via=`), so the complaint is about that visit without typing.
 */
export default function FilePage() {
  const { t } = useTranslation('complaints');
  usePageTitle(t('form.title'));
  const [params] = useSearchParams();
  const sites = useSites();
  const wanted = params.get('situs') ?? '';
  const [chosen, setChosen] = useState('');
  const [done, setDone] = useState<{ filed: Filed; files: File[]; anonymous: boolean } | null>(null);
  const list = sites.data ?? [];
  const site = list.find((s) => s.id === (chosen || wanted) || s.slug === (chosen || wanted)) ?? (list.length === 1 ? list[0] : undefined);
  const via = params.get('via');
  const source = SOURCES.find((s) => s === via) ?? 'web';

  let content;
  if (sites.isPending) content = <Skeleton h={420} />;
  else if (sites.isError) content = <QueryError error={sites.error} onRetry={() => void sites.refetch()} />;
  else if (done) {
    content = (
      <Receipt
        filed={done.filed}
        files={done.files}
        anonymous={done.anonymous}
        actions={
          <Button variant="default" onClick={() => setDone(null)}>
            {t('receipt.another')}
          </Button>
        }
      />
    );
  } else {
    content = (
      <Card withBorder padding="lg">
        <Stack gap="md">
          {!site || list.length > 1 ? (
            <Select label={t('form.site')} placeholder={t('form.chooseSite')} data={list.map((s) => ({ value: s.id, label: s.name }))} value={site?.id ?? null} onChange={(v) => setChosen(v ?? '')} allowDeselect={false} withAsterisk data-testid="complaint-site" />
          ) : null}
          {params.get('tiket') && (
            <Alert color="blue" icon={<IconInfoCircle aria-hidden="true" />} data-testid="complaint-linked">
              {t('form.linkedTicket', { code: params.get('tiket') })}
            </Alert>
          )}
          {site && <ComplaintForm key={site.id} siteId={site.id} prefill={{ trackingCode: params.get('tiket') ?? undefined, serviceId: params.get('layanan') ?? undefined }} source={source} onFiled={(filed, files, anonymous) => setDone({ filed, files, anonymous })} />}
        </Stack>
      </Card>
    );
  }

  return (
    <PublicShell size="sm">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1}>{t('form.title')}</Title>
          <Text c="dimmed">{site ? t('form.intro', { site: site.name }) : t('form.introNoSite')}</Text>
          <Anchor component={Link} to={PAGES.lookup} size="sm">
            {t('track.title')}
          </Anchor>
        </Stack>
        {content}
      </Stack>
    </PublicShell>
  );
}
