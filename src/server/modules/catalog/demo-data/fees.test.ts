import { describe, expect, it } from 'vitest';
import { DEMO_SITES } from '../demo-data';

/** The demo catalogue publishes fees as officers do: gratis, a fixed PNBP, or "sesuai tarif" with its rule. */
describe('demo fees', () => {
  const all = DEMO_SITES.flatMap((site) => site.agencies.flatMap((a) => a.services.map((s) => ({ site: site.slug, ...s }))));
  const samarinda = (code: string) => all.find((s) => s.site === 'mpp-samarinda' && s.code === code)!;

  it('marks taxes and tariffs that depend on the case as "sesuai tarif"', () => {
    for (const code of ['PBB-BAYAR', 'BPHTB', 'PKB', 'PBG', 'REKLAME', 'TERA', 'PDAM-SAMBUNG', 'PLN-PASANG', 'STNK-SAH']) expect(samarinda(code).feeVariable, code).toBe(true);
    // Fixed PNBP and free services are not.
    for (const code of ['SKCK', 'SIM-A', 'PASPOR-BARU', 'KTP-EL', 'KK']) expect(samarinda(code).feeVariable, code).toBe(false);
    // A starting amount is kept where there is a lowest tariff.
    expect(samarinda('STNK-SAH')).toMatchObject({ fee: 25_000, feeVariable: true });
    expect(samarinda('PBB-BAYAR')).toMatchObject({ fee: 0, feeVariable: true });
  });

  it('names the legal basis of every variable fee, in Balikpapan too', () => {
    const variable = all.filter((s) => s.feeVariable);
    expect(variable.some((s) => s.site === 'mpp-balikpapan')).toBe(true);
    for (const s of variable) {
      expect(s.feeBasis.trim().length, `${s.site} ${s.code}`).toBeGreaterThan(10);
      expect(s.feeBasis, `${s.site} ${s.code}`).toMatch(/\b(UU|PP|Perda|Permen|Peraturan|tarif)\b/);
    }
  });
});
