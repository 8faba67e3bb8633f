/**
 * Rencana tindak lanjut: for a period's results an agency (or the MPP) records actions on weak
 * elements (what, who, by when, status); the report shows their completion, the evidence the
 * ministry's evaluation (PEKPPP) asks for. Every change writes an event and an audit row.
 */
import { uuidv7 } from 'uuidv7';
import type { ElementKey } from '../../../domain/ikm';
import { localDate } from '../../../domain/opening-hours';
import { parsePeriod, type ActionStatus } from '../../../domain/survey';
import { recordAudit } from '../../platform/audit';
import { actorLabel, agencyScope, authorize } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { fieldError, notFound } from '../../platform/errors';
import { transact } from '../../platform/tx';
import { cachedCatalog } from '../catalog/catalog.lookup';
import * as repo from './survey.repository';

export interface ActionInput {
  agencyId: string | null;
  periodKey: string;
  element: ElementKey;
  action: string;
  responsible: string;
  dueDate: string;
  status: ActionStatus;
  note?: string | null;
}

function present(a: repo.ActionRow, today: string) {
  return {
    id: a.id, agencyId: a.agencyId, periodKey: a.periodKey, element: a.element as ElementKey, action: a.action, responsible: a.responsible,
    dueDate: a.dueDate, status: a.status as ActionStatus, note: a.note, createdAt: a.createdAt.toISOString(), updatedAt: a.updatedAt.toISOString(),
    completedAt: a.completedAt?.toISOString() ?? null, overdue: a.status !== 'done' && a.status !== 'cancelled' && a.dueDate < today,
  };
}

async function todayOf(ctx: AppContext, siteId: string) {
  return localDate(ctx.clock.now(), (await cachedCatalog.getSite(ctx, siteId)).timeZone);
}

async function checkAgency(ctx: AppContext, siteId: string, agencyId: string | null) {
  if (!agencyId) return;
  const a = await cachedCatalog.getAgency(ctx, agencyId);
  if (a.siteId !== siteId) throw fieldError('body.agencyId', 'other_site', { id: 'Instansi bukan milik MPP ini.', en: 'The agency belongs to another site.' });
}

const payloadOf = (a: repo.ActionRow) => ({ actionId: a.id, agencyId: a.agencyId, periodKey: a.periodKey, element: a.element, status: a.status });

/** POST /sites/{siteId}/survey/actions */
export async function createAction(ctx: AppContext, caller: Caller, siteId: string, input: ActionInput) {
  authorize(caller.actor, 'survey.manage', { siteId, agencyId: input.agencyId });
  await checkAgency(ctx, siteId, input.agencyId);
  if (!parsePeriod(input.periodKey)) throw fieldError('body.periodKey', 'invalid', { id: 'Periode tidak dikenal.', en: 'Unknown period.' });
  const now = ctx.clock.now();
  const row = await transact(ctx, async (tx, emit) => {
    const a = await repo.insertAction(tx, {
      id: uuidv7(), siteId, agencyId: input.agencyId, periodKey: input.periodKey, element: input.element, action: input.action, responsible: input.responsible,
      dueDate: input.dueDate, status: input.status, note: input.note ?? null, createdBy: caller.actor.kind === 'user' ? caller.actor.id : null,
      createdAt: now, updatedAt: now, completedAt: input.status === 'done' ? now : null,
    });
    await emit({ siteId, type: 'survey.action_recorded', aggregateType: 'survey_action', aggregateId: a.id, payload: payloadOf(a), meta: { by: actorLabel(caller.actor) } });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'survey.action_recorded', siteId, agencyId: input.agencyId, targetType: 'survey_action', targetId: a.id, details: { periodKey: a.periodKey, element: a.element, status: a.status } });
    return a;
  });
  return present(row, await todayOf(ctx, siteId));
}

/** PATCH /survey/actions/{id}: what, who, by when, status, note. */
export async function updateAction(ctx: AppContext, caller: Caller, id: string, input: Partial<Omit<ActionInput, 'agencyId' | 'periodKey' | 'element'>>) {
  const before = await repo.findAction(ctx.db, id);
  if (!before) throw notFound('Tindak lanjut', 'Follow-up action');
  authorize(caller.actor, 'survey.manage', { siteId: before.siteId, agencyId: before.agencyId });
  const now = ctx.clock.now();
  const set = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as Partial<repo.ActionRow>;
  const changed = Object.keys(set);
  const completedAt = input.status === undefined ? before.completedAt : input.status === 'done' ? (before.completedAt ?? now) : null;
  const row = await transact(ctx, async (tx, emit) => {
    const a = await repo.updateAction(tx, id, { ...set, completedAt, updatedAt: now });
    if (!a) throw notFound('Tindak lanjut', 'Follow-up action');
    await emit({ siteId: a.siteId, type: 'survey.action_updated', aggregateType: 'survey_action', aggregateId: a.id, payload: payloadOf(a), meta: { by: actorLabel(caller.actor), changed } });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'survey.action_updated', siteId: a.siteId, agencyId: a.agencyId, targetType: 'survey_action', targetId: a.id, details: { changed, from: before.status, to: a.status } });
    return a;
  });
  return present(row, await todayOf(ctx, row.siteId));
}

/** GET /sites/{siteId}/survey/actions: the caller's agencies' (all, for the site's staff). */
export async function listActions(ctx: AppContext, caller: Caller, siteId: string, q: { period?: string; agencyId?: string }) {
  await cachedCatalog.getSite(ctx, siteId);
  if (q.agencyId) authorize(caller.actor, 'survey.report', { siteId, agencyId: q.agencyId });
  const scope = agencyScope(caller.actor, 'survey.report', siteId);
  if (!scope) authorize(caller.actor, 'survey.report', { siteId });
  const rows = await repo.actionsOf(ctx.db, siteId, { ...(q.period ? { periodKeys: [q.period] } : {}), ...(q.agencyId ? { agencyId: q.agencyId } : {}), ...(scope && !scope.all ? { agencyIds: scope.agencyIds } : {}) });
  const today = await todayOf(ctx, siteId);
  return rows.map((a) => present(a, today));
}

/** The actions a report shows: of its agency (or the MPP's own), for periods overlapping the report's. */
export async function actionsForReport(ctx: AppContext, r: { site: { id: string; timeZone: string }; agency: { id: string } | null; from: string; to: string }) {
  const rows = await repo.actionsOf(ctx.db, r.site.id, { agencyId: r.agency ? r.agency.id : null });
  const today = localDate(ctx.clock.now(), r.site.timeZone);
  const items = rows
    .filter((a) => {
      const p = parsePeriod(a.periodKey);
      return p && p.from <= r.to && p.to >= r.from;
    })
    .map((a) => present(a, today));
  const counted = items.filter((a) => a.status !== 'cancelled');
  const done = counted.filter((a) => a.status === 'done').length;
  return { total: counted.length, done, completion: counted.length ? done / counted.length : null, items };
}
