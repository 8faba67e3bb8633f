/**
 * Demo-like fixtures inserted straight into the tables (not through HTTP): a site in WITA with
 * agencies and their hours, services, counters, staff with bearer tokens and a kiosk device.
 * Reusable by any integration test: `const f = await createMppFixture(t)`. Below, builders of
 * fresh agencies, services, counters and staff for tests that change them.
 */
import { uuidv7 } from 'uuidv7';
import type { z } from 'zod';
import * as catalog from '../../src/contracts/catalog';
import { insertDevice } from '../../src/server/modules/access/access.repository';
import { agencies, counterServices, counters, holidays, services, sites, type WeeklyHoursJson } from '../../src/server/modules/catalog/catalog.schema';
import { randomToken, sha256 } from '../../src/server/platform/crypto';
import { bearer, type TestApp } from './app';
import { OFFICE_HOURS as CATALOG_HOURS, serviceBody } from './catalog-fixture';
import { ok } from './contract';

const day = (start: string, end: string) => [{ start, end }];
/** Mon–Thu 08:00–15:00, Fri 08:00–11:30 (a typical MPP week). */
export const OFFICE_HOURS: WeeklyHoursJson = { 1: day('08:00', '15:00'), 2: day('08:00', '15:00'), 3: day('08:00', '15:00'), 4: day('08:00', '15:00'), 5: day('08:00', '11:30') };
/** Mornings only, like SIM and KPP Pratama in Samarinda. */
export const MORNINGS: WeeklyHoursJson = { 1: day('08:00', '12:00'), 2: day('08:00', '12:00'), 3: day('08:00', '12:00'), 4: day('08:00', '12:00'), 5: day('08:00', '11:00') };
/** A service-level override: afternoons only. */
export const AFTERNOONS: WeeklyHoursJson = { 1: day('13:00', '15:00'), 2: day('13:00', '15:00'), 3: day('13:00', '15:00'), 4: day('13:00', '15:00') };

export interface MppFixtureOptions {
  /** sites.settings (e.g. {queuePolicy: {maxRecalls: 1}}). */
  settings?: Record<string, unknown>;
  /** Extra Disdukcapil counters serving KTP (numbered from 11). */
  extraCounters?: number;
  /** Walk-in quota of the SIM service (default 3: small, to test refusals). */
  simQuota?: number;
  /** Create users and tokens (argon2 hashing costs time; skip when not needed). */
  users?: boolean;
}

