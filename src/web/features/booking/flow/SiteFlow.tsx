import { Alert, Skeleton, Stack } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { QueryError } from '../../../app/QueryError';
import { useBookableServices, useSiteToday } from '../api';
import { SlotPicker } from '../components/SlotPicker';
import { StepHeader } from '../components/StepHeader';
import { isIsoDate } from '../format';
import { NS } from '../i18n';
import type { PublicSite, Slot } from '../types';
import { ChosenService } from './Chosen';
import { DetailsStep } from './DetailsStep';
import { ServiceStep } from './ServiceStep';

/** The steps within one MPP: service → date and time → details; the choice lives in the address. */
export function SiteFlow({ site, several }: { site: PublicSite; several: boolean }) {
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
