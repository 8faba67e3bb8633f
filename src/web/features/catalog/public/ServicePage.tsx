import { Anchor, Badge, Box, Breadcrumbs, Button, Card, Group, List, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCalendarEvent, IconClock, IconCoin, IconFileCheck, IconListNumbers, IconMessageReport, IconPackage, IconPrinter } from '@tabler/icons-react';
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PublicShell } from '../../../app/PublicShell';
import { QueryError } from '../../../app/QueryError';
import NotFoundPage from '../../../app/StatusPages';
import { usePageTitle } from '../../../app/usePageTitle';
import { ApiError } from '../../../lib/api';
import { formatInstant } from '../../../lib/format';
import { useLang } from '../../../i18n';
import { ReadinessCard } from '../../citizens/pages';
import { usePublicService } from '../api';
import { bookingHref, durationOf, feeText, hoursLines } from '../format';
import '../i18n';
import type { ServiceDetail } from '../types';
import { OpenStatus } from './OpenStatus';
import './print.css';

/** A QR code of this page's address, drawn by the qrcode package (loaded after the page shows). */
function QrCode({ url, label }: { url: string; label: string }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void import('qrcode')
      .then((q) => q.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } }))
      .then((svg) => {
        if (live) setSrc(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [url]);
  return (
    <Box w={132} h={132} style={{ flexShrink: 0 }}>
      {src ? <img src={src} alt={label} width={132} height={132} data-testid="service-qr" style={{ display: 'block' }} /> : <Skeleton w={132} h={132} />}
    </Box>
  );
}

function Section({ id, title, icon, children }: { id: string; title: string; icon: ReactNode; children: ReactNode }) {
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby={id} className="svc-section">
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <ThemeIcon variant="light" size="md" radius="md" aria-hidden="true">
            {icon}
          </ThemeIcon>
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

/** Text as written by the agency: line breaks kept. */
const Para = ({ children, testId }: { children: string; testId?: string }) => (
  <Text style={{ whiteSpace: 'pre-line' }} data-testid={testId}>
    {children}
  </Text>
);

function Standard({ s }: { s: ServiceDetail }) {
  const { t } = useTranslation('catalog');
  const lang = useLang();
  const std = s.standard;
  const duration = durationOf(std, t);
  const fee = feeText(std, lang, t);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Section id="std-duration" title={t('standard.duration')} icon={<IconClock size={18} />}>
          <Text fw={600} size="lg" data-testid="std-duration">
            {duration || t('standard.notStated')}
          </Text>
        </Section>
        <Section id="std-fee" title={t('standard.fee')} icon={<IconCoin size={18} />}>
          <Text fw={600} size="lg" data-testid="std-fee" data-fee-kind={fee.kind}>
            {fee.text}
          </Text>
          {std.feeBasis && (
            <Text size="sm" data-testid="std-fee-basis">
              <Text span c="dimmed" size="sm">
                {fee.basisLabel}:{' '}
              </Text>
              {std.feeBasis}
            </Text>
          )}
        </Section>
        <Section id="std-product" title={t('standard.product')} icon={<IconPackage size={18} />}>
          <Para testId="std-product">{std.product || t('standard.notStated')}</Para>
        </Section>
      </SimpleGrid>

      <Section id="std-requirements" title={t('standard.requirements')} icon={<IconFileCheck size={18} />}>
        {std.requirements.length === 0 ? (
          <Text>{t('standard.noRequirements')}</Text>
        ) : (
          <List type="ordered" spacing="xs" data-testid="std-requirements">
            {std.requirements.map((r, i) => (
              <List.Item key={`${r.documentType.key}-${i}`}>
                <Text span fw={500}>
                  {r.documentType.name}
                </Text>
                {r.note && (
                  <Text span c="dimmed">
                    {' '}
                    ({r.note})
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
        {std.requirements.length > 0 && (
          <Box mt="md" className="svc-no-print">
            <Suspense fallback={null}>
              <ReadinessCard serviceId={s.id} />
            </Suspense>
          </Box>
        )}
      </Section>

      <Section id="std-procedure" title={t('standard.procedure')} icon={<IconListNumbers size={18} />}>
        {std.procedure.length === 0 ? (
          <Text>{t('standard.notStated')}</Text>
        ) : (
          <List type="ordered" spacing="xs" data-testid="std-procedure">
            {std.procedure.map((step, i) => (
              <List.Item key={i}>
                <span style={{ whiteSpace: 'pre-line' }}>{step}</span>
              </List.Item>
            ))}
          </List>
        )}
      </Section>

      <Section id="std-complaint" title={t('standard.complaint')} icon={<IconMessageReport size={18} />}>
        <Para testId="std-complaint">{std.complaintChannel || t('standard.notStated')}</Para>
      </Section>
    </Stack>
  );
}

function ServiceView({ s }: { s: ServiceDetail }) {
  const { t } = useTranslation('catalog');
  const lang = useLang();
  const url = typeof window === 'undefined' ? `/layanan/${s.id}` : `${window.location.origin}/layanan/${s.id}`;
  const lines = hoursLines(s.hours, lang);
  const printedOn = formatInstant(new Date(), lang, { day: 'numeric', month: 'long', year: 'numeric' });

  return (
    <Stack gap="lg" className="svc-page">
      <Breadcrumbs className="svc-no-print" aria-label={t('service.breadcrumb')} separatorMargin={6}>
        <Anchor component={Link} to={`/mpp/${s.site.slug}`} size="sm">
          {s.site.name}
        </Anchor>
        <Text size="sm" aria-current="page" lineClamp={1}>
          {s.name}
        </Text>
      </Breadcrumbs>

      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="lg">
        <Stack gap={8} miw={0}>
          <Text c="dimmed" fw={500}>
            {s.agency.name} · {t(`kind.${s.agency.kind}`, { defaultValue: s.agency.kind })}
          </Text>
          <Title order={1} data-testid="service-title">
            {s.name}
          </Title>
          <Group gap="xs">
            <Badge variant="outline" color="gray" tt="none">
              {t('service.code', { code: s.code })}
            </Badge>
            {s.bookable && (
              <Badge variant="light" color="indigo" tt="none">
                {t('service.bookable')}
              </Badge>
            )}
          </Group>
          {s.openNow !== undefined && s.nextOpening !== undefined && (
            <div className="svc-no-print">
              <OpenStatus state={{ openNow: s.openNow, nextOpening: s.nextOpening, today: s.today }} timeZone={s.site.timeZone} />
            </div>
          )}
          {lines.length > 0 && (
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                {t('service.hours')}:{' '}
              </Text>
              {lines.map((l) => `${l.days} ${l.hours}`).join('; ')}
            </Text>
          )}
          {s.counters && s.counters.length > 0 && (
            <Text size="sm">
              <Text span c="dimmed" size="sm">
                {t('service.where')}:{' '}
              </Text>
              {s.counters.map((c) => c.name).join(', ')} · {s.site.name}
            </Text>
          )}
          {s.description && <Text style={{ whiteSpace: 'pre-line' }}>{s.description}</Text>}
        </Stack>
        <Stack gap={4} align="center" visibleFrom="xs">
          <QrCode url={url} label={t('service.qrAlt', { name: s.name })} />
          <Text size="xs" c="dimmed" ta="center" maw={140}>
            {t('service.qrCaption')}
          </Text>
        </Stack>
      </Group>

      <Group gap="sm" className="svc-no-print">
        {s.bookable && (
          <Button component={Link} to={bookingHref(s.site.slug, s.id)} size="md" leftSection={<IconCalendarEvent size={18} aria-hidden="true" />} data-testid="booking-button">
            {t('service.bookOnline')}
          </Button>
        )}
        <Button variant="default" size="md" onClick={() => window.print()} leftSection={<IconPrinter size={18} aria-hidden="true" />}>
          {t('service.print')}
        </Button>
      </Group>

      <Standard s={s} />

      <Box className="svc-print-only">
        <Text size="sm">
          {t('service.printedFrom', { url, date: printedOn })}
        </Text>
      </Box>
    </Stack>
  );
}

/** `/layanan/:serviceId`: a service's published standard (six components) as a citizen reads it; printable. */
export default function ServicePage() {
  const { serviceId } = useParams();
  const service = usePublicService(serviceId);
  usePageTitle(service.data ? `${service.data.name} · ${service.data.site.name}` : undefined);

  if (service.isError && service.error instanceof ApiError && (service.error.status === 404 || service.error.status === 400)) return <NotFoundPage />;

  return (
    <PublicShell>
      {service.isPending ? (
        <Stack gap="md" aria-busy="true">
          <Skeleton h={16} w="30%" />
          <Skeleton h={36} w="70%" />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Skeleton h={90} />
            <Skeleton h={90} />
            <Skeleton h={90} />
          </SimpleGrid>
          <Skeleton h={160} />
        </Stack>
      ) : service.isError ? (
        <QueryError error={service.error} onRetry={() => void service.refetch()} />
      ) : (
        <ServiceView s={service.data} />
      )}
    </PublicShell>
  );
}
