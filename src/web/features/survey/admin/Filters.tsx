import { Group, SegmentedControl, Select } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PERIOD_KINDS, parsePeriod, periodOf, type PeriodKind } from '../../../../domain/survey';
import { useLang } from '../../../i18n';
import { dateInZone } from '../../../lib/format';
import { usePublicAgencies, usePublicServices, useSites } from '../../catalog/api';
import { kindOf, periodLabel, recentPeriods, useSurveyScope } from './scope';

/** The report filters kept in the address, shared by the tabs: agency, service, period. */
export function useSurveyFilters() {
  const scope = useSurveyScope();
  const [params, setParams] = useSearchParams();
  const sites = useSites();
  const timeZone = sites.data?.find((s) => s.id === scope.siteId)?.timeZone ?? 'Asia/Jakarta';
  // "This quarter" in the site's zone.
  const today = dateInZone(new Date(), timeZone);
  const given = params.get('period');
  const period = given && parsePeriod(given) ? given : periodOf('quarter', today).key;
  // An agency admin always looks at one of their agencies.
  const agencyId = params.get('agency') || (scope.siteWide ? '' : (scope.agencyIds[0] ?? ''));
  const serviceId = params.get('service') ?? '';
  const set = (next: Partial<Record<'agency' | 'service' | 'period', string>>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  };
  return { scope, timeZone, today, period, agencyId, serviceId, set, query: { period, agencyId: agencyId || undefined, serviceId: serviceId || undefined } };
}

export function Filters({ withService = true }: { withService?: boolean }) {
  const { t } = useTranslation('survey');
  const lang = useLang();
  const f = useSurveyFilters();
  const agencies = usePublicAgencies(f.scope.siteId ?? undefined);
  const services = usePublicServices(f.scope.siteId ?? undefined, '', f.agencyId || undefined, withService && !!f.agencyId);
  const kind = kindOf(f.period);
  const agencyOptions = useMemo(() => {
    const list = (agencies.data ?? []).filter((a) => f.scope.siteWide || f.scope.agencyIds.includes(a.id)).map((a) => ({ value: a.id, label: a.name }));
    return f.scope.siteWide ? [{ value: '', label: t('admin.wholeSite') }, ...list] : list;
  }, [agencies.data, f.scope, t]);
  const periods = recentPeriods(kind, f.today).map((k) => ({ value: k, label: periodLabel(k, lang, t) }));
  return (
    <Group align="flex-end" gap="sm" wrap="wrap" mb="md">
      <Select label={t('admin.agency')} data={agencyOptions} value={f.agencyId} onChange={(v) => f.set({ agency: v ?? '', service: '' })} allowDeselect={false} w={280} searchable data-testid="survey-filter-agency" />
      {withService && f.agencyId && (
        <Select
          label={t('admin.service')}
          data={[{ value: '', label: t('admin.allServices') }, ...(services.data ?? []).map((s) => ({ value: s.id, label: s.name }))]}
          value={f.serviceId}
          onChange={(v) => f.set({ service: v ?? '' })}
          allowDeselect={false}
          w={260}
          searchable
        />
      )}
      <div>
        <SegmentedControl
          aria-label={t('admin.periodKind')}
          value={kind}
          onChange={(v) => f.set({ period: periodOf(v as PeriodKind, f.today).key })}
          data={PERIOD_KINDS.map((k) => ({ value: k, label: t(`admin.kinds.${k}`) }))}
        />
      </div>
      <Select label={t('admin.periodFilter')} data={periods} value={f.period} onChange={(v) => v && f.set({ period: v })} allowDeselect={false} w={200} data-testid="survey-filter-period" />
    </Group>
  );
}
