/**
 * Moving an MPP through its stages (POST /regions/{regencyCode}/mpp/stage): platform admins only,
 * one stage forward at a time (a skip is 409), one stage back with a reason; the date is the day
 * the stage was reached, not in the future and not before the current stage's date (400 naming
 * `body.date`). The stage moves by conditional update, with its history row, event and audit row
 * in the same transaction. Inauguration opens the linked site (status operating); stepping back
 * from it puts the site back in trial.
 */
import { uuidv7 } from 'uuidv7';
import { stageDateProblem, stageMove, type MppStage } from '../../../domain/establishment';
import { recordAudit } from '../../platform/audit';
import { actorLabel } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { fieldError } from '../../platform/errors';
import { transact } from '../../platform/tx';
import { setSiteStatusIn } from '../catalog/catalog.lookup';
import { authorizeProvinceChange } from './establishment.access';
import { establishmentError } from './establishment.errors';
import * as repo from './establishment.repository';
import { presentRecord, regencyOr404, todayIn } from './view.service';

export interface StageInput {
  stage: MppStage;
  date: string;
  note?: string;
  reason?: string;
}

const DATE_MESSAGES = {
  in_future: { id: 'Tanggal tahapan tidak boleh di masa depan: tahap dicatat setelah tercapai.', en: 'A stage date cannot be in the future: a stage is recorded once reached.' },
  before_previous: { id: 'Tanggal tidak boleh sebelum tanggal tahap saat ini.', en: 'The date cannot be before the date of the current stage.' },
};

/** The site status that goes with a stage, when the MPP has a site. */
const SITE_STATUS: Partial<Record<MppStage, string>> = { uji_coba: 'trial', diresmikan: 'operating' };

export async function changeStage(ctx: AppContext, caller: Caller, regencyCode: string, input: StageInput) {
  authorizeProvinceChange(caller.actor);
  const { regency, province } = regencyOr404(regencyCode);
  const today = todayIn(ctx, province);
  const future = stageDateProblem(input.date, today, null);
  if (future) throw fieldError('body.date', future, DATE_MESSAGES[future]);
  const note = input.note?.trim() || null;
  const reason = input.reason?.trim() || null;
  const now = ctx.clock.now();

  return transact(ctx, async (tx, emit) => {
    const record = await repo.ensureRecord(tx, { id: uuidv7(), regencyCode: regency.code, provinceCode: province.code, now });
    const from = record.stage as MppStage;
    const move = stageMove(from, input.stage, reason);
    if (!move.ok) {
      if (move.why === 'unchanged') throw establishmentError('establishment.stage_unchanged', { extra: { currentStage: from } });
      if (move.why === 'skipped') throw establishmentError('establishment.stage_skipped', { extra: { currentStage: from, expectedStage: move.expected } });
      if (move.why === 'back_too_far') throw establishmentError('establishment.stage_back_too_far', { extra: { currentStage: from, expectedStage: move.expected } });
      throw fieldError('body.reason', 'required', { id: 'Mundur tahap wajib disertai alasan.', en: 'A step back needs a reason.' });
    }
    const early = stageDateProblem(input.date, today, record.stageSince);
    if (early) throw fieldError('body.date', early, DATE_MESSAGES[early]);

    const moved = await repo.moveStage(tx, record.id, from, input.stage, input.stage === 'none' ? null : input.date, now);
    if (!moved) throw establishmentError('establishment.stage_moved', { extra: { currentStage: (await repo.findByRegency(tx, regency.code))?.stage ?? from } });
    const by = actorLabel(caller.actor);
    await repo.insertStageChange(tx, {
      id: uuidv7(),
      establishmentId: record.id,
      fromStage: from,
      toStage: input.stage,
      direction: move.direction,
      date: input.date,
      note,
      reason: move.direction === 'back' ? reason : null,
      actorUserId: caller.actor.kind === 'user' ? caller.actor.id : null,
      actorLabel: by,
      at: now,
    });
    await emit({
      siteId: record.siteId,
      type: 'establishment.stage_changed',
      aggregateType: 'mpp',
      aggregateId: record.id,
      payload: { regencyCode: regency.code, from, to: input.stage, date: input.date },
      meta: { direction: move.direction, note, reason: move.direction === 'back' ? reason : null, by },
    });
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, {
      action: move.direction === 'advance' ? 'establishment.stage_advanced' : 'establishment.stage_stepped_back',
      siteId: record.siteId,
      targetType: 'mpp',
      targetId: regency.code,
      details: { from, to: input.stage, date: input.date, note, reason: move.direction === 'back' ? reason : null },
    });
    // The site follows the stage: trial during uji coba, operating once inaugurated.
    const siteStatus = SITE_STATUS[input.stage];
    if (record.siteId && siteStatus) {
      await setSiteStatusIn(tx, emit, ctx, caller, record.siteId, siteStatus, { action: 'site.status_from_stage', details: { regencyCode: regency.code, stage: input.stage } });
    }
    return presentRecord(ctx, regency, province, tx);
  });
}
