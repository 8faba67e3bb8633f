import { Alert, Button, Checkbox, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { Suspense, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { normalizeNik } from '../../../../domain/nik';
import { useLang } from '../../../i18n';
import { ApiError } from '../../../lib/api';
import { fieldErrors, problemMessage } from '../../../lib/errors';
import { dateInZone, formatClock, formatDate, formatSlot, zoneLabel } from '../../../lib/format';
import { ReadinessCard } from '../../citizens/pages';
import { useBook, useSlots } from '../api';
import { NikInput, nikError } from '../components/NikInput';
import { NS } from '../i18n';
import { requirementText, saveBooking } from '../storage';
import { toast } from '../toast';
import type { BookableService, PublicSite } from '../types';
import { ChosenSlot } from './Chosen';

/** Same rule as the server (booking.contracts.ts). */
const PHONE = /^\+?[0-9 ()-]{8,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Field = 'nik' | 'name' | 'phone' | 'email' | 'consent';

/** The last step: the citizen's NIK, name, contact and consent, then the booking. */
export function DetailsStep({ site, service, start, onChangeSlot }: { site: PublicSite; service: BookableService; start: string; onChangeSlot: () => void }) {
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
        <ChosenSlot service={service} when={when} problem={slotError ?? (nowFull ? t('flow.slot.justFull') : null)} onChange={onChangeSlot} />
        {(service.standard?.requirements.length ?? 0) > 0 && (
          <Suspense fallback={null}>
            <ReadinessCard serviceId={service.id} invite={false} />
          </Suspense>
        )}

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
