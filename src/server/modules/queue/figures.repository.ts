import { sql, type SQL } from 'drizzle-orm';
import { rows, type Conn } from '../../platform/db';

/**
 * The queue's figures over a period for the reports (read through queue.lookup), straight from
 * the tickets' own times: one aggregate per question, each over the same scope.
 * - wait: issue → first call, over every ticket that was called (a zero wait counts as 0);
 * - service: start (or call) → finish, over tickets served to their end;
 * - dates are the tickets' local dates and hours are read in the site's zone.
 */
export interface FigureScope {
  siteId: string;
  from: string;
  to: string;
  timeZone: string;
  agencyId?: string;
  serviceId?: string;
  counterId?: string;
  officerId?: string;
}

export interface Stats {
  count: number;
  mean: number | null;
  p50: number | null;
  p90: number | null;
}

export interface CountFigures {
  visitors: number;
  tickets: number;
  served: number;
  noShows: number;
  transfers: number;
  cancelled: number;
  open: number;
  walkIns: number;
  fromBookings: number;
}

export interface QueueFigures extends CountFigures {
  waitMinutes: Stats & { walkIn: Stats; booking: Stats };
  serviceMinutes: Stats;
  withinTarget: number;
  called: number;
  byAgency: Array<CountFigures & { agencyId: string; waitMinutes: Stats; serviceMinutes: Stats }>;
  byDay: Array<{ date: string; visitors: number; tickets: number; served: number }>;
  /** [isoWeekday − 1][hour] tickets issued. */
  heat: number[][];
}

function scopeFilter(s: FigureScope): SQL {
  const parts: SQL[] = [sql`site_id = ${s.siteId}`, sql`local_date BETWEEN ${s.from} AND ${s.to}`];
  if (s.agencyId) parts.push(sql`agency_id = ${s.agencyId}`);
  if (s.serviceId) parts.push(sql`service_id = ${s.serviceId}`);
  if (s.counterId) parts.push(sql`counter_id = ${s.counterId}`);
  if (s.officerId) parts.push(sql`officer_id = ${s.officerId}`);
  return sql.join(parts, sql` AND `);
}

const WAIT = sql`EXTRACT(EPOCH FROM (called_at - issued_at))::float8 / 60`;
const SERVICE = sql`EXTRACT(EPOCH FROM (finished_at - COALESCE(started_at, called_at)))::float8 / 60`;
// Both percentiles from one sort (an array of fractions), not two.
const stat = (value: SQL, filter: SQL, name: string) => sql`
  count(*) FILTER (WHERE ${filter})::int AS ${sql.raw(`${name}_n`)},
  (avg(${value}) FILTER (WHERE ${filter}))::float8 AS ${sql.raw(`${name}_mean`)},
  (percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY ${value}) FILTER (WHERE ${filter}))::float8[] AS ${sql.raw(`${name}_pct`)}`;

const CALLED = sql`called_at IS NOT NULL`;
const SERVED = sql`status = 'done' AND finished_at IS NOT NULL AND COALESCE(started_at, called_at) IS NOT NULL`;

type Raw = Record<string, number | string | null | unknown[]>;
const n = (v: unknown) => Number(v ?? 0);
const minutes = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10);
const statOf = (r: Raw, name: string): Stats => {
  const pct = r[`${name}_pct`] as unknown as Array<number | string> | string | null | undefined;
  // pg returns float8[] as an array; a driver that does not parse arrays gives '{10,15.4}'.
  const list = typeof pct === 'string' ? pct.replace(/[{}]/g, '').split(',').map(Number) : (pct ?? null);
  return { count: n(r[`${name}_n`]), mean: minutes(r[`${name}_mean`]), p50: minutes(list?.[0] ?? null), p90: minutes(list?.[1] ?? null) };
};
const countsOf = (r: Raw): CountFigures => ({
  visitors: n(r.visitors), tickets: n(r.tickets), served: n(r.served), noShows: n(r.no_shows), transfers: n(r.transfers),
  cancelled: n(r.cancelled), open: n(r.open), walkIns: n(r.walk_ins), fromBookings: n(r.from_bookings),
});

