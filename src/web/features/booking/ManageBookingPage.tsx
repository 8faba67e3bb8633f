import { Alert, Anchor, Button, Card, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconArrowBackUp, IconCalendarRepeat, IconCircleCheck, IconSearch, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PublicShell } from '../../app/PublicShell';
import { usePageTitle } from '../../app/usePageTitle';
import { normalizeNik } from '../../../domain/nik';
import { ApiError } from '../../lib/api';
import { fieldErrors, problemMessage } from '../../lib/errors';
import { useCancelBooking, useLookup, useReschedule, useSiteToday } from './api';
import { BookingCard } from './components/BookingCard';
import { NikInput, nikError } from './components/NikInput';
import { SlotPicker } from './components/SlotPicker';
import { normaliseCode } from './format';
import { NS } from './i18n';
import { forgetBooking } from './storage';
import { toast } from './toast';
import type { Booking, Slot } from './types';
import { dateInZone, formatSlot } from '../../lib/format';
import { useLang } from '../../i18n';

/**
 * /booking/manage: find a booking by code + NIK (POST, the NIK never in a URL), then cancel it or
 * move it to another slot. The NIK stays in this page's memory only.
 */
export default function ManageBookingPage() {
  const { t } = useTranslation(NS);
  usePageTitle(t('manage.title'));
  const [params, setParams] = useSearchParams();
  const [code, setCode] = useState(() => normaliseCode(params.get('code') ?? ''));
  const [nik, setNik] = useState('');
  const [booking, setBooking] = useState<Booking | null>(null);
  const [newCode, setNewCode] = useState<string | null>(null);
  const [codeError, setCodeError] = useState<string | null>(null);
  const [nikServerError, setNikServerError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [showNik, setShowNik] = useState(false);
  const lookup = useLookup();
  const codeRef = useRef<HTMLInputElement>(null);
  const nikRef = useRef<HTMLInputElement>(null);
  const detailsRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (booking) detailsRef.current?.focus();
  }, [booking]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    setNikServerError(null);
    setShowNik(true);
    const c = normaliseCode(code);
    const cErr = c.length < 4 || c.length > 20 ? t('manage.codeInvalid') : null;
    const nErr = nikError(nik);
    setCodeError(cErr);
    if (cErr) return codeRef.current?.focus();
    if (nErr) return nikRef.current?.focus();
    lookup.mutate(
      { code: c, nik: normalizeNik(nik) },
      {
        onSuccess: (b) => {
          setBooking(b);
          setNewCode(null);
          setParams({ code: b.code }, { replace: true });
        },
        onError: (err) => {
          if (err instanceof ApiError && err.status === 404) {
            setCodeError(t('manage.notFound'));
            codeRef.current?.focus();
            return;
          }
          const fe = fieldErrors(err);
          if (fe.nik) {
            setNikServerError(fe.nik);
            nikRef.current?.focus();
            return;
          }
          setFormError(problemMessage(err));
        },
      },
    );
  };

  const reset = () => {
    setBooking(null);
    setNik('');
    setCode('');
    setNewCode(null);
    setShowNik(false);
    setParams({}, { replace: true });
    setTimeout(() => codeRef.current?.focus(), 0);
  };

  return (
    <PublicShell size="sm">
      <Stack gap="lg">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('manage.title')}
          </Title>
          {!booking && <Text c="dimmed">{t('manage.intro')}</Text>}
        </Stack>

        {!booking ? (
          <form onSubmit={submit} noValidate data-testid="manage-form">
            <Stack gap="md">
              {formError && (
                <Alert color="red" role="alert" icon={<IconAlertTriangle aria-hidden="true" />}>
                  {formError}
                </Alert>
              )}
              <TextInput
                ref={codeRef}
                label={t('manage.code')}
                placeholder={t('manage.codePlaceholder')}
                value={code}
                onChange={(e) => {
                  setCode(e.currentTarget.value.toUpperCase());
                  setCodeError(null);
                }}
                error={codeError}
                required
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
                maxLength={24}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.1em', textTransform: 'uppercase' } }}
                data-testid="manage-code"
              />
              <NikInput
                ref={nikRef}
                value={nik}
                onChange={(v) => {
                  setNik(v);
                  setNikServerError(null);
                }}
                serverError={nikServerError}
                showAll={showNik}
                required
                data-testid="manage-nik"
              />
              <Button type="submit" loading={lookup.isPending} leftSection={<IconSearch size={18} aria-hidden="true" />} data-testid="manage-submit">
                {t('manage.find')}
              </Button>
              <Anchor component={Link} to="/booking" size="sm">
                {t('flow.title')}
              </Anchor>
            </Stack>
          </form>
        ) : (
          <Stack gap="md">
            <Title order={2} size="h4" ref={detailsRef} tabIndex={-1} style={{ outline: 'none' }}>
              {t('manage.details')}
            </Title>
            {newCode && (
              <Alert color="green" icon={<IconCircleCheck aria-hidden="true" />} title={t('manage.newCode')} data-testid="manage-new-code">
                {t('manage.newCodeNote')}
              </Alert>
            )}
            <BookingCard booking={booking} showStatus />
            <ManageActions
              booking={booking}
              nik={normalizeNik(nik)}
              onCancelled={() => {
                forgetBooking(booking.code);
                setBooking({ ...booking, status: 'cancelled' });
              }}
              onRescheduled={(b) => {
                forgetBooking(booking.code);
                setBooking(b);
                setNewCode(b.code);
                setParams({ code: b.code }, { replace: true });
              }}
            />
            <Group>
              <Button variant="subtle" onClick={reset} leftSection={<IconArrowBackUp size={18} aria-hidden="true" />}>
                {t('manage.other')}
              </Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </PublicShell>
  );
}

