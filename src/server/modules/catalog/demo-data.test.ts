import { describe, expect, it } from 'vitest';
import { DEMO_DOCUMENT_TYPES, DEMO_SITES, type AgencyKind, type DemoSite, type WeeklyHours } from './demo-data';

const HM = /^([01]\d|2[0-3]):[0-5]\d$/;
const toMin = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
const services = (site: DemoSite) => site.agencies.flatMap((a) => a.services.map((s) => ({ ...s, agencyKey: a.key })));
const dupes = (xs: Array<string | number>) => xs.filter((x, i) => xs.indexOf(x) !== i);

/** Problems of one agency's weekly hours: bad days, malformed times, start >= end, overlaps. */
function hoursProblems(hours: WeeklyHours): string[] {
  const out: string[] = [];
  for (const [day, ranges] of Object.entries(hours)) {
    if (!['1', '2', '3', '4', '5', '6', '7'].includes(day)) out.push(`day ${day}`);
    const sorted = [...(ranges ?? [])].sort((a, b) => a.start.localeCompare(b.start));
    sorted.forEach((r, i) => {
      if (!HM.test(r.start) || !HM.test(r.end)) out.push(`${day}: ${r.start}-${r.end} malformed`);
      else if (toMin(r.start) >= toMin(r.end)) out.push(`${day}: ${r.start}-${r.end} start >= end`);
      if (i > 0 && toMin(r.start) < toMin(sorted[i - 1].end)) out.push(`${day}: ${r.start} overlaps`);
    });
  }
  return out;
}

const closesBy = (hours: WeeklyHours, hm: string) => {
  const all = Object.values(hours).flat();
  return all.length > 0 && all.every((r) => r!.end <= hm);
};

