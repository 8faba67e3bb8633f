import { Alert, Anchor, Badge, Button, Card, Checkbox, Group, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowLeft, IconBuildingCommunity, IconCalendarEvent, IconChevronRight, IconMapPin, IconSearch, IconSettings } from '@tabler/icons-react';
import { useCallback, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { PublicShell } from '../../app/PublicShell';
import { QueryError } from '../../app/QueryError';
import { usePageTitle } from '../../app/usePageTitle';
import { normalizeNik } from '../../../domain/nik';
import { rankByQuery } from '../../../domain/search';
import { ApiError } from '../../lib/api';
import { fieldErrors, problemMessage } from '../../lib/errors';
import { dateInZone, formatClock, formatDate, formatSlot, zoneLabel } from '../../lib/format';
import { useSites } from '../catalog/api';
import { useBook, useBookableServices, useSiteToday, useSlots } from './api';
import classes from './booking.module.css';
import { NikInput, nikError } from './components/NikInput';
import { SlotPicker } from './components/SlotPicker';
import { StepHeader } from './components/StepHeader';
import { isIsoDate } from './format';
import { NS } from './i18n';
import { requirementText, saveBooking } from './storage';
import { toast } from './toast';
import type { BookableService, PublicSite, Slot } from './types';
import { useLang } from '../../i18n';

/** Same rule as the server (booking.contracts.ts). */
const PHONE = /^\+?[0-9 ()-]{8,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Sites that take bookings: operating or on trial (older servers send no status). */
const takesBookings = (s: PublicSite) => !s.status || s.status === 'operating' || s.status === 'trial';

/**
 * Public booking: MPP (when several) → service → date and time → details → /booking/done/:code.
 * The choice lives in the address (?service=&date=&start=), so reload and the back button work;
 * personal data never does.
 */
export default function BookingFlowPage() {
  const { t } = useTranslation(NS);
  usePageTitle(t('flow.title'));
  const { siteRef } = useParams();
  // The introduction is for the first step; later steps keep the small screen for the choice.
  const started = useSearchParams()[0].has('service');
  const sitesQ = useSites();
  const sites = useMemo(() => ((sitesQ.data ?? []) as PublicSite[]).filter(takesBookings), [sitesQ.data]);
  const site = siteRef ? sites.find((s) => s.slug === siteRef || s.id === siteRef) : sites.length === 1 ? sites[0] : undefined;
  const several = sites.length > 1;

  let body: ReactNode;
  if (sitesQ.isPending) body = <Skeleton h={240} radius="md" />;
  else if (sitesQ.isError) body = <QueryError error={sitesQ.error} onRetry={() => void sitesQ.refetch()} />;
  else if (siteRef && !site)
    body = (
      <Alert color="orange" icon={<IconAlertTriangle aria-hidden="true" />} title={t('flow.site.notFound', { ref: siteRef })}>
        <Anchor component={Link} to="/booking">
          {t('flow.site.all')}
        </Anchor>
      </Alert>
    );
  else if (sites.length === 0)
    body = (
      <Alert color="gray" icon={<IconBuildingCommunity aria-hidden="true" />}>
        {t('flow.site.none')}
      </Alert>
    );
  else if (!site) body = <SiteStep sites={sites} />;
  else body = <SiteFlow key={site.id} site={site} several={several} />;

  return (
    <PublicShell
      size="md"
      actions={
        <Button component={Link} to="/booking/manage" variant="subtle" size="compact-md" leftSection={<IconSettings size={16} aria-hidden="true" />} visibleFrom="xs">
          {t('manage.title')}
        </Button>
      }
    >
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('flow.title')}
          </Title>
          {site && (
            <Group gap={6} c="dimmed">
              <IconMapPin size={16} aria-hidden="true" />
              <Text size="sm" data-testid="booking-site-name">
                {site.name}
              </Text>
              {several && (
                <Anchor component={Link} to="/booking" size="sm">
                  {t('common.change')}
                </Anchor>
              )}
            </Group>
          )}
          {!started && (
            <>
              <Text c="dimmed" size="sm">
                {t('flow.intro')}
              </Text>
              <Anchor component={Link} to="/booking/manage" size="sm">
                {t('flow.manageLink')}
              </Anchor>
            </>
          )}
        </Stack>
        {body}
      </Stack>
    </PublicShell>
  );
}

function SiteStep({ sites }: { sites: PublicSite[] }) {
  const { t } = useTranslation(NS);
  return (
    <Stack gap="md">
      <StepHeader step={1} total={4} title={t('flow.steps.site')} />
      <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {sites.map((s) => (
          <li key={s.id}>
            <Link to={`/booking/${encodeURIComponent(s.slug)}`} className={classes.choice}>
              <Group justify="space-between" wrap="nowrap">
                <Stack gap={2}>
                  <Text fw={600}>{s.name}</Text>
                  <Group gap={6}>
                    <Badge variant="light" color="gray" size="sm">
                      {zoneLabel(s.timeZone)}
                    </Badge>
                    {s.status === 'trial' && (
                      <Badge variant="light" color="yellow" size="sm">
                        {t('flow.site.trial')}
                      </Badge>
                    )}
                  </Group>
                </Stack>
                <IconChevronRight size={20} aria-hidden="true" />
              </Group>
            </Link>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

function SiteFlow({ site, several }: { site: PublicSite; several: boolean }) {
  const { t } = useTranslation(NS);
  const [params, setParams] = useSearchParams();
  const services = useBookableServices(site.id);
  const { today } = useSiteToday(site);

  const serviceId = params.get('service');
  const date = isIsoDate(params.get('date')) ? params.get('date') : null;
  const start = params.get('start');
  const service = services.data?.find((s) => s.id === serviceId);

  const offset = several ? 1 : 0;
  const total = 3 + offset;

  const update = useCallback(
    (patch: Record<string, string | null>, replace = false) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === null) next.delete(k);
            else next.set(k, v);
          }
          return next;
        },
        { replace },
      );
    },
    [setParams],
  );
  const onDateChange = useCallback((d: string) => update({ date: d, start: null }, !params.get('date')), [update, params]);

  if (services.isPending) return <Skeleton h={240} radius="md" />;
  if (services.isError) return <QueryError error={services.error} onRetry={() => void services.refetch()} />;

  if (!service) {
    return (
      <Stack gap="md">
        <StepHeader step={1 + offset} total={total} title={t('flow.steps.service')} />
        {serviceId && (
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden="true" />}>
            {t('flow.service.notBookable')}
          </Alert>
        )}
        <ServiceStep services={services.data} onPick={(s) => update({ service: s.id, date: null, start: null })} />
      </Stack>
    );
  }

  if (!start || !today) {
    return (
      <Stack gap="md">
        <StepHeader step={2 + offset} total={total} title={t('flow.steps.slot')} />
        <ChosenService service={service} onChange={() => update({ service: null, date: null, start: null })} />
        {today ? (
          <SlotPicker
            siteId={site.id}
            serviceId={service.id}
            timeZone={site.timeZone}
            today={today}
            date={date}
            onDateChange={onDateChange}
            start={start}
            onStartChange={(s: Slot) => update({ start: s.start })}
          />
        ) : (
          <Skeleton h={200} radius="md" />
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="md">
      <StepHeader step={3 + offset} total={total} title={t('flow.steps.form')} />
      <DetailsStep site={site} service={service} start={start} onChangeSlot={() => update({ start: null })} />
    </Stack>
  );
}

function ChosenService({ service, onChange }: { service: BookableService; onChange: () => void }) {
  const { t } = useTranslation(NS);
  return (
    <Card withBorder padding="sm">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={0} miw={0}>
          <Text fw={600} data-testid="booking-chosen-service">
            {service.name}
          </Text>
          <Text size="sm" c="dimmed">
            {service.agency.name}
          </Text>
        </Stack>
        <Button variant="subtle" size="compact-sm" onClick={onChange} style={{ flex: 'none' }}>
          {t('common.change')}
        </Button>
      </Group>
    </Card>
  );
}

function ServiceStep({ services, onPick }: { services: BookableService[]; onPick: (s: BookableService) => void }) {
  const { t } = useTranslation(NS);
  const [q, setQ] = useState('');
  const shown = useMemo(
    () =>
      rankByQuery(services, q, (s) => [
        { text: s.name, weight: 3 },
        { text: s.code, weight: 2 },
        { text: s.keywords ?? [], weight: 2 },
        { text: [s.agency.name, s.agency.shortName ?? ''], weight: 1 },
        { text: s.description ?? '', weight: 0.5 },
      ]),
    [services, q],
  );
  if (services.length === 0) {
    return (
      <Alert color="gray" icon={<IconBuildingCommunity aria-hidden="true" />}>
        {t('flow.service.none')}
      </Alert>
    );
  }
  return (
    <Stack gap="sm">
      <TextInput
        label={t('flow.service.search')}
        placeholder={t('flow.service.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden="true" />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        type="search"
        data-testid="booking-service-search"
        autoComplete="off"
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {shown.length === 0 ? t('flow.service.noMatch', { q: q.trim() }) : t('flow.service.count', { count: shown.length })}
      </Text>
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid="booking-services">
        {shown.map((s) => (
          <li key={s.id}>
            <button type="button" className={classes.choice} onClick={() => onPick(s)} data-service-code={s.code}>
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Stack gap={2} miw={0}>
                  <Text fw={600}>{s.name}</Text>
                  <Text size="sm" c="dimmed">
                    {s.agency.name}
                  </Text>
                  {!!s.handlingMinutes && (
                    <Text size="xs" c="dimmed">
                      {t('flow.service.handling', { minutes: s.handlingMinutes })}
                    </Text>
                  )}
                </Stack>
                <IconChevronRight size={20} aria-hidden="true" style={{ flex: 'none' }} />
              </Group>
            </button>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}

type Field = 'nik' | 'name' | 'phone' | 'email' | 'consent';

function DetailsStep({ site, service, start, onChangeSlot }: { site: PublicSite; service: BookableService; start: string; onChangeSlot: () => void }) {
  const { t } = useTranslation(NS);
  const lang = useLang();
  const navigate = useNavigate();
  const book = useBook(site.id);
  const [nik, setNik] = useState('');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [slotError, setSlotError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [showAllNik, setShowAllNik] = useState(false);
  const refs = {
    nik: useRef<HTMLInputElement>(null),
    name: useRef<HTMLInputElement>(null),
    phone: useRef<HTMLInputElement>(null),
    email: useRef<HTMLInputElement>(null),
    consent: useRef<HTMLInputElement>(null),
  };

  // The slot's end is not in the address: it comes from the day's slots (cached from the previous step).
  const day = Number.isNaN(Date.parse(start)) ? undefined : dateInZone(start, site.timeZone);
  const slotsQ = useSlots(site.id, service.id, day);
  const slot = slotsQ.data?.find((s) => s.start === start);
  const when = slot
    ? formatSlot(slot.start, slot.end, lang, site.timeZone)
    : day
      ? `${formatDate(day, lang)}, ${formatClock(start, lang, site.timeZone)} ${zoneLabel(site.timeZone)}`
      : start;
  const nowFull = !!slot && slot.available <= 0 && !book.isPending && !book.isSuccess;

  const clear = (f: Field) => setErrors((e) => (e[f] ? { ...e, [f]: undefined } : e));
  const focusFirst = (errs: Partial<Record<Field, string>>) => {
    const order: Field[] = ['nik', 'name', 'phone', 'email', 'consent'];
    const f = order.find((k) => errs[k]);
    if (f) refs[f].current?.focus();
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    setSlotError(null);
    const errs: Partial<Record<Field, string>> = {};
    const nikMsg = nikError(nik);
    if (nikMsg) errs.nik = nikMsg;
    if (name.trim().length < 2) errs.name = t('flow.form.nameRequired');
    if (phone.trim() && !PHONE.test(phone.trim())) errs.phone = t('flow.form.phoneInvalid');
    if (email.trim() && !EMAIL.test(email.trim())) errs.email = t('flow.form.emailInvalid');
    if (!consent) errs.consent = t('flow.form.consentRequired');
    setShowAllNik(true);
    setErrors(errs);
    if (Object.values(errs).some(Boolean)) {
      focusFirst(errs);
      return;
    }
    book.mutate(
      { serviceId: service.id, start, nik: normalizeNik(nik), name: name.trim(), phone: phone.trim() || null, email: email.trim() || null },
      {
        onSuccess: (booking) => {
          const requirements = (service.standard?.requirements ?? []).map(requirementText).filter((r): r is string => !!r);
          saveBooking(booking, requirements);
          navigate(`/booking/done/${encodeURIComponent(booking.code)}`, { replace: true });
        },
        onError: (err) => {
          if (err instanceof ApiError && err.status === 409 && err.code === 'booking.full') {
            toast(t('flow.slot.justFull'), { color: 'orange' });
            onChangeSlot();
            return;
          }
          const fe = fieldErrors(err);
          const next: Partial<Record<Field, string>> = {};
          for (const f of ['nik', 'name', 'phone', 'email'] as const) if (fe[f]) next[f] = fe[f];
          const slotMsg = fe.start ?? fe.serviceId;
          if (slotMsg) setSlotError(err instanceof ApiError && err.messages ? problemMessage(err) : slotMsg);
          setErrors(next);
          if (Object.keys(next).length) {
            // A field problem (e.g. "NIK ini sudah punya booking ...") is shown at the field with the
            // server's longer explanation above the form.
            setFormError(problemMessage(err));
            focusFirst(next);
          } else if (!slotMsg) setFormError(problemMessage(err));
        },
      },
    );
  };

  const noContact = !phone.trim() && !email.trim();

  return (
    <form onSubmit={submit} noValidate aria-describedby={formError ? 'booking-form-error' : undefined} data-testid="booking-form">
      <Stack gap="md">
        <Card withBorder padding="sm">
          <Stack gap={6}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('flow.form.summary')}
            </Text>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={2} miw={0}>
                <Text fw={600}>{service.name}</Text>
                <Text size="sm" c="dimmed">
                  {service.agency.name}
                </Text>
                <Group gap={6} wrap="nowrap">
                  <IconCalendarEvent size={16} aria-hidden="true" style={{ flex: 'none' }} />
                  <Text size="sm" fw={500} data-testid="booking-chosen-slot">
                    {when}
                  </Text>
                </Group>
              </Stack>
              <Button variant="subtle" size="compact-sm" onClick={onChangeSlot} style={{ flex: 'none' }}>
                {t('common.change')}
              </Button>
            </Group>
            {(slotError || nowFull) && (
              <Alert color="red" variant="light" role="alert" icon={<IconAlertTriangle aria-hidden="true" />} data-testid="booking-slot-error">
                <Stack gap={6} align="flex-start">
                  <Text size="sm">{slotError ?? t('flow.slot.justFull')}</Text>
                  <Button size="xs" variant="light" color="red" onClick={onChangeSlot} leftSection={<IconArrowLeft size={14} aria-hidden="true" />}>
                    {t('flow.steps.slot')}
                  </Button>
                </Stack>
              </Alert>
            )}
          </Stack>
        </Card>

        {formError && (
          <Alert color="red" role="alert" id="booking-form-error" title={t('flow.form.failed')} icon={<IconAlertTriangle aria-hidden="true" />} data-testid="booking-form-error">
            {formError}
          </Alert>
        )}

        <NikInput
          ref={refs.nik}
          value={nik}
          onChange={(v) => {
            setNik(v);
            clear('nik');
          }}
          serverError={errors.nik}
          showAll={showAllNik && !!errors.nik}
          required
          name="nik"
          data-testid="booking-nik"
        />
        <TextInput
          ref={refs.name}
          label={t('flow.form.name')}
          description={t('flow.form.nameHint')}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            clear('name');
          }}
          error={errors.name}
          required
          autoComplete="name"
          maxLength={120}
          name="name"
          data-testid="booking-name"
        />

        <Stack gap="xs" component="fieldset" style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }}>
          <Text component="legend" fw={600} size="sm" p={0}>
            {t('flow.form.contactTitle')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('flow.form.contactHint')}
          </Text>
          <TextInput
            ref={refs.phone}
            label={t('flow.form.phone')}
            placeholder={t('flow.form.phonePlaceholder')}
            value={phone}
            onChange={(e) => {
              setPhone(e.currentTarget.value);
              clear('phone');
            }}
            error={errors.phone}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            maxLength={20}
            name="phone"
            data-testid="booking-phone"
          />
          <TextInput
            ref={refs.email}
            label={t('flow.form.email')}
            placeholder={t('flow.form.emailPlaceholder')}
            value={email}
            onChange={(e) => {
              setEmail(e.currentTarget.value);
              clear('email');
            }}
            error={errors.email}
            type="email"
            inputMode="email"
            autoComplete="email"
            maxLength={200}
            name="email"
            data-testid="booking-email"
          />
          {noContact && (
            <Text size="xs" c="orange.9" role="note">
              {t('flow.form.noContact')}
            </Text>
          )}
        </Stack>

        <Checkbox
          ref={refs.consent}
          checked={consent}
          onChange={(e) => {
            setConsent(e.currentTarget.checked);
            clear('consent');
          }}
          label={t('flow.form.consent')}
          description={t('flow.form.consentMore')}
          error={errors.consent}
          required
          name="consent"
          data-testid="booking-consent"
        />

        <Button type="submit" size="lg" loading={book.isPending} data-testid="booking-submit" fullWidth>
          {t('flow.form.submit')}
        </Button>
      </Stack>
    </form>
  );
}