export async function createMppFixture(t: TestApp, opts: MppFixtureOptions = {}) {
  const db = t.ctx.db;
  const now = t.clock.now();
  const siteId = uuidv7();
  const slug = `mpp-uji-${siteId.slice(-8)}`;
  await db.insert(sites).values({ id: siteId, slug, name: 'MPP Samarinda (uji)', timeZone: 'Asia/Makassar', settings: opts.settings ?? {}, createdAt: now, updatedAt: now });

  const agency = { dukcapil: uuidv7(), bpjs: uuidv7(), polri: uuidv7() };
  await db.insert(agencies).values([
    { id: agency.dukcapil, siteId, kind: 'opd', name: 'Dinas Kependudukan dan Pencatatan Sipil', shortName: 'Disdukcapil', hours: OFFICE_HOURS, createdAt: now, updatedAt: now },
    { id: agency.bpjs, siteId, kind: 'bumn', name: 'BPJS Kesehatan', shortName: 'BPJS Kesehatan', hours: OFFICE_HOURS, createdAt: now, updatedAt: now },
    { id: agency.polri, siteId, kind: 'vertikal', name: 'Kepolisian (Satpas SIM)', shortName: 'Polri', hours: MORNINGS, createdAt: now, updatedAt: now },
  ]);

  const service = { ktp: uuidv7(), kk: uuidv7(), bpjs: uuidv7(), sim: uuidv7(), akta: uuidv7(), legalisir: uuidv7() };
  const base = { siteId, createdAt: now, updatedAt: now };
  await db.insert(services).values([
    { ...base, id: service.ktp, agencyId: agency.dukcapil, code: 'KTP', prefix: 'A', name: 'Perekaman KTP-el', handlingMinutes: 10, walkInQuota: 200 },
    { ...base, id: service.kk, agencyId: agency.dukcapil, code: 'KK', prefix: 'B', name: 'Kartu Keluarga', handlingMinutes: 15, walkInQuota: 200, bookable: true, bookingQuota: 50 },
    { ...base, id: service.bpjs, agencyId: agency.bpjs, code: 'BPJS', prefix: 'C', name: 'Pendaftaran BPJS Kesehatan', handlingMinutes: 12, walkInQuota: 200 },
    { ...base, id: service.sim, agencyId: agency.polri, code: 'SIM', prefix: 'D', name: 'Perpanjangan SIM', handlingMinutes: 20, walkInQuota: opts.simQuota ?? 3 },
    { ...base, id: service.akta, agencyId: agency.dukcapil, code: 'AKTA', prefix: 'E', name: 'Akta Kelahiran', handlingMinutes: 10, active: false },
    // Its own hours override the agency's: afternoons only.
    { ...base, id: service.legalisir, agencyId: agency.dukcapil, code: 'LEG', prefix: 'F', name: 'Legalisir dokumen', handlingMinutes: 5, hours: AFTERNOONS },
  ]);

  const counter = { c1: uuidv7(), c2: uuidv7(), c3: uuidv7(), c4: uuidv7() };
  const extra = Array.from({ length: opts.extraCounters ?? 0 }, () => uuidv7());
  await db.insert(counters).values([
    { ...base, id: counter.c1, agencyId: agency.dukcapil, number: 1, name: 'Loket 1' },
    { ...base, id: counter.c2, agencyId: agency.dukcapil, number: 2, name: 'Loket 2' },
    { ...base, id: counter.c3, agencyId: agency.bpjs, number: 3, name: 'Loket 3' },
    { ...base, id: counter.c4, agencyId: agency.polri, number: 4, name: 'Loket 4' },
    ...extra.map((id, i) => ({ ...base, id, agencyId: agency.dukcapil, number: 11 + i, name: `Loket ${11 + i}` })),
  ]);
  await db.insert(counterServices).values([
    { counterId: counter.c1, serviceId: service.ktp },
    { counterId: counter.c1, serviceId: service.kk },
    { counterId: counter.c1, serviceId: service.legalisir },
    { counterId: counter.c2, serviceId: service.ktp },
    { counterId: counter.c3, serviceId: service.bpjs },
    { counterId: counter.c4, serviceId: service.sim },
    ...extra.map((id) => ({ counterId: id, serviceId: service.ktp })),
  ]);

  const kioskToken = `ld_${randomToken()}`;
  await insertDevice(db, { id: uuidv7(), siteId, role: 'kiosk', name: 'Kiosk lobby', tokenHash: sha256(kioskToken), createdAt: now });
  const displayToken = `ld_${randomToken()}`;
  await insertDevice(db, { id: uuidv7(), siteId, role: 'display', name: 'Display lobby', tokenHash: sha256(displayToken), createdAt: now });

  const tokens = opts.users === false ? null : await staffTokens(t, siteId, agency);
  return { siteId, slug, agency, service, counter, extraCounters: extra, kioskToken, displayToken, tokens: tokens! };
}

export type MppFixture = Awaited<ReturnType<typeof createMppFixture>>;

