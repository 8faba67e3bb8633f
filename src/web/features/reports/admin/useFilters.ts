import { useSearchParams } from 'react-router';
import { PERIOD_PRESETS, presetRange, rangeProblem, type PeriodPreset } from '../period';
import type { SummaryQuery } from '../types';
import type { ReportsScope } from './scope';

type Key = 'period' | 'from' | 'to' | 'agency' | 'service' | 'counter' | 'officer';

/**
 * The dashboard's period and scope, kept in the address (?period=&from=&to=&agency=&service=&counter=&officer=)
 * so a view can be bookmarked and shared. An agency admin always looks at one of their agencies,
 * an officer at their own figures.
 */
export function useDashboardFilters(scope: ReportsScope) {
  const [params, setParams] = useSearchParams();
  const today = scope.today;
  const given = params.get('period') as PeriodPreset | null;
  const preset: PeriodPreset = given && PERIOD_PRESETS.includes(given) ? given : 'month';
  const range = preset === 'custom' ? { from: params.get('from') ?? '', to: params.get('to') ?? '' } : presetRange(preset, today);
  const problem = preset === 'custom' ? rangeProblem(range) : null;
  const agencyId = params.get('agency') || (scope.siteWide ? '' : (scope.agencyIds[0] ?? ''));
  const serviceId = params.get('service') ?? '';
  const counterId = params.get('counter') ?? '';
  const officerId = scope.ownOnly ? scope.userId : (params.get('officer') ?? '');
  const set = (next: Partial<Record<Key, string>>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p, { replace: true });
  };
  // Until the site's today is known, "this month" is not.
  const query: SummaryQuery | null = problem || !scope.ready
    ? null
    : { from: range.from, to: range.to, agencyId: agencyId || undefined, serviceId: serviceId || undefined, counterId: counterId || undefined, officerId: officerId || undefined };
  return { today, preset, range, problem, agencyId, serviceId, counterId, officerId, set, query };
}
export type DashboardFilters = ReturnType<typeof useDashboardFilters>;
