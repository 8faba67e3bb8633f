import { Alert, Anchor, Button, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCalendarPlus, IconCircleCheck, IconFileText, IconInfoCircle, IconPlus, IconPrinter, IconSettings } from '@tabler/icons-react';
import { Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PublicShell } from '../../app/PublicShell';
import { usePageTitle } from '../../app/usePageTitle';
import classes from './booking.module.css';
import { ReadinessCard } from '../citizens/pages';
import { BookingCard } from './components/BookingCard';
import { normaliseCode } from './format';
import { NS } from './i18n';
import { loadBooking } from './storage';

/** /booking/done/:code: the confirmation, from this tab's sessionStorage (survives a reload). */
export default function BookingDonePage() {
  const { t } = useTranslation(NS);
  usePageTitle(t('done.title'));
  const code = normaliseCode(useParams().code ?? '');
  const stored = loadBooking(code);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const manageTo = `/booking/manage?code=${encodeURIComponent(code)}`;

  if (!stored) {
    return (
      <PublicShell size="sm">
        <Stack gap="lg">
          <Title order={1} size="h2" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
            {t('done.codeLabel')}
          </Title>
          <Paper withBorder p="lg" radius="md">
            <Text className={classes.code} data-testid="booking-code">
              {code}
            </Text>
          </Paper>
          <Alert color="blue" icon={<IconInfoCircle aria-hidden="true" />} title={t('done.missingTitle')}>
            {t('done.missingBody', { code })}
          </Alert>
          <Group>
            <Button component={Link} to={manageTo} leftSection={<IconSettings size={18} aria-hidden="true" />}>
              {t('manage.title')}
            </Button>
          </Group>
        </Stack>
      </PublicShell>
    );
  }

  const { booking, requirements } = stored;
  return (
    <PublicShell size="sm">
      <Stack gap="lg" data-booking-print="">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon color="green" size={40} radius="xl" variant="light" aria-hidden="true">
            <IconCircleCheck size={26} />
          </ThemeIcon>
          <Stack gap={2}>
            <Title order={1} size="h2" ref={heading} tabIndex={-1} style={{ outline: 'none' }} data-testid="booking-done-title">
              {t('done.title')}
            </Title>
            <Text c="dimmed">{t('done.subtitle')}</Text>
          </Stack>
        </Group>

        <BookingCard booking={booking}>
          <Text size="sm">{t('done.saveCode')}</Text>
        </BookingCard>

        <Group gap="sm" className={classes.noPrint} grow preventGrowOverflow={false} wrap="wrap">
          <Button component="a" href={booking.icsUrl} download={`booking-${booking.code}.ics`} leftSection={<IconCalendarPlus size={18} aria-hidden="true" />} data-testid="booking-ics">
            {t('done.calendar')}
          </Button>
          <Button variant="default" onClick={() => window.print()} leftSection={<IconPrinter size={18} aria-hidden="true" />} data-testid="booking-print">
            {t('done.print')}
          </Button>
        </Group>

        <Stack gap="xs" component="section" aria-labelledby="booking-bring">
          <Title order={2} size="h4" id="booking-bring">
            {t('done.bring')}
          </Title>
          <List spacing={4} icon={<IconFileText size={16} aria-hidden="true" style={{ marginTop: 3 }} />} data-testid="booking-requirements">
            {requirements.length === 0 && <List.Item>{t('done.bringKtp')}</List.Item>}
            {requirements.map((r) => (
              <List.Item key={r}>{r}</List.Item>
            ))}
          </List>
          <Anchor component={Link} to={`/layanan/${encodeURIComponent(booking.service.id)}`} size="sm" className={classes.noPrint}>
            {t('done.bringMore')}
          </Anchor>
          {requirements.length > 0 && (
            <div className={classes.noPrint}>
              <Suspense fallback={null}>
                <ReadinessCard serviceId={booking.service.id} />
              </Suspense>
            </div>
          )}
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden="true" />}>
            {t('done.arrive')}
          </Alert>
        </Stack>

        <Group gap="sm" className={classes.noPrint}>
          <Button component={Link} to={manageTo} variant="light" leftSection={<IconSettings size={18} aria-hidden="true" />}>
            {t('done.manage')}
          </Button>
          <Button component={Link} to={`/booking/${encodeURIComponent(booking.site.id)}`} variant="subtle" leftSection={<IconPlus size={18} aria-hidden="true" />}>
            {t('done.again')}
          </Button>
        </Group>
      </Stack>
    </PublicShell>
  );
}
