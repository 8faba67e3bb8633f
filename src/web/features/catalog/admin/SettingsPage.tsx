import { Anchor, Button, Card, Group, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { zoneLabel } from '../../../lib/format';
import { useCurrentUser } from '../../access/api';
import { osmUrl } from '../format';
import type { SiteDetail, SiteUpdate } from '../types';
import { AdminHeader, FormAlert, nullIfEmpty, QueryView, useAdminSubmit, useFormValues } from '../../../app/admin';
import { useSiteSettings, useUpdateSite } from './api';
import { useCatalogScope } from './scope';
import { can } from '../../../app/policy';

const STATUSES = ['preparation', 'trial', 'operating', 'closed'] as const;
const ZONES = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'];

interface Form {
  name: string;
  slug: string;
  timeZone: string;
  status: string;
  regency: string;
  province: string;
  address: string;
  latitude: number | '';
  longitude: number | '';
  description: string;
  phone: string;
  email: string;
  whatsapp: string;
  website: string;
  maklumat: string;
}

const fromSite = (s: SiteDetail): Form => ({
  name: s.name,
  slug: s.slug,
  timeZone: s.timeZone,
  status: s.status,
  regency: s.regency ?? '',
  province: s.province ?? '',
  address: s.address ?? '',
  latitude: s.latitude ?? '',
  longitude: s.longitude ?? '',
  description: s.description ?? '',
  phone: s.contacts.phone ?? '',
  email: s.contacts.email ?? '',
  whatsapp: s.contacts.whatsapp ?? '',
  website: s.contacts.website ?? '',
  maklumat: s.maklumat ?? '',
});

const FIELDS = new Set(['name', 'slug', 'timeZone', 'status', 'regency', 'province', 'address', 'latitude', 'longitude', 'description', 'phone', 'email', 'whatsapp', 'website', 'maklumat']);

function Block({ title, children, id }: { title: string; children: ReactNode; id: string }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={3} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

function SettingsForm({ site }: { site: SiteDetail }) {
  const { t } = useTranslation('catalog');
  const { t: ta } = useTranslation('admin');
  const user = useCurrentUser();
  const platform = can(user, 'platform.manage');
  const update = useUpdateSite(site.id);
  const { formRef, server, errors, clear, submit: send } = useAdminSubmit(update, (k) => FIELDS.has(k));
  const [f, set] = useFormValues<Form>(() => fromSite(site), clear);

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const e: Record<string, string> = {};
    if (f.name.trim().length < 3) e.name = ta('form.minChars', { count: 3 });
    if ((f.latitude === '') !== (f.longitude === '')) e.longitude = t('settings.bothCoordinates');
    if (f.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim())) e.email = ta('form.invalidEmail');
    if (f.website.trim() && !/^https?:\/\/\S+\.\S+/.test(f.website.trim())) e.website = ta('form.invalidUrl');
    const body: SiteUpdate = {
      name: f.name.trim(),
      status: f.status as SiteUpdate['status'],
      regency: f.regency.trim(),
      province: f.province.trim(),
      address: f.address.trim(),
      latitude: f.latitude === '' ? null : f.latitude,
      longitude: f.longitude === '' ? null : f.longitude,
      description: f.description.trim(),
      phone: nullIfEmpty(f.phone),
      email: nullIfEmpty(f.email),
      whatsapp: nullIfEmpty(f.whatsapp),
      website: nullIfEmpty(f.website),
      maklumat: nullIfEmpty(f.maklumat),
    };
    if (platform) Object.assign(body, { slug: f.slug.trim(), timeZone: f.timeZone });
    send(e, body, { success: () => t('settings.saved') });
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-label={t('tabs.settings')}>
      <Stack gap="md" maw={900}>
        <FormAlert message={server.summary} />
        <Block id="set-identity" title={t('settings.identity')}>
          <TextInput label={t('settings.name')} required value={f.name} onChange={(e) => set('name', e.currentTarget.value)} error={errors.name} maxLength={120} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label={t('settings.slug')} description={platform ? t('settings.slugHint') : t('settings.platformOnly')} value={f.slug} onChange={(e) => set('slug', e.currentTarget.value.toLowerCase())} error={errors.slug} disabled={!platform} />
            <NativeSelect
              label={t('settings.timeZone')}
              description={platform ? undefined : t('settings.platformOnly')}
              value={f.timeZone}
              onChange={(e) => set('timeZone', e.currentTarget.value)}
              data={[...new Set([...ZONES, f.timeZone])].map((z) => ({ value: z, label: `${zoneLabel(z)} (${z})` }))}
              error={errors.timeZone}
              disabled={!platform}
            />
            <NativeSelect label={t('settings.status')} value={f.status} onChange={(e) => set('status', e.currentTarget.value)} data={STATUSES.map((s) => ({ value: s, label: t(`settings.statuses.${s}`) }))} error={errors.status} />
          </SimpleGrid>
          <Textarea label={t('settings.description')} description={t('settings.descriptionHint')} autosize minRows={2} maxRows={6} value={f.description} onChange={(e) => set('description', e.currentTarget.value)} error={errors.description} maxLength={2000} />
          <Text size="sm">
            <Anchor component={Link} to={`/mpp/${site.slug}`} target="_blank">
              {t('settings.viewPublic')} <IconExternalLink size={12} aria-hidden="true" />
            </Anchor>
          </Text>
        </Block>

        <Block id="set-location" title={t('settings.location')}>
          <Textarea label={t('site.address')} autosize minRows={2} value={f.address} onChange={(e) => set('address', e.currentTarget.value)} error={errors.address} maxLength={300} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('settings.regency')} value={f.regency} onChange={(e) => set('regency', e.currentTarget.value)} error={errors.regency} maxLength={120} />
            <TextInput label={t('settings.province')} value={f.province} onChange={(e) => set('province', e.currentTarget.value)} error={errors.province} maxLength={120} />
            <NumberInput label={t('settings.latitude')} value={f.latitude} onChange={(v) => set('latitude', typeof v === 'number' ? v : '')} error={errors.latitude} min={-90} max={90} decimalScale={6} decimalSeparator="." />
            <NumberInput label={t('settings.longitude')} value={f.longitude} onChange={(v) => set('longitude', typeof v === 'number' ? v : '')} error={errors.longitude} min={-180} max={180} decimalScale={6} decimalSeparator="." />
          </SimpleGrid>
          {f.latitude !== '' && f.longitude !== '' && (
            <Anchor href={osmUrl(f.latitude, f.longitude)} target="_blank" rel="noopener noreferrer" size="sm">
              {t('settings.checkMap')}
            </Anchor>
          )}
        </Block>

        <Block id="set-contacts" title={t('site.contacts')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('site.phone')} type="tel" value={f.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={errors.phone} maxLength={40} />
            <TextInput label="WhatsApp" type="tel" value={f.whatsapp} onChange={(e) => set('whatsapp', e.currentTarget.value)} error={errors.whatsapp} maxLength={40} />
            <TextInput label={t('site.email')} type="email" value={f.email} onChange={(e) => set('email', e.currentTarget.value)} error={errors.email} maxLength={200} />
            <TextInput label={t('site.website')} type="url" placeholder="https://" value={f.website} onChange={(e) => set('website', e.currentTarget.value)} error={errors.website} maxLength={300} />
          </SimpleGrid>
        </Block>

        <Block id="set-maklumat" title={t('site.maklumat')}>
          <Textarea
            label={t('settings.maklumatLabel')}
            description={t('settings.maklumatHint')}
            autosize
            minRows={6}
            maxRows={20}
            value={f.maklumat}
            onChange={(e) => set('maklumat', e.currentTarget.value)}
            error={errors.maklumat}
            maxLength={5000}
            data-testid="settings-maklumat"
          />
        </Block>

        <Group>
          <Button type="submit" loading={update.isPending} data-testid="settings-save">
            {ta('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Pengaturan MPP: name, address, map point, contacts, maklumat pelayanan. */
export default function SettingsPage() {
  const { t } = useTranslation('catalog');
  const scope = useCatalogScope();
  const site = useSiteSettings(scope.siteId ?? undefined);
  return (
    <Stack gap="md">
      <AdminHeader title={t('tabs.settings')} description={t('settings.intro')} />
      <QueryView query={site} skeletonRows={8}>
        {(data) => <SettingsForm key={data.id} site={data} />}
      </QueryView>
    </Stack>
  );
}
