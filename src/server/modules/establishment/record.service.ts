/**
 * What the province keeps about an MPP besides its stage: the planned date of each stage (a late
 * stage shows as late; inaugurations come in national batches, named in the plan note) and the
 * entered values of the stage checklists. Platform admins only; each change has its event and
 * audit row.
 */
import { uuidv7 } from 'uuidv7';
import { checklistItemOf, checklistValueProblem, planOrderProblem, REACHABLE_STAGES, type ChecklistValues, type MppPlan, type ReachableStage } from '../../../domain/establishment';
import { recordAudit } from '../../platform/audit';
import { actorLabel } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { appError, type FieldError } from '../../platform/errors';
import { transact } from '../../platform/tx';
import { authorizeProvinceChange } from './establishment.access';
import * as repo from './establishment.repository';
import { presentRecord, regencyOr404 } from './view.service';

const STAGES = new Set<string>(REACHABLE_STAGES);

function invalid(errors: FieldError[]) {
  return appError('validation_failed', { errors });
}

export async function updatePlan(ctx: AppContext, caller: Caller, regencyCode: string, input: { plan: Record<string, string | null>; planNote?: string; note?: string }) {
  authorizeProvinceChange(caller.actor);
  const { regency, province } = regencyOr404(regencyCode);
  const unknown = Object.keys(input.plan).filter((k) => !STAGES.has(k));
  if (unknown.length) {
    throw invalid(unknown.map((k) => ({ field: `body.plan.${k}`, code: 'unknown_stage', messages: { id: `Tahap "${k}" tidak dikenal.`, en: `Unknown stage "${k}".` } })));
  }
  return transact(ctx, async (tx, emit) => {
    const record = await repo.ensureRecord(tx, { id: uuidv7(), regencyCode: regency.code, provinceCode: province.code, now: ctx.clock.now() });
    const plan: MppPlan = { ...record.plan };
    for (const [k, v] of Object.entries(input.plan) as Array<[ReachableStage, string | null]>) {
      if (v === null) delete plan[k];
      else plan[k] = v;
    }
    const outOfOrder = planOrderProblem(plan);
    if (outOfOrder) {
      throw invalid([{ field: `body.plan.${outOfOrder}`, code: 'out_of_order', messages: { id: 'Rencana tanggal harus urut mengikuti tahapan.', en: 'Planned dates follow the order of the stages.' } }]);
    }
    await repo.updatePlan(tx, record.id, { plan, planNote: input.planNote, note: input.note }, ctx.clock.now());
    const changed = [...Object.keys(input.plan).map((k) => `plan.${k}`), ...(input.planNote !== undefined ? ['planNote'] : []), ...(input.note !== undefined ? ['note'] : [])];
    await emit({ siteId: record.siteId, type: 'establishment.updated', aggregateType: 'mpp', aggregateId: record.id, payload: { regencyCode: regency.code, what: 'plan' }, meta: { by: actorLabel(caller.actor), changed } });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, {
      action: 'establishment.plan_updated',
      siteId: record.siteId,
      targetType: 'mpp',
      targetId: regency.code,
      details: { before: record.plan, plan, planNote: input.planNote, note: input.note },
    });
    return presentRecord(ctx, regency, province, tx);
  });
}

export async function updateChecklist(ctx: AppContext, caller: Caller, regencyCode: string, values: ChecklistValues) {
  authorizeProvinceChange(caller.actor);
  const { regency, province } = regencyOr404(regencyCode);
  const errors: FieldError[] = [];
  for (const [key, value] of Object.entries(values)) {
    const found = checklistItemOf(key);
    if (!found) {
      errors.push({ field: `body.values.${key}`, code: 'unknown_item', messages: { id: `Butir daftar periksa "${key}" tidak dikenal.`, en: `Unknown checklist item "${key}".` } });
      continue;
    }
    const problem = checklistValueProblem(found.item, value);
    if (problem) errors.push({ field: `body.values.${key}`, code: problem, messages: PROBLEM_MESSAGES[problem] });
  }
  if (errors.length) throw invalid(errors);
  return transact(ctx, async (tx, emit) => {
    const record = await repo.ensureRecord(tx, { id: uuidv7(), regencyCode: regency.code, provinceCode: province.code, now: ctx.clock.now() });
    await repo.mergeChecklist(tx, record.id, values, ctx.clock.now());
    await emit({ siteId: record.siteId, type: 'establishment.updated', aggregateType: 'mpp', aggregateId: record.id, payload: { regencyCode: regency.code, what: 'checklist' }, meta: { by: actorLabel(caller.actor), changed: Object.keys(values) } });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'establishment.checklist_updated', siteId: record.siteId, targetType: 'mpp', targetId: regency.code, details: { values } });
    return presentRecord(ctx, regency, province, tx);
  });
}

const PROBLEM_MESSAGES = {
  derived: { id: 'Butir ini terisi otomatis dari dokumen yang diunggah.', en: 'This item follows the uploaded documents.' },
  not_boolean: { id: 'Isi ya atau tidak.', en: 'Give yes or no.' },
  not_date: { id: 'Isi tanggal YYYY-MM-DD yang ada di kalender.', en: 'Give a calendar date YYYY-MM-DD.' },
  not_percent: { id: 'Isi persentase bulat 0–100.', en: 'Give a whole percentage 0–100.' },
  not_count: { id: 'Isi jumlah bulat 0–500.', en: 'Give a whole number 0–500.' },
} as const;
