/** All SQL of the survey: answers, the sums the index is computed from, tablets, settings, follow-up. */
import { and, asc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { SKM_ELEMENT_KEYS, type ElementKey } from '../../../domain/ikm';
import { rows, type Conn } from '../../platform/db';
import { surveyActions, surveyResponses, surveySettings, surveySignatories, surveyTablets } from './survey.schema';

export type ResponseInsert = typeof surveyResponses.$inferInsert;
export type ActionRow = typeof surveyActions.$inferSelect;
export type SettingsRow = typeof surveySettings.$inferSelect;

export async function insertResponse(conn: Conn, row: ResponseInsert): Promise<void> {
  await conn.insert(surveyResponses).values(row);
}

/** The services of a subject (a visit) already answered. */
export async function answeredServices(conn: Conn, subjectType: string, subjectId: string): Promise<Set<string>> {
  const r = await conn.select({ serviceId: surveyResponses.serviceId }).from(surveyResponses).where(and(eq(surveyResponses.subjectType, subjectType), eq(surveyResponses.subjectId, subjectId)));
  return new Set(r.map((x) => x.serviceId));
}

/** Which of these tickets already have an answer (a tablet hides them from its offers). */
export async function answeredTickets(conn: Conn, ticketIds: string[]): Promise<Set<string>> {
  if (!ticketIds.length) return new Set();
  const r = await conn.select({ ticketId: surveyResponses.ticketId }).from(surveyResponses).where(inArray(surveyResponses.ticketId, ticketIds));
  return new Set(r.map((x) => x.ticketId!));
}

// ---------- figures ----------

export interface Scope {
  siteId: string;
  from: string;
  to: string;
  agencyId?: string;
  serviceId?: string;
}

export type Grouping = 'site' | 'agency' | 'service' | 'counter';

export interface SumsRow {
  key: string | null;
  respondents: number;
  sums: Record<ElementKey, number>;
}

function where(s: Scope): SQL {
  return sql`site_id = ${s.siteId} AND served_date BETWEEN ${s.from} AND ${s.to}
             ${s.agencyId ? sql`AND agency_id = ${s.agencyId}` : sql``}
             ${s.serviceId ? sql`AND service_id = ${s.serviceId}` : sql``}`;
}

const SUMS = sql.raw(SKM_ELEMENT_KEYS.map((k) => `sum(${k})::int AS ${k}`).join(', '));

/**
 * Respondents and the score sum of each element, per group: the integers the index is computed
 * from (one pass over the answers of the period; never a mean of means).
 */
export async function sums(conn: Conn, scope: Scope, by: Grouping): Promise<SumsRow[]> {
  const key = by === 'site' ? sql`NULL::text` : sql.raw(`${by}_id::text`);
  const r = await rows<Record<string, number | string | null>>(conn, sql`SELECT ${key} AS key, count(*)::int AS respondents, ${SUMS} FROM survey_responses WHERE ${where(scope)} GROUP BY 1`);
  return r.map((x) => ({
    key: (x.key as string | null) ?? null,
    respondents: Number(x.respondents),
    sums: Object.fromEntries(SKM_ELEMENT_KEYS.map((k) => [k, Number(x[k])])) as Record<ElementKey, number>,
  }));
}

/** Counts of each profile answer ("none": not given) and of each channel. */
export async function profileCounts(conn: Conn, scope: Scope): Promise<Array<{ field: string; value: string; n: number }>> {
  const r = await rows<{ field: string; value: string; n: number | string }>(
    conn,
    sql`WITH s AS (SELECT age_band, sex, education, occupation, channel FROM survey_responses WHERE ${where(scope)})
        SELECT 'ageBand' AS field, coalesce(age_band, 'none') AS value, count(*) AS n FROM s GROUP BY 2
        UNION ALL SELECT 'sex', coalesce(sex, 'none'), count(*) FROM s GROUP BY 2
        UNION ALL SELECT 'education', coalesce(education, 'none'), count(*) FROM s GROUP BY 2
        UNION ALL SELECT 'occupation', coalesce(occupation, 'none'), count(*) FROM s GROUP BY 2
        UNION ALL SELECT 'channel', channel, count(*) FROM s GROUP BY 2`,
  );
  return r.map((x) => ({ field: x.field, value: x.value, n: Number(x.n) }));
}

/**
 * The comments of a scope, without dates or tickets, in an order that follows neither time nor
 * counter (a hash of the id), so their order cannot tell who wrote which.
 */
export async function comments(conn: Conn, scope: Scope, limit = 500): Promise<string[]> {
  const r = await rows<{ comment: string }>(conn, sql`SELECT comment FROM survey_responses WHERE ${where(scope)} AND comment IS NOT NULL AND comment <> '' ORDER BY md5(id::text) LIMIT ${limit}`);
  return r.map((x) => x.comment);
}

// ---------- tablets ----------

export async function tabletOf(conn: Conn, deviceId: string) {
  const [t] = await conn.select().from(surveyTablets).where(eq(surveyTablets.deviceId, deviceId));
  return t ?? null;
}

export function tabletsOfSite(conn: Conn, siteId: string) {
  return conn.select().from(surveyTablets).where(eq(surveyTablets.siteId, siteId));
}

export async function placeTablet(conn: Conn, row: typeof surveyTablets.$inferInsert): Promise<void> {
  await conn
    .insert(surveyTablets)
    .values(row)
    .onConflictDoUpdate({ target: surveyTablets.deviceId, set: { counterId: row.counterId ?? null, updatedAt: row.updatedAt } });
}

// ---------- settings and signatories ----------

export async function settingsOf(conn: Conn, siteId: string): Promise<SettingsRow | null> {
  const [s] = await conn.select().from(surveySettings).where(eq(surveySettings.siteId, siteId));
  return s ?? null;
}

export async function upsertSettings(conn: Conn, row: SettingsRow): Promise<void> {
  await conn
    .insert(surveySettings)
    .values(row)
    .onConflictDoUpdate({ target: surveySettings.siteId, set: { windowDays: row.windowDays, minGroupSize: row.minGroupSize, offerMinutes: row.offerMinutes, updatedAt: row.updatedAt } });
}

export async function signatoryOf(conn: Conn, siteId: string, agencyId: string | null) {
  const [s] = await conn
    .select()
    .from(surveySignatories)
    .where(and(eq(surveySignatories.siteId, siteId), agencyId ? eq(surveySignatories.agencyId, agencyId) : isNull(surveySignatories.agencyId)));
  return s ?? null;
}

export async function upsertSignatory(conn: Conn, row: typeof surveySignatories.$inferInsert): Promise<void> {
  await conn
    .insert(surveySignatories)
    .values(row)
    .onConflictDoUpdate({ target: [surveySignatories.siteId, surveySignatories.agencyId], set: { name: row.name, title: row.title, nip: row.nip ?? null, updatedAt: row.updatedAt } });
}

// ---------- follow-up actions ----------

export async function insertAction(conn: Conn, row: typeof surveyActions.$inferInsert): Promise<ActionRow> {
  const [a] = await conn.insert(surveyActions).values(row).returning();
  return a;
}

export async function findAction(conn: Conn, id: string): Promise<ActionRow | null> {
  const [a] = await conn.select().from(surveyActions).where(eq(surveyActions.id, id));
  return a ?? null;
}

export async function updateAction(conn: Conn, id: string, set: Partial<typeof surveyActions.$inferInsert>): Promise<ActionRow | null> {
  const [a] = await conn.update(surveyActions).set(set).where(eq(surveyActions.id, id)).returning();
  return a ?? null;
}

/**
 * The actions of a site (one agency's, or all; `agencyIds` limits to those an agency admin
 * holds), of one period or every period overlapping the given ones.
 */
export function actionsOf(conn: Conn, siteId: string, opts: { periodKeys?: string[]; agencyId?: string | null; agencyIds?: string[] }) {
  return conn
    .select()
    .from(surveyActions)
    .where(
      and(
        eq(surveyActions.siteId, siteId),
        opts.periodKeys ? inArray(surveyActions.periodKey, opts.periodKeys) : undefined,
        opts.agencyId === null ? isNull(surveyActions.agencyId) : opts.agencyId ? eq(surveyActions.agencyId, opts.agencyId) : undefined,
        opts.agencyIds ? inArray(surveyActions.agencyId, opts.agencyIds) : undefined,
      ),
    )
    .orderBy(asc(surveyActions.dueDate), asc(surveyActions.createdAt));
}