function ManageActions({ booking, nik, onCancelled, onRescheduled }: { booking: Booking; nik: string; onCancelled: () => void; onRescheduled: (b: Booking) => void }) {
  const { t } = useTranslation(NS);
  const lang = useLang();
  const [confirming, setConfirming] = useState(false);
  const [moving, setMoving] = useState(false);
  const [date, setDate] = useState<string | null>(() => dateInZone(booking.start, booking.site.timeZone));
  const [target, setTarget] = useState<Slot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const cancel = useCancelBooking();
  const reschedule = useReschedule();
  const { today } = useSiteToday({ id: booking.site.id, timeZone: booking.site.timeZone });
  const onDateChange = useCallback((d: string) => {
    setDate(d);
    setTarget(null);
  }, []);

  if (booking.status !== 'booked') {
    return booking.status === 'cancelled' ? null : (
      <Text size="sm" c="dimmed">
        {t('manage.notActive', { status: t(`status.${booking.status}`, { defaultValue: booking.status }) })}
      </Text>
    );
  }

  const when = formatSlot(booking.start, booking.end, lang, booking.site.timeZone);

  const doCancel = () =>
    cancel.mutate(
      { siteId: booking.site.id, code: booking.code, nik, serviceId: booking.service.id },
      {
        onSuccess: () => {
          setConfirming(false);
          toast(t('manage.cancelled', { code: booking.code }), { color: 'green' });
          onCancelled();
        },
        onError: (err) => {
          setConfirming(false);
          setError(problemMessage(err));
        },
      },
    );

  const doMove = () => {
    if (!target) return;
    setError(null);
    reschedule.mutate(
      { siteId: booking.site.id, code: booking.code, nik, start: target.start, serviceId: booking.service.id },
      {
        onSuccess: (b) => {
          setMoving(false);
          setTarget(null);
          toast(t('manage.rescheduled', { code: b.code }), { color: 'green', autoClose: 10_000 });
          onRescheduled(b);
        },
        onError: (err) => {
          if (err instanceof ApiError && err.status === 409 && err.code === 'booking.full') {
            toast(t('flow.slot.justFull'), { color: 'orange' });
            setTarget(null);
            return;
          }
          setError(problemMessage(err));
        },
      },
    );
  };

  return (
    <Stack gap="md">
      {error && (
        <Alert color="red" role="alert" icon={<IconAlertTriangle aria-hidden="true" />} withCloseButton onClose={() => setError(null)} closeButtonLabel={t('common.cancel')}>
          {error}
        </Alert>
      )}
      <Group gap="sm">
        <Button
          variant={moving ? 'filled' : 'light'}
          onClick={() => setMoving((m) => !m)}
          aria-expanded={moving}
          aria-controls="manage-reschedule"
          leftSection={<IconCalendarRepeat size={18} aria-hidden="true" />}
          data-testid="manage-reschedule"
        >
          {t('manage.reschedule')}
        </Button>
        <Button color="red" variant="light" onClick={() => setConfirming(true)} leftSection={<IconX size={18} aria-hidden="true" />} data-testid="manage-cancel">
          {t('manage.cancel')}
        </Button>
      </Group>

      {moving && (
        <Card withBorder id="manage-reschedule" padding="md">
          <Stack gap="md">
            <Stack gap={2}>
              <Title order={3} size="h5">
                {t('manage.rescheduleTitle')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('manage.rescheduleHint')}
              </Text>
            </Stack>
            {today && (
              <SlotPicker
                siteId={booking.site.id}
                serviceId={booking.service.id}
                timeZone={booking.site.timeZone}
                today={today}
                date={date}
                onDateChange={onDateChange}
                start={target?.start ?? null}
                onStartChange={setTarget}
                exclude={booking.start}
              />
            )}
            <Button onClick={doMove} disabled={!target} loading={reschedule.isPending} data-testid="manage-reschedule-confirm">
              {target ? `${t('manage.rescheduleConfirm')}: ${formatSlot(target.start, target.end, lang, booking.site.timeZone)}` : t('manage.rescheduleConfirm')}
            </Button>
          </Stack>
        </Card>
      )}

      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('manage.cancelTitle')} centered closeButtonProps={{ 'aria-label': t('common.closeDialog') }}>
        <Stack gap="md">
          <Text>{t('manage.cancelBody', { code: booking.code, service: booking.service.name, when })}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)} data-autofocus>
              {t('manage.keep')}
            </Button>
            <Button color="red" onClick={doCancel} loading={cancel.isPending} data-testid="manage-cancel-confirm">
              {t('manage.cancelConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