/** Bearer tokens: officers of each agency (two for Disdukcapil), its agency admin, the site admin, an auditor. */
async function staffTokens(t: TestApp, siteId: string, agency: { dukcapil: string; bpjs: string; polri: string }) {
  const [dukcapil, dukcapil2, bpjs, polri, agencyAdmin, siteAdmin, auditor] = await Promise.all([
    t.userToken({ memberships: [{ role: 'officer', siteId, agencyId: agency.dukcapil }] }),
    t.userToken({ memberships: [{ role: 'officer', siteId, agencyId: agency.dukcapil }] }),
    t.userToken({ memberships: [{ role: 'officer', siteId, agencyId: agency.bpjs }] }),
    t.userToken({ memberships: [{ role: 'officer', siteId, agencyId: agency.polri }] }),
    t.userToken({ memberships: [{ role: 'agency_admin', siteId, agencyId: agency.dukcapil }] }),
    t.userToken({ memberships: [{ role: 'site_admin', siteId, agencyId: null }] }),
    t.userToken({ memberships: [{ role: 'auditor', siteId, agencyId: null }] }),
  ]);
  return { officer: { dukcapil, dukcapil2, bpjs, polri }, agencyAdmin, siteAdmin, auditor };
}

/** A site closure or holiday on a date (YYYY-MM-DD). */
export async function addClosure(t: TestApp, siteId: string | null, date: string, name = 'Libur uji') {
  await t.ctx.db.insert(holidays).values({ id: uuidv7(), siteId, date, name, kind: siteId ? 'closure' : 'national', createdAt: t.clock.now() });
}

// ---------- Fresh data per test ----------
// A test that changes an agency, a service or a counter builds its own with these (through the
// admin API, as a site admin would), so no test depends on what an earlier one changed.

type SiteAdmin = { siteId: string; admin: string };
let seq = 0;
/** A short unique suffix: codes, short names and usernames stay unique within a file's database. */
export const unique = (): string => `${(++seq).toString(36)}${Math.random().toString(36).slice(2, 5)}`.toUpperCase();
// Ticket prefixes are 1–4 letters, unique within a site: Z + three letters, counted.
const prefixOf = (n: number) => `Z${[676, 26, 1].map((d) => String.fromCharCode(65 + (Math.floor(n / d) % 26))).join('')}`;
// Counter numbers unique within a site, far above the fixtures' own.
let counterNumber = 1000;

const post = async <S extends z.ZodType>(t: TestApp, token: string, url: string, payload: unknown, schema: S) =>
  ok(await t.app.inject({ method: 'POST', url, headers: bearer(token), payload: payload as object }), schema, 201);

/** A new agency of the site (vertikal, office hours unless given), as its site admin. */
export async function givenAgency(t: TestApp, site: SiteAdmin, body: Partial<z.input<typeof catalog.createAgencyBody>> = {}) {
  const shortName = body.shortName ?? `Instansi ${unique()}`;
  return post(t, site.admin, `/api/v1/sites/${site.siteId}/catalog/agencies`, { kind: 'vertikal', name: `Kantor ${shortName}`, shortName, hours: CATALOG_HOURS, ...body }, catalog.adminAgency);
}

/** A new service of the agency (the catalogue fixture's standard, a fresh code and prefix). */
export async function givenService(t: TestApp, site: SiteAdmin, agencyId: string, body: Partial<z.input<typeof catalog.createServiceBody>> = {}) {
  const code = `SVC-${unique()}`;
  return post(t, site.admin, `/api/v1/sites/${site.siteId}/catalog/services`, { ...serviceBody({ agency: '', code, prefix: prefixOf(++seq), name: `Layanan ${code}` }, agencyId), ...body }, catalog.adminService);
}

/** A new counter of the agency serving `serviceIds`. */
export async function givenCounter(t: TestApp, site: SiteAdmin, agencyId: string, body: Partial<z.input<typeof catalog.createCounterBody>> = {}) {
  return post(t, site.admin, `/api/v1/sites/${site.siteId}/catalog/counters`, { agencyId, number: ++counterNumber, ...body }, catalog.adminCounter);
}

/** A bearer token of a new staff member with one role (agency roles need `agencyId`). */
export const givenStaff = (t: TestApp, role: 'site_admin' | 'agency_admin' | 'officer' | 'auditor', siteId: string, agencyId: string | null = null) =>
  t.userToken({ memberships: [{ role, siteId, agencyId }] });
