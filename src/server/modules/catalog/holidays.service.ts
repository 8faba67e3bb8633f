/**
 * The calendar: national holidays and cuti bersama (one list for every site, kept by the
 * platform admin, seeded from src/domain/holidays.ts), and each site's own days: closures
 * (an event, an outage) and 'open' days (the site works on a cuti bersama day).
 */
import { uuidv7 } from 'uuidv7';
import { localDate } from '../../../domain/opening-hours';
import { recordAudit } from '../../platform/audit';
import { authorize } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import { notFound } from '../../platform/errors';
import { transact } from '../../platform/tx';
import * as repo from './catalog.repository';
import { changes } from './catalog.view';
import { conflict, FieldErrors, withConflicts } from './catalog.validation';
import { ensureNationalHolidays, siteByRef } from './sites.service';

const DATE_TAKEN = { id: 'Sudah ada hari libur atau penutupan pada tanggal ini.', en: 'There is already a holiday or closure on this date.' };

function present(rows: repo.HolidayRow[]) {
  const closed = new Set(repo.effectiveClosures(rows).map((r) => r.date));
  return rows.map((r) => ({ id: r.id, date: r.date, name: r.name, kind: r.kind, siteId: r.siteId, closed: r.kind !== 'open' && closed.has(r.date) }));
}

function checkDate(date: string, field = 'body.date'): void {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) {
    new FieldErrors().add(field, 'invalid_date', { id: 'Tanggal tidak valid.', en: 'Invalid date.' }).throwIfAny();
  }
}

/** Public: a site's calendar for a year (default: the current year in the site's zone). */
export async function listSiteHolidays(ctx: AppContext, siteRef: string, year?: number) {
  const site = await siteByRef(ctx, siteRef);
  const y = year ?? Number(localDate(ctx.clock.now(), site.timeZone).slice(0, 4));
  return present(await repo.holidayRows(ctx.db, site.id, `${y}-01-01`, `${y}-12-31`));
}

/** Public: the national list for a year. */
export async function listNationalHolidays(ctx: AppContext, year?: number) {
  const y = year ?? Number(localDate(ctx.clock.now(), 'Asia/Jakarta').slice(0, 4));
  return present(await repo.holidayRows(ctx.db, null, `${y}-01-01`, `${y}-12-31`));
}

/** Site admin: closes the site on a date, or keeps it open on a national holiday / cuti bersama. */
export async function addSiteDay(ctx: AppContext, caller: Caller, siteId: string, input: { date: string; name: string; kind: 'closure' | 'open' }) {
  authorize(caller.actor, 'site.manage', { siteId });
  await siteByRef(ctx, siteId);
  checkDate(input.date);
  const row = await transact(ctx, async (tx, emit) => {
    if (input.kind === 'open') {
      const national = (await repo.holidayRows(tx, null, input.date, input.date))[0];
      if (!national) {
        new FieldErrors()
          .add('body.date', 'not_a_holiday', { id: 'Tanggal ini bukan hari libur nasional atau cuti bersama; tidak perlu dibuka.', en: 'This date is not a national holiday or cuti bersama; nothing to open.' })
          .throwIfAny();
      }
    }
    const h = await repo.insertHoliday(tx, { id: uuidv7(), siteId, date: input.date, name: input.name, kind: input.kind, createdAt: ctx.clock.now() });
    if (!h) throw conflict('date', DATE_TAKEN);
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: `calendar.site_${input.kind}_added`, siteId, targetType: 'holiday', targetId: h.id, details: { date: h.date, name: h.name } });
    await emit({ siteId, type: 'catalog.changed', aggregateType: 'holiday', aggregateId: h.id, payload: { entity: 'holiday', id: h.id, action: 'created' } });
    return h;
  });
  return present([row])[0];
}

/** Site admin: removes one of the site's own days (national rows are the platform's). */
export async function removeSiteDay(ctx: AppContext, caller: Caller, siteId: string, holidayId: string): Promise<void> {
  authorize(caller.actor, 'site.manage', { siteId });
  await transact(ctx, async (tx, emit) => {
    const h = await repo.findHoliday(tx, holidayId);
    if (!h || h.siteId !== siteId) throw notFound('Hari libur', 'Holiday');
    await repo.deleteHoliday(tx, holidayId);
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: `calendar.site_${h.kind}_removed`, siteId, targetType: 'holiday', targetId: h.id, details: { date: h.date, name: h.name } });
    await emit({ siteId, type: 'catalog.changed', aggregateType: 'holiday', aggregateId: h.id, payload: { entity: 'holiday', id: h.id, action: 'removed' } });
  });
}

/** Platform admin: adds a national holiday or cuti bersama (e.g. a mid-year SKB change). */
export async function addNationalDay(ctx: AppContext, caller: Caller, input: { date: string; name: string; kind: 'national' | 'cuti_bersama' }) {
  authorize(caller.actor, 'platform.manage');
  checkDate(input.date);
  const row = await transact(ctx, async (tx) => {
    const h = await repo.insertHoliday(tx, { id: uuidv7(), siteId: null, date: input.date, name: input.name, kind: input.kind, createdAt: ctx.clock.now() });
    if (!h) throw conflict('date', DATE_TAKEN);
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'calendar.national_added', targetType: 'holiday', targetId: h.id, details: { date: h.date, name: h.name, kind: h.kind } });
    return h;
  });
  return present([row])[0];
}

async function loadNational(ctx: AppContext, id: string): Promise<repo.HolidayRow> {
  const h = await repo.findHoliday(ctx.db, id);
  if (!h || h.siteId !== null) throw notFound('Hari libur', 'Holiday');
  return h;
}

export async function updateNationalDay(ctx: AppContext, caller: Caller, id: string, input: { date?: string; name?: string; kind?: 'national' | 'cuti_bersama' }) {
  authorize(caller.actor, 'platform.manage');
  const current = await loadNational(ctx, id);
  if (input.date) checkDate(input.date);
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const diff = changes(current as unknown as Record<string, unknown>, patch);
  if (Object.keys(diff).length === 0) return present([current])[0];
  const row = await withConflicts(() =>
    transact(ctx, async (tx) => {
      const h = await repo.updateHoliday(tx, id, patch);
      await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'calendar.national_updated', targetType: 'holiday', targetId: id, details: { date: current.date, changes: diff } });
      return h!;
    }),
  );
  return present([row])[0];
}

export async function removeNationalDay(ctx: AppContext, caller: Caller, id: string): Promise<void> {
  authorize(caller.actor, 'platform.manage');
  const current = await loadNational(ctx, id);
  await transact(ctx, async (tx) => {
    await repo.deleteHoliday(tx, id);
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'calendar.national_removed', targetType: 'holiday', targetId: id, details: { date: current.date, name: current.name } });
  });
}

/** Platform admin: loads a year's national list from the built-in source where dates are missing. */
export async function seedNationalYear(ctx: AppContext, caller: Caller, year: number) {
  authorize(caller.actor, 'platform.manage');
  const added = await transact(ctx, async (tx) => {
    const n = await ensureNationalHolidays(tx, ctx.clock.now(), [year]);
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'calendar.national_seeded', targetType: 'holiday', details: { year, added: n } });
    return n;
  });
  return { year, added };
}
