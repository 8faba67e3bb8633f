import { uuidv7 } from 'uuidv7';
import { indonesianHolidays } from '../../../domain/holidays';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db';
import { hashPassword, insertDemoUsers } from '../access/access.lookup';
import * as repo from './catalog.repository';
import { DEMO_DOCUMENT_TYPES, DEMO_SITES } from './demo-data';

export const DEMO_PASSWORD = 'loket-demo';

/**
 * The demo login of an agency's admin: `admin-` and the agency's short name in lower case without
 * spaces or punctuation (DESIGN §7): BPJS Kesehatan → `admin-bpjskesehatan`.
 */
export const agencyAdminLogin = (shortName: string) => `admin-${shortName.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '')}`;

function agencyAdmins(site: (typeof DEMO_SITES)[number], agencyIds: Map<string, string>, siteId: string) {
  return site.agencies.map((a) => ({
    username: agencyAdminLogin(a.shortName),
    displayName: `Admin ${a.shortName} (demo)`,
    memberships: [{ role: 'agency_admin' as const, siteId, agencyId: agencyIds.get(a.key)! }],
  }));
}

/**
 * Loads MPP Samarinda (and MPP Balikpapan, in trial) with agencies, services, counters, national
 * holidays and the demo logins of DESIGN §6. Idempotent: a site that exists is left alone.
 * Runs only when demo mode is asked for (`npm run demo`, LOKET_DEMO=1, `loket seed --demo`).
 */
export async function seedDemo(db: Db, clock: Clock): Promise<{ created: boolean }> {
  const now = clock.now();
  let created = false;
  // Every demo login shares one password, so one hash serves them all (argon2 is slow on purpose).
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    await repo.insertDocumentTypesIfAbsent(tx, Object.entries(DEMO_DOCUMENT_TYPES).map(([key, d]) => ({ id: uuidv7(), key, name: d.name, description: d.description ?? null })));
    const year = Number(now.toISOString().slice(0, 4));
    const hol = [...indonesianHolidays(year), ...indonesianHolidays(year + 1)];
    await repo.insertHolidays(tx, hol.map((h) => ({ id: uuidv7(), siteId: null, date: h.date, name: h.name, kind: h.kind, createdAt: now })));

    for (const [index, site] of DEMO_SITES.entries()) {
      if (await repo.findSiteByRef(tx, site.slug)) continue;
      created = true;
      const siteId = uuidv7();
      await repo.insertSite(tx, {
        id: siteId, slug: site.slug, name: site.name, regency: site.regency, province: site.province, address: site.address,
        latitude: site.latitude, longitude: site.longitude, timeZone: site.timeZone, status: site.status, phone: site.phone,
        email: site.email, maklumat: site.maklumat, createdAt: now, updatedAt: now,
      });
      const agencyIds = new Map<string, string>();
      const serviceIds = new Map<string, string>();
      for (const a of site.agencies) {
        const agencyId = uuidv7();
        agencyIds.set(a.key, agencyId);
        await repo.insertAgency(tx, {
          id: agencyId, siteId, kind: a.kind, name: a.name, shortName: a.shortName,
          agreementNumber: a.agreement?.number ?? null, agreementSignedOn: a.agreement?.signedOn ?? null,
          agreementValidUntil: a.agreement?.validUntil ?? null, hours: a.hours as never, createdAt: now, updatedAt: now,
        });
        await repo.insertServices(
          tx,
          a.services.map((s) => {
            const id = uuidv7();
            serviceIds.set(s.code, id);
            return {
              id, siteId, agencyId, code: s.code, prefix: s.prefix, name: s.name, keywords: s.keywords, description: s.description,
              requirements: s.requirements.map((r) => ({ documentTypeKey: r.documentType, note: r.note })),
              procedure: s.procedure, durationValue: s.duration.value, durationUnit: s.duration.unit, durationText: s.durationText ?? null,
              fee: s.fee, feeVariable: s.feeVariable, feeBasis: s.feeBasis, product: s.product, complaintChannel: s.complaintChannel, internal: s.internal,
              handlingMinutes: s.handlingMinutes, bookable: s.bookable, walkInQuota: s.walkInQuota, bookingQuota: s.bookingQuota,
              createdAt: now, updatedAt: now,
            };
          }),
        );
      }
      const counterIds: Array<{ id: string; number: number; agencyId: string }> = [];
      for (const c of site.counters) {
        const id = uuidv7();
        const agencyId = agencyIds.get(c.agencyKey)!;
        counterIds.push({ id, number: c.number, agencyId });
        await repo.insertCounter(tx, { id, siteId, agencyId, number: c.number, name: c.name, zone: c.zone, location: c.location, createdAt: now, updatedAt: now });
        await repo.replaceCounterServices(tx, id, c.serviceCodes.map((code) => serviceIds.get(code)!));
      }
      // Demo logins exist for the first (main) site only: `admin`, `petugas-<counter number>` and
      // `admin-<agency key>` (DESIGN §7), created by access (its users and memberships); the
      // catalogue assigns the officers.
      if (index === 0) {
        const ids = await insertDemoUsers(tx, now, passwordHash, [
          { username: 'admin', displayName: 'Admin MPP (demo)', memberships: [{ role: 'site_admin', siteId, agencyId: null }] },
          ...counterIds.map((c) => ({ username: `petugas-${c.number}`, displayName: `Petugas Loket ${c.number} (demo)`, memberships: [{ role: 'officer' as const, siteId, agencyId: c.agencyId }] })),
          ...agencyAdmins(site, agencyIds, siteId),
        ]);
        for (const c of counterIds) {
          const userId = ids.get(`petugas-${c.number}`);
          if (userId) await repo.replaceCounterOfficers(tx, c.id, [userId]);
        }
      }
    }
  });
  return { created };
}

/**
 * What `npm run demo` prints once it listens: where each screen is and who can sign in, so a
 * first-time visitor does not have to read the README to try the kiosk, the TV or the console.
 */
export function demoGuide(baseUrl: string): string {
  const main = DEMO_SITES[0]!;
  const counters = main.counters.map((c) => c.number).sort((a, b) => a - b);
  const url = (p: string) => `${baseUrl}${p}`;
  const rows: Array<[string, string]> = [
    ['Citizen home', url('/')],
    ['Booking', url('/booking')],
    ['Staff sign-in', url('/login')],
    ['Officer console', url('/console')],
    ['Kiosk', `${url('/kiosk')}  (pair it first: Katalog layanan → Perangkat)`],
    ['TV display', url(`/display/${main.slug}`)],
    ['Site admin', url('/admin/catalog')],
    ['Province view', url('/province')],
  ];
  const logins: Array<[string, string]> = [
    ['admin', `site admin (operator) of ${main.name}`],
    [`petugas-${counters[0]} … petugas-${counters.at(-1)}`, `the officer of counter ${counters[0]} … ${counters.at(-1)}`],
    [`${agencyAdminLogin(main.agencies[0]!.shortName)}, ${agencyAdminLogin('Disdukcapil')}, …`, "an agency's admin: admin-<agency short name, lower case, no spaces>"],
    ['pemprov', 'platform admin: the province view of Kalimantan Timur (/province)'],
  ];
  const table = (r: Array<[string, string]>) => {
    const width = Math.max(...r.map(([k]) => k.length));
    return r.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
  };
  return [
    `Demo: ${main.name}. Every demo login's password is "${DEMO_PASSWORD}":`,
    ...table(logins),
    '',
    ...table(rows),
  ].join('\n');
}
