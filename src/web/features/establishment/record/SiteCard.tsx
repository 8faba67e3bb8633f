import { Alert, Anchor, Badge, Button, Card, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAdminSubmit } from '../../../app/admin';
import { useCreateSite } from '../api';
import { NS } from '../i18n';
import { shortRegionName } from '../stages';
import { reached, type MppRecord } from '../types';

type SiteStatus = 'preparation' | 'trial' | 'operating' | 'closed';

/** The MPP's site in the catalogue: linked, or created here once the trial starts. */
export function SiteCard({ record, editable }: { record: MppRecord; editable: boolean }) {
  const { t } = useTranslation(NS);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="site-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="site-title">
          {t('site.title')}
        </Title>
        {record.site ? (
          <Stack gap={4} data-testid="site-linked">
            <Text size="sm">{t('site.linked', { name: record.site.name })}</Text>
            <Badge variant="light" w="fit-content">
              {t(`site.status.${record.site.status as SiteStatus}`)}
            </Badge>
            <Anchor component={Link} to={`/mpp/${record.site.slug}`} size="sm">
              {t('site.open')}
            </Anchor>
          </Stack>
        ) : !reached(record.stage, 'uji_coba') || !editable ? (
          <Text size="sm" c="dimmed">
            {t('site.tooEarly')}
          </Text>
        ) : (
          <CreateSite record={record} />
        )}
      </Stack>
    </Card>
  );
}

const slugOf = (name: string) =>
  `mpp-${shortRegionName(name)}`
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function CreateSite({ record }: { record: MppRecord }) {
  const { t } = useTranslation(NS);
  const create = useCreateSite(record.regencyCode);
  const form = useAdminSubmit(create, (f) => ['name', 'slug', 'address', 'timeZone'].includes(f));
  const [name, setName] = useState(`Mal Pelayanan Publik ${record.regencyName}`);
  const [slug, setSlug] = useState(slugOf(record.regencyName));
  const [address, setAddress] = useState('');

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (name.trim().length < 3) found.name = t('site.name');
    if (!/^[a-z0-9-]{3,60}$/.test(slug)) found.slug = t('site.slugHint');
    form.submit(found, { name: name.trim(), slug, address: address.trim() }, { success: () => t('site.created') });
  };

  return (
    <form ref={form.formRef} onSubmit={onSubmit} noValidate>
      <Stack gap="xs">
        {form.server.summary && <Alert color="red">{form.server.summary}</Alert>}
        <TextInput label={t('site.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} error={form.errors.name} required maxLength={200} />
        <TextInput label={t('site.slug')} description={t('site.slugHint')} value={slug} onChange={(e) => setSlug(e.currentTarget.value)} error={form.errors.slug} required maxLength={60} />
        <TextInput label={t('site.address')} value={address} onChange={(e) => setAddress(e.currentTarget.value)} error={form.errors.address} maxLength={500} />
        <Button type="submit" loading={form.pending} w="fit-content">
          {t('site.create')}
        </Button>
      </Stack>
    </form>
  );
}
