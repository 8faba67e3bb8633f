import { uuidv7 } from 'uuidv7';
import { agencies, counterServices, counters, services, sites } from '../../src/server/modules/catalog/catalog.schema';
import type { TestApp } from './app';

const WEEKDAYS = { 1: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '15:00' }], 2: [{ start: '08:00', end: '15:00' }], 3: [{ start: '08:00', end: '15:00' }], 4: [{ start: '08:00', end: '15:00' }], 5: [{ start: '08:00', end: '11:30' }] };

/**
 * A small site in WITA inserted straight into the tables: two agencies, three services (one
 * bookable), two counters. For tests of modules that read the catalogue.
 */
export async function createSiteFixture(t: TestApp, opts: { settings?: Record<string, unknown> } = {}) {
  const now = t.clock.now();
  const siteId = uuidv7();
  await t.ctx.db.insert(sites).values({ id: siteId, slug: `mpp-${siteId.slice(-6)}`, name: 'MPP Uji', timeZone: 'Asia/Makassar', settings: opts.settings ?? {}, createdAt: now, updatedAt: now });
  const agencyA = uuidv7();
  const agencyB = uuidv7();
  await t.ctx.db.insert(agencies).values([
    { id: agencyA, siteId, kind: 'vertikal', name: 'Kantor Imigrasi', shortName: 'Imigrasi', hours: WEEKDAYS as never, createdAt: now, updatedAt: now },
    { id: agencyB, siteId, kind: 'opd', name: 'Disdukcapil', shortName: 'Dukcapil', hours: WEEKDAYS as never, createdAt: now, updatedAt: now },
  ]);
  const paspor = uuidv7();
  const ktp = uuidv7();
  const kk = uuidv7();
  await t.ctx.db.insert(services).values([
    { id: paspor, siteId, agencyId: agencyA, code: 'PASPOR', prefix: 'P', name: 'Paspor baru', handlingMinutes: 15, bookable: true, bookingQuota: 100, createdAt: now, updatedAt: now },
    { id: ktp, siteId, agencyId: agencyB, code: 'KTP', prefix: 'A', name: 'Perekaman KTP-el', handlingMinutes: 10, bookable: false, createdAt: now, updatedAt: now },
    { id: kk, siteId, agencyId: agencyB, code: 'KK', prefix: 'B', name: 'Kartu Keluarga', handlingMinutes: 10, bookable: true, active: false, createdAt: now, updatedAt: now },
  ]);
  const counterA = uuidv7();
  const counterB = uuidv7();
  await t.ctx.db.insert(counters).values([
    { id: counterA, siteId, agencyId: agencyA, number: 1, name: 'Loket 1', createdAt: now, updatedAt: now },
    { id: counterB, siteId, agencyId: agencyB, number: 2, name: 'Loket 2', createdAt: now, updatedAt: now },
  ]);
  await t.ctx.db.insert(counterServices).values([
    { counterId: counterA, serviceId: paspor },
    { counterId: counterB, serviceId: ktp },
    { counterId: counterB, serviceId: kk },
  ]);
  return { siteId, agencyA, agencyB, services: { paspor, ktp, kk }, counters: { counterA, counterB } };
}

/** Valid NIKs of Kalimantan Timur (64), distinct serials. */
export const nik = (serial: number, female = false) => `647201${female ? '45' : '05'}0790${String(serial).padStart(4, '0')}`;
