import { useMemo } from 'react';
import { DateTime } from 'luxon';
import { roleCan } from '../../../../domain/policy';
import { periodOf, type PeriodKind } from '../../../../domain/survey';
import { useCurrentSite } from '../../../app/currentSite';
import { formatMonth } from '../../../lib/format';
import type { Lang } from '../../../lib/api';
import { useCurrentUser } from '../../access/api';

/** What the signed-in user may see and change of the current site's survey (the server checks again). */
export function useSurveyScope() {
  const user = useCurrentUser();
  const { site } = useCurrentSite();
  return useMemo(() => {
    const siteId = site?.id ?? null;
    const here = user.memberships.filter((m) => m.siteId === null || m.siteId === siteId);
    const siteWide = here.some((m) => m.agencyId === null && roleCan(m.role, 'survey.report'));
    const siteManager = here.some((m) => m.agencyId === null && roleCan(m.role, 'survey.manage'));
    const agencyIds = [...new Set(here.filter((m) => m.agencyId && roleCan(m.role, 'survey.report')).map((m) => m.agencyId as string))];
    const manages = (agencyId: string | null) => siteManager || (!!agencyId && here.some((m) => m.agencyId === agencyId && roleCan(m.role, 'survey.manage')));
    return { siteId, siteName: site?.name ?? '', siteWide, siteManager, agencyIds, manages };
  }, [user.memberships, site]);
}

/** The recent periods of a kind, newest first (12 months, 8 quarters, 4 semesters, 3 years). */
export function recentPeriods(kind: PeriodKind, today: string): string[] {
  const count = { month: 12, quarter: 8, semester: 4, year: 3 }[kind];
  const step = { month: { months: 1 }, quarter: { months: 3 }, semester: { months: 6 }, year: { years: 1 } }[kind];
  const out: string[] = [];
  let d = DateTime.fromISO(today);
  for (let i = 0; i < count; i++, d = d.minus(step)) out.push(periodOf(kind, d.toISODate()!).key);
  return out;
}

export function kindOf(key: string): PeriodKind {
  return /-Q/.test(key) ? 'quarter' : /-S/.test(key) ? 'semester' : /^\d{4}-\d{2}$/.test(key) ? 'month' : 'year';
}

/** A period key as officers read it: "Triwulan 4 2026", "November 2026", "2026". */
export function periodLabel(key: string, lang: Lang, t: (k: 'admin.quarterLabel' | 'admin.semesterLabel', o: { n: string; year: string }) => string): string {
  const [year, part] = key.split('-');
  if (!part) return year;
  if (part.startsWith('Q')) return t('admin.quarterLabel', { n: part.slice(1), year });
  if (part.startsWith('S')) return t('admin.semesterLabel', { n: part.slice(1), year });
  return formatMonth(key, lang);
}
