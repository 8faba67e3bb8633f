/**
 * Provinces and kabupaten/kota of Indonesia with their Kemendagri codes, read once from the CSV
 * files shipped beside this module (regions/README.md: source, regulation and date). Codes are
 * kept without dots, as the API writes them ("64", "6472").
 */
import { readFileSync } from 'node:fs';
import { zoneOfProvince } from '../../../domain/establishment';

export interface Province {
  code: string;
  name: string;
  timeZone: string;
}
export interface Regency {
  code: string;
  provinceCode: string;
  name: string;
  /** Kota (city) or kabupaten (regency), from the name. */
  type: 'kota' | 'kabupaten';
}

/** The data's source, named with every figure that depends on it. */
export const REGION_SOURCE = {
  name: 'Kepmendagri No. 300.2.2-2138 Tahun 2025 (idn-area-data 4.0.1)',
  asOf: '2025-08-14',
} as const;

function readCsv(file: string, columns: number): string[][] {
  const text = readFileSync(new URL(`./regions/${file}`, import.meta.url), 'utf8');
  const [, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines.map((line, i) => {
    // The files hold no quoted fields (no name has a comma); a line that says otherwise is refused.
    const cells = line.split(',');
    if (cells.length !== columns) throw new Error(`regions/${file}:${i + 2}: expected ${columns} fields`);
    return cells.map((c) => c.trim());
  });
}

let loaded: { provinces: Map<string, Province>; regencies: Map<string, Regency>; byProvince: Map<string, Regency[]> } | undefined;

function data() {
  if (!loaded) {
    const provinces = new Map(readCsv('provinces.csv', 2).map(([code, name]) => [code, { code, name, timeZone: zoneOfProvince(code) }]));
    const regencies = new Map<string, Regency>();
    const byProvince = new Map<string, Regency[]>();
    for (const [dotted, provinceCode, name] of readCsv('regencies.csv', 3)) {
      const code = dotted.replace('.', '');
      const r: Regency = { code, provinceCode, name, type: /^kota\b/i.test(name) ? 'kota' : 'kabupaten' };
      regencies.set(code, r);
      byProvince.set(provinceCode, [...(byProvince.get(provinceCode) ?? []), r]);
    }
    loaded = { provinces, regencies, byProvince };
  }
  return loaded;
}

export const allProvinces = (): Province[] => [...data().provinces.values()];
export const findProvince = (code: string): Province | undefined => data().provinces.get(code);
export const findRegency = (code: string): Regency | undefined => data().regencies.get(code);
export const regenciesOf = (provinceCode: string): Regency[] => data().byProvince.get(provinceCode) ?? [];
export const regencyCount = (): number => data().regencies.size;