describe('demo data', () => {
  const [samarinda] = DEMO_SITES;

  it('has MPP Samarinda (operating, WITA) first and MPP Balikpapan in trial', () => {
    expect(DEMO_SITES.map((s) => s.slug)).toEqual(['mpp-samarinda', 'mpp-balikpapan']);
    expect(samarinda.status).toBe('operating');
    expect(DEMO_SITES[1].status).toBe('trial');
    for (const s of DEMO_SITES) expect(s.timeZone).toBe('Asia/Makassar');
  });

  it('MPP Samarinda is large: ≥ 25 agencies of all five kinds, ≥ 60 services, ≥ 30 counters', () => {
    expect(samarinda.agencies.length).toBeGreaterThanOrEqual(25);
    const kinds = new Set(samarinda.agencies.map((a) => a.kind));
    for (const k of ['opd', 'vertikal', 'bumn', 'bumd', 'swasta'] as AgencyKind[]) expect(kinds).toContain(k);
    expect(services(samarinda).length).toBeGreaterThanOrEqual(60);
    expect(samarinda.counters.length).toBeGreaterThanOrEqual(30);
  });

  it('MPP Balikpapan has ≥ 5 agencies, ≥ 10 services, ≥ 5 counters', () => {
    const b = DEMO_SITES[1];
    expect(b.agencies.length).toBeGreaterThanOrEqual(5);
    expect(services(b).length).toBeGreaterThanOrEqual(10);
    expect(b.counters.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(b)).not.toContain('Samarinda');
  });

  for (const site of DEMO_SITES) {
    describe(site.slug, () => {
      const list = services(site);

      it('has unique agency keys and short names, service codes and prefixes (1–2 letters)', () => {
        expect(dupes(site.agencies.map((a) => a.key))).toEqual([]);
        expect(dupes(site.agencies.map((a) => a.shortName))).toEqual([]);
        expect(dupes(list.map((s) => s.code))).toEqual([]);
        expect(dupes(list.map((s) => s.prefix))).toEqual([]);
        for (const s of list) {
          expect(s.prefix, s.code).toMatch(/^[A-Z]{1,2}$/);
          expect(s.code).toMatch(/^[A-Z0-9][A-Z0-9_-]{0,31}$/);
        }
      });

      it('numbers counters uniquely; each serves only its agency and every service has a counter', () => {
        expect(dupes(site.counters.map((c) => c.number))).toEqual([]);
        const agencyOf = new Map(list.map((s) => [s.code, s.agencyKey]));
        for (const c of site.counters) {
          expect(site.agencies.some((a) => a.key === c.agencyKey), c.name).toBe(true);
          expect(c.serviceCodes.length, c.name).toBeGreaterThan(0);
          for (const code of c.serviceCodes) expect(agencyOf.get(code), `${c.name} ${code}`).toBe(c.agencyKey);
        }
        const served = new Set(site.counters.flatMap((c) => c.serviceCodes));
        expect(list.filter((s) => !served.has(s.code)).map((s) => s.code)).toEqual([]);
      });

      it('refers only to known document types', () => {
        const unknown = list.flatMap((s) => s.requirements.filter((r) => !(r.documentType in DEMO_DOCUMENT_TYPES)).map((r) => `${s.code}:${r.documentType}`));
        expect(unknown).toEqual([]);
      });

      it('has well-formed opening hours', () => {
        for (const a of site.agencies) {
          expect(hoursProblems(a.hours), a.key).toEqual([]);
          expect(Object.keys(a.hours).length, a.key).toBeGreaterThan(0);
        }
      });

      it('publishes complete service standards with sane numbers', () => {
        for (const s of list) {
          expect(Number.isInteger(s.fee) && s.fee >= 0, s.code).toBe(true);
          expect(s.feeBasis.length, s.code).toBeGreaterThan(0);
          expect(s.procedure.length, s.code).toBeGreaterThanOrEqual(3);
          expect(s.procedure.length, s.code).toBeLessThanOrEqual(6);
          expect(s.product && s.description && s.complaintChannel, s.code).toBeTruthy();
          expect(s.complaintChannel).toContain('SP4N-LAPOR!');
          expect(s.keywords.length, s.code).toBeGreaterThan(0);
          for (const k of s.keywords) expect(k, s.code).toBe(k.toLowerCase());
          expect(s.duration.value, s.code).toBeGreaterThan(0);
          expect(s.handlingMinutes, s.code).toBeGreaterThanOrEqual(5);
          expect(s.handlingMinutes, s.code).toBeLessThanOrEqual(30);
          expect(s.walkInQuota, s.code).toBeGreaterThanOrEqual(40);
          expect(s.walkInQuota, s.code).toBeLessThanOrEqual(300);
          expect(s.bookingQuota > 0, s.code).toBe(s.bookable);
          expect(s.internal.staffCount, s.code).toBeGreaterThan(0);
        }
      });

      it('keeps agreements with ISO dates', () => {
        for (const a of site.agencies) {
          if (!a.agreement) continue;
          expect(a.agreement.signedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (a.agreement.validUntil) expect(a.agreement.validUntil > a.agreement.signedOn, a.key).toBe(true);
        }
      });
    });
  }

  it('shows the real-world variety at Samarinda: Mon/Wed/Fri tenants, mornings-only desks, bookable services', () => {
    const mwf = samarinda.agencies.filter((a) => Object.keys(a.hours).sort().join() === '1,3,5');
    expect(mwf.length).toBeGreaterThanOrEqual(1);
    expect(samarinda.agencies.filter((a) => closesBy(a.hours, '12:00')).map((a) => a.key)).toEqual(expect.arrayContaining(['kpp', 'satlantas']));
    expect(services(samarinda).filter((s) => s.bookable && s.bookingQuota > 0).length).toBeGreaterThanOrEqual(5);
  });

  it('states the fees set by regulation', () => {
    const fee = (code: string) => services(samarinda).find((s) => s.code === code)?.fee;
    expect(fee('KTP-EL')).toBe(0);
    expect(fee('KK')).toBe(0);
    expect(fee('PASPOR-BARU')).toBe(350_000);
    expect(fee('SKCK')).toBe(30_000);
    expect(fee('SIM-A')).toBe(80_000);
    expect(fee('SIM-C')).toBe(75_000);
  });

  it('keys document types in lowercase', () => {
    for (const key of Object.keys(DEMO_DOCUMENT_TYPES)) expect(key).toMatch(/^[a-z0-9][a-z0-9_-]{1,59}$/);
  });
});
