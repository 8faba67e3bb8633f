import { Anchor, Badge, Button, Card, EmptyState, Group, List, Loader, SimpleGrid, Skeleton, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { IconBrandWhatsapp, IconBuildingCommunity, IconCalendarEvent, IconChevronRight, IconMail, IconMapPin, IconPhone, IconSearch, IconWorld, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams, useSearchParams } from 'react-router';
import { PublicShell } from '../../../app/PublicShell';
import { QueryError } from '../../../app/QueryError';
import { usePageTitle } from '../../../app/usePageTitle';
import { ApiError } from '../../../lib/api';
import { useLang } from '../../../i18n';
import { zoneLabel } from '../../../lib/format';
import NotFoundPage from '../../../app/StatusPages';
import { usePublicAgencies, usePublicServices, useSiteDetail } from '../api';
import { feeText, hoursLines, osmUrl, webUrl, whatsappUrl } from '../format';
import '../i18n';
import { AGENCY_KINDS, type PublicAgency, type ServiceSummary, type SiteDetail } from '../types';
import { OpenStatus } from './OpenStatus';

function Contacts({ site }: { site: SiteDetail }) {
  const { t } = useTranslation('catalog');
  const c = site.contacts;
  const items: Array<{ icon: typeof IconPhone; label: string; text: string; href: string }> = [];
  if (c.phone) items.push({ icon: IconPhone, label: t('site.phone'), text: c.phone, href: `tel:${c.phone.replace(/[^\d+]/g, '')}` });
  if (c.whatsapp) items.push({ icon: IconBrandWhatsapp, label: 'WhatsApp', text: c.whatsapp, href: whatsappUrl(c.whatsapp) });
  if (c.email) items.push({ icon: IconMail, label: t('site.email'), text: c.email, href: `mailto:${c.email}` });
  if (c.website) items.push({ icon: IconWorld, label: t('site.website'), text: c.website.replace(/^https?:\/\//, ''), href: webUrl(c.website) });
  if (items.length === 0) return null;
  return (
    <List spacing={6} listStyleType="none" p={0} m={0} aria-label={t('site.contacts')}>
      {items.map(({ icon: I, label, text, href }) => (
        <List.Item key={label}>
          <Group gap={8} wrap="nowrap">
            <I size={18} aria-hidden="true" />
            <VisuallyHidden>{label}: </VisuallyHidden>
            <Anchor href={href} {...(href.startsWith('http') ? { target: '_blank', rel: 'noopener noreferrer' } : {})}>
              {text}
            </Anchor>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}

/** The address with regency and province added unless it already names them. */
function fullAddress(site: SiteDetail): string {
  const address = site.address.trim();
  const extra = [site.regency, site.province].filter((p) => p && !address.toLowerCase().includes(p.toLowerCase()));
  return [address, ...extra].filter(Boolean).join(', ');
}

function SiteHeader({ site }: { site: SiteDetail }) {
  const { t } = useTranslation('catalog');
  const hasPoint = site.latitude !== null && site.longitude !== null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="site-title">
      <Title order={1} id="site-title">
        {site.name}
      </Title>
      {site.status !== 'operating' && (
        <Badge color={site.status === 'closed' ? 'red' : 'yellow'} variant="light" tt="none" w="fit-content">
          {t(`site.status.${site.status}`, { defaultValue: site.status })}
        </Badge>
      )}
      <OpenStatus state={site} timeZone={site.timeZone} />
      {site.description && <Text style={{ whiteSpace: 'pre-line' }}>{site.description}</Text>}
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <IconMapPin size={18} aria-hidden="true" style={{ flexShrink: 0, marginTop: 3 }} />
        <Stack gap={2}>
          <Text>
            <VisuallyHidden>{t('site.address')}: </VisuallyHidden>
            {fullAddress(site)}
          </Text>
          {hasPoint && (
            <Anchor href={osmUrl(site.latitude as number, site.longitude as number)} target="_blank" rel="noopener noreferrer" size="sm" data-testid="map-link">
              {t('site.openMap')}
            </Anchor>
          )}
        </Stack>
      </Group>
      <Contacts site={site} />
      {/* The published satisfaction index (SKM), as PermenPANRB 14/2017 requires. */}
      <Anchor component={Link} to={`/mpp/${site.slug}/ikm`} data-testid="site-ikm-link">
        {t('site.ikm')}
      </Anchor>
      {/* Last month's service results (visitors, waits, complaints) the regulation expects published. */}
      <Anchor component={Link} to={`/mpp/${site.slug}/transparansi`} data-testid="site-transparency-link">
        {t('site.transparency')}
      </Anchor>
      <Text size="sm" c="dimmed">
        {t('site.zoneNote', { zone: zoneLabel(site.timeZone) })}
      </Text>
    </Stack>
  );
}

function ServiceLink({ s }: { s: ServiceSummary }) {
  const { t } = useTranslation('catalog');
  const lang = useLang();
  const fee = feeText(s.standard, lang, t);
  return (
    <Card withBorder padding="sm" component="li">
      <Anchor component={Link} to={`/layanan/${s.id}`} fw={600} data-testid="service-result">
        {s.name}
      </Anchor>
      <Text size="sm" c="dimmed">
        {s.agency.name}
      </Text>
      <Group gap={6} mt={4}>
        <Badge variant="light" color={fee.kind === 'free' ? 'teal' : 'gray'} size="sm" tt="none">
          {fee.short}
        </Badge>
        {s.standard.durationText && (
          <Badge variant="light" color="gray" size="sm" tt="none">
            {s.standard.durationText}
          </Badge>
        )}
        {s.bookable && (
          <Badge variant="light" color="indigo" size="sm" tt="none" leftSection={<IconCalendarEvent size={12} aria-hidden="true" />}>
            {t('service.bookable')}
          </Badge>
        )}
      </Group>
    </Card>
  );
}

/** The search box over services; the query lives in the address (?q=) so results can be shared. */
function ServiceSearch({ siteId }: { siteId: string }) {
  const { t } = useTranslation('catalog');
  const [params, setParams] = useSearchParams();
  const { pathname } = useLocation();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const results = usePublicServices(siteId, q);
  const typed = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef({ q, params, pathname });
  latest.current = { q, params, pathname };

  function apply(value: string) {
    clearTimeout(timer.current);
    const now = latest.current;
    const v = value.trim();
    // A late timer must not write ?q= onto the next page (navigation is a transition).
    if (v === now.q || window.location.pathname !== now.pathname) return;
    const next = new URLSearchParams(now.params);
    if (v) next.set('q', v);
    else next.delete('q');
    setParams(next, { replace: true, preventScrollReset: true });
  }

  // Typing searches after a short pause (cheap phones, slow networks); Enter searches at once.
  useEffect(() => {
    if (!typed.current) return;
    timer.current = setTimeout(() => apply(text), 400);
    return () => clearTimeout(timer.current);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);

  // Back / forward through searches: the box follows the address.
  useEffect(() => {
    if (q !== text.trim()) {
      typed.current = false;
      setText(q);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply(text);
  };

  return (
    <Stack gap="sm" component="section" aria-labelledby="search-title">
      <Title order={2} size="h3" id="search-title">
        {t('search.title')}
      </Title>
      <form role="search" onSubmit={submit} aria-label={t('search.title')}>
        <Group gap="xs" align="flex-end" wrap="nowrap">
          <TextInput
            flex={1}
            label={t('search.label')}
            description={t('search.hint')}
            placeholder={t('search.placeholder')}
            value={text}
            onChange={(e) => {
              typed.current = true;
              setText(e.currentTarget.value);
            }}
            leftSection={<IconSearch size={18} aria-hidden="true" />}
            rightSection={
              text ? (
                <Button
                  variant="subtle"
                  color="gray"
                  size="compact-xs"
                  px={4}
                  aria-label={t('search.clear')}
                  onClick={() => {
                    setText('');
                    apply('');
                  }}
                >
                  <IconX size={16} aria-hidden="true" />
                </Button>
              ) : null
            }
            type="search"
            enterKeyHint="search"
            autoComplete="off"
            name="q"
            data-testid="service-search"
          />
          <Button type="submit">{t('search.submit')}</Button>
        </Group>
      </form>
      <div aria-live="polite" aria-busy={results.isFetching}>
        {q &&
          (results.isPending ? (
            <Loader size="sm" aria-label={t('search.searching')} />
          ) : results.isError ? (
            <QueryError error={results.error} onRetry={() => void results.refetch()} />
          ) : (
            <Stack gap="xs">
              <Text size="sm" fw={500} data-testid="search-count">
                {results.data.length === 0 ? t('search.none', { q }) : t('search.count', { count: results.data.length, q })}
              </Text>
              {results.data.length > 0 && (
                <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none', opacity: results.isPlaceholderData ? 0.6 : 1 }}>
                  {results.data.map((s) => (
                    <ServiceLink key={s.id} s={s} />
                  ))}
                </Stack>
              )}
            </Stack>
          ))}
      </div>
    </Stack>
  );
}

/** An agency's services, fetched when its list is first opened (keeps the page light on a phone). */
function AgencyServices({ siteId, agencyId }: { siteId: string; agencyId: string }) {
  const { t } = useTranslation('catalog');
  const services = usePublicServices(siteId, '', agencyId);
  if (services.isPending) return <Loader size="xs" mt={6} aria-label={t('search.searching')} />;
  if (services.isError) return <QueryError error={services.error} onRetry={() => void services.refetch()} />;
  return (
    <List size="sm" spacing={4} mt={6} icon={<IconChevronRight size={14} aria-hidden="true" />} center>
      {services.data.map((s) => (
        <List.Item key={s.id}>
          <Anchor component={Link} to={`/layanan/${s.id}`} size="sm">
            {s.name}
          </Anchor>
        </List.Item>
      ))}
    </List>
  );
}

function AgencyCard({ a, siteId, timeZone }: { a: PublicAgency; siteId: string; timeZone: string }) {
  const { t } = useTranslation('catalog');
  const lang = useLang();
  const lines = hoursLines(a.hours, lang);
  const [opened, setOpened] = useState(false);
  return (
    <Card withBorder padding="md" component="li" data-testid="agency-card">
      <Stack gap={6}>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          {a.logoUrl && <img src={a.logoUrl} alt={a.shortName} width={40} height={40} loading="lazy" decoding="async" style={{ objectFit: 'contain', flexShrink: 0 }} data-testid="agency-logo" />}
          <div>
            <Text fw={600} component="h4" m={0} size="md">
              {a.name}
            </Text>
            {a.shortName && a.shortName !== a.name && (
              <Text size="sm" c="dimmed">
                {a.shortName}
              </Text>
            )}
          </div>
        </Group>
        <OpenStatus state={a} timeZone={timeZone} />
        {lines.length > 0 ? (
          <Text size="sm" component="div">
            <VisuallyHidden>{t('agency.hours')}: </VisuallyHidden>
            {lines.map((l) => (
              <div key={l.days}>
                {l.days} {l.hours}
              </div>
            ))}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            {t('agency.noHours')}
          </Text>
        )}
        {a.counterNumbers && a.counterNumbers.length > 0 && (
          <Text size="sm" c="dimmed">
            {t('agency.counters', { count: a.counterNumbers.length, numbers: a.counterNumbers.join(', ') })}
          </Text>
        )}
        {a.serviceCount > 0 && (
          <details onToggle={(e) => setOpened(e.currentTarget.open)}>
            <summary style={{ cursor: 'pointer' }}>
              <Text span size="sm" fw={500} c="indigo.8">
                {t('agency.services', { count: a.serviceCount })}
              </Text>
            </summary>
            {opened && <AgencyServices siteId={siteId} agencyId={a.id} />}
          </details>
        )}
      </Stack>
    </Card>
  );
}

function Agencies({ site }: { site: SiteDetail }) {
  const { t } = useTranslation('catalog');
  const agencies = usePublicAgencies(site.id);
  const groups = useMemo(() => {
    const kinds: string[] = [...AGENCY_KINDS];
    for (const a of agencies.data ?? []) if (!kinds.includes(a.kind)) kinds.push(a.kind);
    return kinds.map((k) => ({ kind: k, items: (agencies.data ?? []).filter((a) => a.kind === k) })).filter((g) => g.items.length > 0);
  }, [agencies.data]);

  return (
    <Stack gap="md" component="section" aria-labelledby="agencies-title">
      <Title order={2} size="h3" id="agencies-title">
        {t('agency.title')}
      </Title>
      {agencies.isPending ? (
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} aria-busy="true">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={120} radius="md" />
          ))}
        </SimpleGrid>
      ) : agencies.isError ? (
        <QueryError error={agencies.error} onRetry={() => void agencies.refetch()} />
      ) : groups.length === 0 ? (
        <Card withBorder padding="xl">
          <EmptyState icon={<IconBuildingCommunity size={36} aria-hidden="true" />} title={t('agency.emptyTitle')} description={t('agency.emptyDescription')} />
        </Card>
      ) : (
        groups.map((g) => (
          <Stack key={g.kind} gap="xs" component="section" aria-labelledby={`kind-${g.kind}`}>
            <Title order={3} size="h4" id={`kind-${g.kind}`}>
              {t(`kind.${g.kind}`, { defaultValue: g.kind })}{' '}
              <Text span c="dimmed" fw={400} size="sm">
                ({g.items.length})
              </Text>
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {g.items.map((a) => (
                <AgencyCard key={a.id} a={a} siteId={site.id} timeZone={site.timeZone} />
              ))}
            </SimpleGrid>
          </Stack>
        ))
      )}
    </Stack>
  );
}

function Maklumat({ text }: { text: string }) {
  const { t } = useTranslation('catalog');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="maklumat-title">
      <Stack gap="xs">
        <Title order={2} size="h3" id="maklumat-title">
          {t('site.maklumat')}
        </Title>
        <Text style={{ whiteSpace: 'pre-line' }} data-testid="maklumat">
          {text}
        </Text>
      </Stack>
    </Card>
  );
}

/** `/mpp/:slug`: an MPP's public home: where it is, who serves there, and a search over its services. */
export default function SitePage() {
  const { t } = useTranslation('catalog');
  const { slug } = useParams();
  const site = useSiteDetail(slug);
  usePageTitle(site.data?.name);

  if (site.isError && site.error instanceof ApiError && site.error.status === 404) return <NotFoundPage />;

  return (
    <PublicShell>
      {site.isPending ? (
        <Stack gap="md" aria-busy="true">
          <Skeleton h={36} w="60%" />
          <Skeleton h={20} w="40%" />
          <Skeleton h={80} />
        </Stack>
      ) : site.isError ? (
        <QueryError error={site.error} onRetry={() => void site.refetch()} />
      ) : (
        <Stack gap="xl">
          <SiteHeader site={site.data} />
          <ServiceSearch siteId={site.data.id} />
          <Agencies site={site.data} />
          {site.data.maklumat && <Maklumat text={site.data.maklumat} />}
          <Text size="sm" c="dimmed">
            <Anchor component={Link} to="/" size="sm">
              {t('site.allSites')}
            </Anchor>
          </Text>
        </Stack>
      )}
    </PublicShell>
  );
}
