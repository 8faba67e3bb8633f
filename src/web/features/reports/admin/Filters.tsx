import { Group, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../i18n';
import { formatDate } from '../../../lib/format';
import { useStaff } from '../../access/admin/api';
import { usePublicAgencies, usePublicServices } from '../../catalog/api';
import { useCounters } from '../api';
import { MAX_RANGE_DAYS, PERIOD_PRESETS, rangeProblem, type DateRange, type PeriodPreset } from '../period';
import type { ReportsScope } from './scope';
import type { DashboardFilters } from './useFilters';

/** The dashboard's period (presets or two dates) and scope (MPP, agency, service, counter, officer) as the caller may. */
export function Filters({ scope, f }: { scope: ReportsScope; f: DashboardFilters }) {
  const { t } = useTranslation('reports');
  const lang = useLang();
  const siteId = scope.siteId ?? undefined;
  const agencies = usePublicAgencies(siteId);
  const services = usePublicServices(siteId, '', f.agencyId || undefined, !!f.agencyId && !scope.ownOnly);
  const counters = useCounters(siteId, !scope.ownOnly);
  // Officers are listed from the staff accounts, which only the site's managers may read.
  const officers = useStaff(siteId, { page: 1, pageSize: 500, role: 'officer', status: 'active', agencyId: f.agencyId || undefined }, scope.manager);
  const agencyOptions = useMemo(() => {
    const list = (agencies.data ?? []).filter((a) => scope.siteWide || scope.agencyIds.includes(a.id)).map((a) => ({ value: a.id, label: a.name }));
    return scope.siteWide ? [{ value: '', label: t('scope.wholeSite') }, ...list] : list;
  }, [agencies.data, scope, t]);
  const counterOptions = (counters.data ?? []).filter((c) => !f.agencyId || c.agencyId === f.agencyId).map((c) => ({ value: c.id, label: c.name }));
  // The typed dates live here and go to the address together with the period, so a date typed
  // before the address caught up with the previous one never loses it.
  const [draft, setDraft] = useState<DateRange>(f.range);
  useEffect(() => {
    if (f.preset !== 'custom') setDraft({ from: f.range.from, to: f.range.to });
  }, [f.preset, f.range.from, f.range.to]);
  const typed = (k: keyof DateRange, v: string) => {
    const next = { ...draft, [k]: v };
    setDraft(next);
    f.set({ period: 'custom', from: next.from, to: next.to });
  };
  const choose = (preset: PeriodPreset) => {
    // A custom range starts from what was shown, so only the dates that change need typing.
    f.set(preset === 'custom' ? { period: preset, from: draft.from, to: draft.to } : { period: preset, from: '', to: '' });
  };
  const wrong = f.preset === 'custom' ? rangeProblem(draft) : null;
  const problem = wrong ? t(`period.problems.${wrong}`, { max: MAX_RANGE_DAYS }) : null;
  return (
    <Stack gap="sm" mb="md">
      <Group align="flex-end" gap="sm" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="report-period-label">{t('period.label')}</Text>
          <SegmentedControl
            aria-labelledby="report-period-label"
            value={f.preset}
            onChange={(v) => choose(v as PeriodPreset)}
            data={PERIOD_PRESETS.map((p) => ({ value: p, label: t(`period.${p}`) }))}
            data-testid="report-period"
          />
        </Stack>
        {f.preset === 'custom' ? (
          <>
            <TextInput type="date" label={t('period.from')} value={draft.from} max={f.today} onChange={(e) => typed('from', e.currentTarget.value)} error={wrong === 'fromMissing' ? problem : undefined} data-testid="report-from" />
            <TextInput type="date" label={t('period.to')} value={draft.to} max={f.today} onChange={(e) => typed('to', e.currentTarget.value)} error={wrong && wrong !== 'fromMissing' ? problem : undefined} data-testid="report-to" />
          </>
        ) : (
          <Text size="sm" c="dimmed" pb={8} data-testid="report-range">
            {t('period.range', { from: formatDate(f.range.from, lang, { day: 'numeric', month: 'short' }), to: formatDate(f.range.to, lang, { day: 'numeric', month: 'short', year: 'numeric' }) })}
          </Text>
        )}
      </Group>
      {!scope.ownOnly && (
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select label={t('scope.agency')} data={agencyOptions} value={f.agencyId} onChange={(v) => f.set({ agency: v ?? '', service: '', counter: '', officer: '' })} allowDeselect={false} w={280} searchable data-testid="report-agency" />
          {f.agencyId && (
            <Select label={t('scope.service')} data={[{ value: '', label: t('scope.allServices') }, ...(services.data ?? []).map((s) => ({ value: s.id, label: s.name }))]} value={f.serviceId} onChange={(v) => f.set({ service: v ?? '' })} allowDeselect={false} w={260} searchable />
          )}
          <Select label={t('scope.counter')} data={[{ value: '', label: t('scope.allCounters') }, ...counterOptions]} value={f.counterId} onChange={(v) => f.set({ counter: v ?? '' })} allowDeselect={false} w={200} searchable />
          {scope.manager && (
            <Select
              label={t('scope.officer')}
              data={[{ value: '', label: t('scope.allOfficers') }, ...(officers.data?.items ?? []).map((o) => ({ value: o.id, label: o.displayName }))]}
              value={f.officerId}
              onChange={(v) => f.set({ officer: v ?? '' })}
              allowDeselect={false}
              w={240}
              searchable
            />
          )}
        </Group>
      )}
    </Stack>
  );
}
