import { Alert, Anchor, Button, Card, Group, List, Stack, Text, TextInput, Timeline, Title } from '@mantine/core';
import { IconAlertTriangle, IconPackage, IconSearch, IconShieldLock } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { formHref } from '../../complaints/api';
import { PageLoader } from '../../../app/PageLoader';
import { PublicShell } from '../../../app/PublicShell';
import { QueryError } from '../../../app/QueryError';
import { usePageTitle } from '../../../app/usePageTitle';
import { useLang } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import { formatDate, formatDateTimeShort, formatOpening } from '../../../lib/format';
import { usePublicApplication } from '../api';
import '../i18n';
import { Deadline, INK, StatusBadge } from '../parts';
import type { PublicApplication } from '../types';

/** What a citizen types from the receipt: any case, with spaces or dashes between groups. */
const normalise = (s: string) => s.toUpperCase().replace(/[\s-]+/g, '');
const DAY = { day: 'numeric', month: 'long', year: 'numeric' } as const;

/**
 * `/lacak/<code>` (the address the receipt's QR code and the messages carry) and `/lacak`: where an
 * application stands, its steps, the due date, what is missing and, when ready, what to bring.
 * The server sends no name, NIK, address or phone, and this page has none to show.
 */
export default function TrackingPage() {
  const { t } = useTranslation('applications');
  const { code = '' } = useParams();
  usePageTitle(t('track.title'));
  const q = usePublicApplication(code ? normalise(code) : undefined);
  const notFound = q.isError && q.error instanceof ApiError && (q.error.status === 404 || q.error.status === 400);
  return (
    <PublicShell size="sm">
      <Stack gap="lg">
        <Title order={1} size="h2">
          {t('track.title')}
        </Title>
        {!code ? (
          <Lookup code="" />
        ) : q.isPending ? (
          <PageLoader />
        ) : notFound ? (
          <>
            <Alert color="yellow" icon={<IconAlertTriangle aria-hidden="true" />} title={t('track.notFound')} role="alert" styles={{ title: { color: INK.yellow } }} data-testid="track-not-found">
              {t('track.notFoundHint')}
            </Alert>
            <Lookup code={code} />
          </>
        ) : q.isError ? (
          <QueryError error={q.error} onRetry={() => void q.refetch()} />
        ) : (
          <Found a={q.data} code={code} />
        )}
      </Stack>
    </PublicShell>
  );
}

function Lookup({ code }: { code: string }) {
  const { t } = useTranslation('applications');
  const navigate = useNavigate();
  const [value, setValue] = useState(code);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next = normalise(value);
    if (next) void navigate(`/lacak/${encodeURIComponent(next)}`);
  };
  return (
    <Card withBorder component="form" onSubmit={submit}>
      <Stack gap="sm">
        <Text size="sm">{t('track.intro')}</Text>
        <TextInput label={t('track.label')} value={value} onChange={(e) => setValue(e.currentTarget.value)} autoCapitalize="characters" autoComplete="off" spellCheck={false} maxLength={24} required data-testid="track-code" />
        <Group>
          <Button type="submit" leftSection={<IconSearch size={18} aria-hidden="true" />} data-testid="track-submit">
            {t('track.submit')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Found({ a, code }: { a: PublicApplication; code: string }) {
  const { t } = useTranslation('applications');
  const lang = useLang();
  const tz = a.site.timeZone;
  return (
    <Stack gap="md" data-testid="track-found">
      <Card withBorder>
        <Stack gap="xs">
          <Group justify="space-between" align="flex-start">
            <div>
              <Text size="sm" c="dimmed">
                {t('track.number')}
              </Text>
              <Text fw={800} ff="monospace" size="lg" data-testid="track-number">
                {a.registrationNumber}
              </Text>
            </div>
            <StatusBadge status={a.status} size="lg" />
          </Group>
          <Text>
            <b>{a.service.name}</b> · {a.agency.name}
          </Text>
          <Text size="sm" c="dimmed">
            {a.site.name}
          </Text>
          {a.receivedOn && (
            <Text size="sm">
              {t('track.received')}: {formatDate(a.receivedOn, lang, DAY)}
            </Text>
          )}
          <Group gap="md" align="flex-start">
            <Text size="sm" c="dimmed">
              {t('deadline.due')}
            </Text>
            <div data-testid="track-due">
              <Deadline d={a} lang={lang} />
            </div>
          </Group>
        </Stack>
      </Card>

      {a.missing.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle aria-hidden="true" />} title={t('track.missingTitle')} styles={{ title: { color: INK.orange } }} data-testid="track-missing">
          <List size="sm">
            {a.missing.map((m) => (
              <List.Item key={m}>{m}</List.Item>
            ))}
          </List>
          <Text size="sm" mt="xs">
            {t('track.missingHint', { agency: a.agency.name })}
          </Text>
        </Alert>
      )}

      {a.pickup && (
        <Alert color="teal" icon={<IconPackage aria-hidden="true" />} title={t('track.readyTitle')} styles={{ title: { color: INK.teal } }} data-testid="track-ready">
          <Text size="sm">
            {t('track.product')}: {a.pickup.product}
          </Text>
          <Text size="sm" mt="xs" fw={600}>
            {t('track.readyBring')}:
          </Text>
          <List size="sm">
            {a.pickup.bring.map((b) => (
              <List.Item key={b}>{t(`track.bring.${b}`)}</List.Item>
            ))}
          </List>
          {a.pickup.nextOpening && (
            <Text size="sm" mt="xs">
              {t('track.readyWhen', { when: formatOpening(a.pickup.nextOpening, lang, tz) })}
            </Text>
          )}
          <Text size="sm" mt="xs">
            {t('track.readyKiosk')}
          </Text>
        </Alert>
      )}

      <Card withBorder>
        <Title order={2} size="h4" mb="sm">
          {t('track.steps')}
        </Title>
        <Timeline active={a.history.length - 1} bulletSize={14} lineWidth={2} data-testid="track-history">
          {a.history.map((h, i) => (
            <Timeline.Item key={`${h.at}-${i}`} title={t(`status.${h.status}`)}>
              <Text size="xs" c="dimmed">
                {formatDateTimeShort(h.at, lang, tz)}
              </Text>
              {h.note && <Text size="sm">{h.note}</Text>}
              {h.missing && <Text size="sm">{h.missing.join(', ')}</Text>}
            </Timeline.Item>
          ))}
        </Timeline>
      </Card>

      <Group gap="xs" c="dimmed">
        <IconShieldLock size={16} aria-hidden="true" />
        <Text size="xs" c="dimmed">
          {t('track.noPersonal')}
        </Text>
      </Group>
      {/* The SKM takes this code too: the application's service is rated as part of its visit. */}
      <Anchor component={Link} to={`/survei/${encodeURIComponent(code)}`} size="sm" data-testid="track-survey">
        {t('track.survey')}
      </Anchor>
      {/* "Sampaikan pengaduan" about this application: the form links it by its code. */}
      <Anchor component={Link} to={formHref({ siteId: a.site.id, ticketCode: code, serviceId: a.service.id, via: 'receipt' })} size="sm" data-testid="track-complain">
        {t('track.complain')}
      </Anchor>
      <Anchor component={Link} to="/lacak" size="sm">
        {t('track.other')}
      </Anchor>
    </Stack>
  );
}
