/**
 * The calendar: national holidays and cuti bersama (one list for every site, kept by the
 * platform admin, seeded from src/domain/holidays.ts), and each site's own days: closures
 * (an event, an outage) and 'open' days (the site works on a cuti bersama day).
 *
 * A change of the national list concerns every site: it emits `catalog.changed` without a site
 * (entity 'holiday'), so cached calendars of every site are dropped at once.
 */
import { uuidv7 } from 'uuidv7';
import type { CatalogChange } from '../../../contracts/events';
import { localDate } from '../../../domain/opening-hours';
import { recordAudit } from '../../platform/audit';
import { authorize } from '../../platform/authz';
import type { AppContext, Caller } from '../../platform/context';
import type { Conn } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { transact, type Emit } from '../../platform/tx';
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

const nationalChanged = (emit: Emit, id: string, action: CatalogChange) =>
  emit({ siteId: null, type: 'catalog.changed', aggregateType: 'holiday', aggregateId: id, payload: { entity: 'holiday', id, action } });

/** 409 naming `body.date`: the national list already has this date (named, so the admin can find it). */
async function nationalDateTaken(conn: Conn, date: string) {
  const other = (await repo.holidayRows(conn, null, date, date))[0];
  if (!other) return conflict('date', DATE_TAKEN);
  return conflict('date', { id: `Tanggal ini sudah ada di daftar libur nasional: "${other.name}". Ubah entri itu, atau pilih tanggal lain.`, en: `This date is already in the national list: "${other.name}". Edit that entry, or choose another date.` });
}

/** Platform admin: adds a national holiday or cuti bersama (e.g. a mid-year SKB change). */
export async function addNationalDay(ctx: AppContext, caller: Caller, input: { date: string; name: string; kind: 'national' | 'cuti_bersama' }) {
  authorize(caller.actor, 'platform.manage');
  checkDate(input.date);
  const row = await transact(ctx, async (tx, emit) => {
    const h = await repo.insertHoliday(tx, { id: uuidv7(), siteId: null, date: input.date, name: input.name, kind: input.kind, createdAt: ctx.clock.now() });
    if (!h) throw await nationalDateTaken(tx, input.date);
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'calendar.national_added', targetType: 'holiday', targetId: h.id, details: { date: h.date, name: h.name, kind: h.kind } });
    await nationalChanged(emit, h.id, 'created');
    return h;
  });
  return present([row])[0];
}

async function loadNational(ctx: AppContext, id: string): Promise<repo.HolidayRow> {
  const h = await repo.findHoliday(ctx.db, id);
  if (!h || h.siteId !== null) throw notFound('Hari libur', 'Holiday');
  return h;
}

/** Platform admin: renames a national entry, changes its kind or moves it to another date. */
export async function updateNationalDay(ctx: AppContext, caller: Caller, id: string, input: { date?: string; name?: string; kind?: 'national' | 'cuti_bersama' }) {
  authorize(caller.actor, 'platform.manage');
  const current = await loadNational(ctx, id);
  if (input.date) checkDate(input.date);
  const patch = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const diff = changes(current as unknown as Record<string, unknown>, patch);
  if (Object.keys(diff).length === 0) return present([current])[0];
  if (diff.date) {
    const taken = (await repo.holidayRows(ctx.db, null, input.date as string, input.date as string))[0];
    if (taken) throw await nationalDateTaken(ctx.db, input.date as string);
  }
  const row = await withConflicts(() =>
    transact(ctx, async (tx, emit) => {
      await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'calendar.national_updated', targetType: 'holiday', targetId: id, details: { date: current.date, changes: diff } });
      await nationalChanged(emit, id, 'updated');
      const h = await repo.updateHoliday(tx, id, patch);
      return h!;
    }),
  );
  return present([row])[0];
}

/** Platform admin: removes a national entry (sites' own 'open' days on that date then change nothing). */
export async function removeNationalDay(ctx: AppContext, caller: Caller, id: string): Promise<void> {
  authorize(caller.actor, 'platform.manage');
  const current = await loadNational(ctx, id);
  await transact(ctx, async (tx, emit) => {
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'calendar.national_removed', targetType: 'holiday', targetId: id, details: { date: current.date, name: current.name, kind: current.kind } });
    await nationalChanged(emit, id, 'removed');
    await repo.deleteHoliday(tx, id);
  });
}

/** Platform admin: loads a year's national list from the built-in source where dates are missing. */
export async function seedNationalYear(ctx: AppContext, caller: Caller, year: number) {
  authorize(caller.actor, 'platform.manage');
  const added = await transact(ctx, async (tx, emit) => {
    const n = await ensureNationalHolidays(tx, ctx.clock.now(), [year]);
    await recordAudit(tx, ctx.clock, caller.actor, caller.ip, { action: 'calendar.national_seeded', targetType: 'holiday', details: { year, added: n } });
    if (n > 0) await nationalChanged(emit, String(year), 'seeded');
    return n;
  });
  return { year, added };
}