export async function queueFigures(conn: Conn, s: FigureScope, targetMinutes: number): Promise<QueueFigures> {
  const where = scopeFilter(s);
  const grouped = await rows<Raw & { agency_id: string | null; is_total: number }>(
    conn,
    sql`SELECT agency_id, GROUPING(agency_id)::int AS is_total,
          count(DISTINCT visit_id)::int AS visitors,
          count(*)::int AS tickets,
          count(*) FILTER (WHERE status = 'done')::int AS served,
          count(*) FILTER (WHERE status = 'no_show')::int AS no_shows,
          count(*) FILTER (WHERE status = 'transferred')::int AS transfers,
          count(*) FILTER (WHERE status = 'cancelled')::int AS cancelled,
          count(*) FILTER (WHERE status IN ('waiting', 'called', 'serving', 'parked'))::int AS open,
          count(*) FILTER (WHERE source = 'walk_in')::int AS walk_ins,
          count(*) FILTER (WHERE source = 'booking')::int AS from_bookings,
          count(*) FILTER (WHERE ${CALLED} AND ${WAIT} <= ${targetMinutes})::int AS within_target,
          ${stat(WAIT, CALLED, 'wait')},
          ${stat(WAIT, sql`${CALLED} AND source = 'walk_in'`, 'wait_walk')},
          ${stat(WAIT, sql`${CALLED} AND source = 'booking'`, 'wait_book')},
          ${stat(SERVICE, SERVED, 'svc')}
        FROM tickets WHERE ${where}
        GROUP BY GROUPING SETS ((), (agency_id))`,
  );
  const total = grouped.find((r) => Number(r.is_total) === 1) ?? ({} as Raw);
  const byDay = await rows<{ date: string; visitors: number; tickets: number; served: number }>(
    conn,
    sql`SELECT local_date::text AS date, count(DISTINCT visit_id)::int AS visitors, count(*)::int AS tickets,
               count(*) FILTER (WHERE status = 'done')::int AS served
          FROM tickets WHERE ${where} GROUP BY local_date ORDER BY local_date`,
  );
  const cells = await rows<{ dow: number; hour: number; n: number }>(
    conn,
    sql`SELECT EXTRACT(ISODOW FROM issued_at AT TIME ZONE ${s.timeZone})::int AS dow,
               EXTRACT(HOUR FROM issued_at AT TIME ZONE ${s.timeZone})::int AS hour, count(*)::int AS n
          FROM tickets WHERE ${where} GROUP BY 1, 2`,
  );
  const heat = Array.from({ length: 7 }, () => Array<number>(24).fill(0));
  for (const c of cells) heat[Number(c.dow) - 1][Number(c.hour)] = Number(c.n);
  return {
    ...countsOf(total),
    waitMinutes: { ...statOf(total, 'wait'), walkIn: statOf(total, 'wait_walk'), booking: statOf(total, 'wait_book') },
    serviceMinutes: statOf(total, 'svc'),
    called: n(total.wait_n),
    withinTarget: n(total.within_target),
    byAgency: grouped
      .filter((r) => Number(r.is_total) === 0 && r.agency_id)
      .map((r) => ({ agencyId: r.agency_id as string, ...countsOf(r), waitMinutes: statOf(r, 'wait'), serviceMinutes: statOf(r, 'svc') })),
    byDay: byDay.map((d) => ({ date: d.date, visitors: n(d.visitors), tickets: n(d.tickets), served: n(d.served) })),
    heat,
  };
}

/** Per month (YYYY-MM) of the tickets' local dates: visitors, tickets, served and the mean wait. */
export async function monthlyTrend(conn: Conn, s: FigureScope) {
  const r = await rows<{ month: string; visitors: number; tickets: number; served: number; wait_mean: number | null }>(
    conn,
    sql`SELECT to_char(local_date, 'YYYY-MM') AS month, count(DISTINCT visit_id)::int AS visitors, count(*)::int AS tickets,
               count(*) FILTER (WHERE status = 'done')::int AS served,
               (avg(${WAIT}) FILTER (WHERE ${CALLED}))::float8 AS wait_mean
          FROM tickets WHERE ${scopeFilter(s)} GROUP BY 1 ORDER BY 1`,
  );
  return r.map((x) => ({ month: x.month, visitors: n(x.visitors), tickets: n(x.tickets), served: n(x.served), waitMinutesMean: minutes(x.wait_mean) }));
}
