import { Button, Card, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { AdminHeader, FormAlert, nullIfEmpty, useAdminSubmit, useFormValues } from '../../../app/admin';
import { useCurrentSite } from '../../../app/currentSite';
import { zoneLabel } from '../../../lib/format';
import type { SiteCreate } from '../types';
import { useCreateSite } from './api';

/** The zones of Indonesia (WIB has two IANA names: Java/Sumatra and West Kalimantan). */
export const SITE_ZONES = ['Asia/Jakarta', 'Asia/Pontianak', 'Asia/Makassar', 'Asia/Jayapura'];
export const SITE_STATUSES = ['preparation', 'trial', 'operating', 'closed'] as const;
const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** "Mal Pelayanan Publik Kota Bontang" → "mpp-kota-bontang": the address people will type. */
export function slugFromName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/^\s*mal pelayanan publik\b/, 'mpp')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

interface Form {
  name: string;
  slug: string;
  timeZone: string;
  status: string;
  regency: string;
  province: string;
  address: string;
  phone: string;
  whatsapp: string;
  email: string;
  website: string;
}
const EMPTY: Form = { name: '', slug: '', timeZone: 'Asia/Makassar', status: 'preparation', regency: '', province: '', address: '', phone: '', whatsapp: '', email: '', website: '' };
const FIELDS = new Set(Object.keys(EMPTY));

/**
 * Platform admin: a new MPP site. On a fresh install this is the first screen of the catalogue;
 * afterwards it is reached from the catalogue's header. The new site becomes the current one and
 * its (empty) catalogue opens, with the first steps offered there.
 */
export default function NewSitePage({ first = false }: { first?: boolean }) {
  const { t } = useTranslation('catalog');
  const { t: ta } = useTranslation('admin');
  const navigate = useNavigate();
  const { setSiteId } = useCurrentSite();
  const create = useCreateSite();
  const { formRef, server, errors, clear, submit: send } = useAdminSubmit(create, (k) => FIELDS.has(k));
  const [f, set] = useFormValues<Form>(() => EMPTY, clear);
  const [slugTouched, setSlugTouched] = useState(false);

  const setName = (name: string) => {
    set('name', name);
    if (!slugTouched) set('slug', slugFromName(name));
  };

  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    const e: Record<string, string> = {};
    if (f.name.trim().length < 3) e.name = ta('form.minChars', { count: 3 });
    if (!SLUG_RE.test(f.slug.trim()) || f.slug.trim().length < 3) e.slug = t('newSite.slugInvalid');
    if (f.email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim())) e.email = ta('form.invalidEmail');
    if (f.website.trim() && !/^https?:\/\/\S+\.\S+/.test(f.website.trim())) e.website = ta('form.invalidUrl');
    const body: SiteCreate = {
      name: f.name.trim(),
      slug: f.slug.trim(),
      timeZone: f.timeZone,
      status: f.status as SiteCreate['status'],
      regency: f.regency.trim(),
      province: f.province.trim(),
      address: f.address.trim(),
      phone: nullIfEmpty(f.phone),
      whatsapp: nullIfEmpty(f.whatsapp),
      email: nullIfEmpty(f.email),
      website: nullIfEmpty(f.website),
    };
    send(e, body, {
      success: (site) => t('newSite.created', { name: site.name }),
      onSaved: (site) => {
        setSiteId(site.id);
        navigate('/admin/catalog/agencies');
      },
    });
  };

  return (
    <Stack gap="md" maw={900}>
      <AdminHeader title={first ? t('newSite.firstTitle') : t('newSite.title')} description={first ? t('newSite.firstIntro') : t('newSite.intro')} />
      <form ref={formRef} onSubmit={submit} noValidate aria-label={t('newSite.title')}>
        <Stack gap="md">
          <FormAlert message={server.summary} />
          <Card withBorder padding="lg" component="section" aria-labelledby="new-site-identity">
            <Stack gap="sm">
              <Title order={2} size="h4" id="new-site-identity">
                {t('settings.identity')}
              </Title>
              <TextInput label={t('settings.name')} placeholder={t('newSite.namePlaceholder')} required value={f.name} onChange={(e) => setName(e.currentTarget.value)} error={errors.name} maxLength={120} data-autofocus data-testid="site-name" />
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <TextInput
                  label={t('settings.slug')}
                  description={t('newSite.slugHint', { slug: f.slug || 'mpp-…' })}
                  required
                  value={f.slug}
                  onChange={(e) => {
                    setSlugTouched(true);
                    set('slug', e.currentTarget.value.toLowerCase());
                  }}
                  error={errors.slug}
                  maxLength={60}
                  data-testid="site-slug"
                />
                <NativeSelect label={t('settings.timeZone')} required value={f.timeZone} onChange={(e) => set('timeZone', e.currentTarget.value)} data={SITE_ZONES.map((z) => ({ value: z, label: `${zoneLabel(z)} (${z})` }))} error={errors.timeZone} data-testid="site-zone" />
                <NativeSelect label={t('settings.status')} value={f.status} onChange={(e) => set('status', e.currentTarget.value)} data={SITE_STATUSES.map((s) => ({ value: s, label: t(`settings.statuses.${s}`) }))} error={errors.status} data-testid="site-status" />
              </SimpleGrid>
            </Stack>
          </Card>
          <Card withBorder padding="lg" component="section" aria-labelledby="new-site-location">
            <Stack gap="sm">
              <Title order={2} size="h4" id="new-site-location">
                {t('settings.location')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('settings.regency')} placeholder={t('settings.regencyExample')} value={f.regency} onChange={(e) => set('regency', e.currentTarget.value)} error={errors.regency} maxLength={120} data-testid="site-regency" />
                <TextInput label={t('settings.province')} placeholder={t('settings.provinceExample')} value={f.province} onChange={(e) => set('province', e.currentTarget.value)} error={errors.province} maxLength={120} data-testid="site-province" />
              </SimpleGrid>
              <Textarea label={t('site.address')} autosize minRows={2} value={f.address} onChange={(e) => set('address', e.currentTarget.value)} error={errors.address} maxLength={300} data-testid="site-address" />
            </Stack>
          </Card>
          <Card withBorder padding="lg" component="section" aria-labelledby="new-site-contacts">
            <Stack gap="sm">
              <Title order={2} size="h4" id="new-site-contacts">
                {t('site.contacts')}
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('site.phone')} type="tel" value={f.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={errors.phone} maxLength={40} data-testid="site-phone" />
                <TextInput label="WhatsApp" type="tel" value={f.whatsapp} onChange={(e) => set('whatsapp', e.currentTarget.value)} error={errors.whatsapp} maxLength={40} />
                <TextInput label={t('site.email')} type="email" value={f.email} onChange={(e) => set('email', e.currentTarget.value)} error={errors.email} maxLength={200} data-testid="site-email" />
                <TextInput label={t('site.website')} type="url" placeholder="https://" value={f.website} onChange={(e) => set('website', e.currentTarget.value)} error={errors.website} maxLength={300} />
              </SimpleGrid>
              <Text size="xs" c="dimmed">
                {t('newSite.later')}
              </Text>
            </Stack>
          </Card>
          <Group>
            <Button type="submit" loading={create.isPending} data-testid="site-create">
              {t('newSite.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
