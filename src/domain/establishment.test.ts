import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checklistItemOf,
  checklistState,
  checklistValueProblem,
  kindsOfStage,
  MPP_CHECKLIST,
  MPP_DOCUMENT_KIND_KEYS,
  MPP_DOCUMENT_KINDS,
  MPP_STAGES,
  nextStage,
  nextStep,
  planOrderProblem,
  previousStage,
  stageDateProblem,
  stageIndex,
  stageMove,
  zoneOfProvince,
  type MppStage,
} from './establishment';

const stage = fc.constantFrom(...MPP_STAGES);

describe('stage machine', () => {
  it('advances one stage at a time, in the order of DOMAIN §1', () => {
    const walked: MppStage[] = ['none'];
    for (let s = nextStage('none'); s; s = nextStage(s)) {
      expect(stageMove(walked.at(-1)!, s)).toEqual({ ok: true, direction: 'advance' });
      walked.push(s);
    }
    expect(walked).toEqual(['none', 'usulan', 'verifikasi', 'koordinasi', 'pembangunan', 'uji_coba', 'diresmikan']);
    expect(nextStage('diresmikan')).toBeNull();
    expect(previousStage('none')).toBeNull();
  });

  it('refuses a skip, naming the stage that comes next', () => {
    expect(stageMove('koordinasi', 'uji_coba')).toEqual({ ok: false, why: 'skipped', expected: 'pembangunan' });
    expect(stageMove('none', 'diresmikan')).toEqual({ ok: false, why: 'skipped', expected: 'usulan' });
  });

  it('steps back to the previous stage only, and only with a reason', () => {
    expect(stageMove('verifikasi', 'usulan')).toEqual({ ok: false, why: 'reason_required' });
    expect(stageMove('verifikasi', 'usulan', '   ')).toEqual({ ok: false, why: 'reason_required' });
    expect(stageMove('verifikasi', 'usulan', 'Dikembalikan KemenPANRB: kajian belum lengkap')).toEqual({ ok: true, direction: 'back' });
    expect(stageMove('pembangunan', 'usulan', 'x')).toEqual({ ok: false, why: 'back_too_far', expected: 'koordinasi' });
    expect(stageMove('usulan', 'usulan')).toEqual({ ok: false, why: 'unchanged' });
  });

  it('accepts exactly the neighbours of a stage (property)', () => {
    fc.assert(
      fc.property(stage, stage, fc.string(), (from, to, reason) => {
        const m = stageMove(from, to, reason);
        const d = stageIndex(to) - stageIndex(from);
        if (m.ok) {
          expect(d === 1 || (d === -1 && reason.trim() !== '')).toBe(true);
          expect(m.direction).toBe(d === 1 ? 'advance' : 'back');
        } else {
          expect(d === 1).toBe(false);
        }
      }),
    );
  });
});

describe('stage dates', () => {
  it('refuses a date in the future or before the current stage began', () => {
    expect(stageDateProblem('2026-11-26', '2026-11-25', null)).toBe('in_future');
    expect(stageDateProblem('2022-01-31', '2026-11-25', '2022-02-01')).toBe('before_previous');
    expect(stageDateProblem('2022-02-01', '2026-11-25', '2022-02-01')).toBeNull();
    expect(stageDateProblem('2026-11-25', '2026-11-25', null)).toBeNull();
  });
});

describe('evidence and checklists', () => {
  it('gives every stage but none its evidence documents and a checklist', () => {
    for (const s of MPP_STAGES.slice(1)) {
      expect(kindsOfStage(s as MppStage).length).toBeGreaterThan(0);
      expect(MPP_CHECKLIST[s as Exclude<MppStage, 'none'>].length).toBeGreaterThan(0);
    }
    expect(kindsOfStage('koordinasi')).toEqual(['kesepakatan_bersama', 'pks']);
    // Every document item names a kind of its own stage.
    for (const [s, items] of Object.entries(MPP_CHECKLIST)) {
      for (const i of items) if ('kind' in i) expect(MPP_DOCUMENT_KINDS[i.kind]).toBe(s);
    }
    expect(MPP_DOCUMENT_KIND_KEYS).toContain('berita_acara_uji_coba');
  });

  it('checks entered values by item type; document items are derived, never entered', () => {
    const item = (k: string) => checklistItemOf(k)!.item;
    expect(checklistItemOf('koordinasi.unknown')).toBeNull();
    expect(checklistItemOf('nowhere.rencana_aksi')).toBeNull();
    expect(checklistValueProblem(item('koordinasi.rencana_aksi'), true)).toBeNull();
    expect(checklistValueProblem(item('koordinasi.rencana_aksi'), 'yes')).toBe('not_boolean');
    expect(checklistValueProblem(item('uji_coba.soft_launch'), '2026-02-30')).toBe('not_date');
    expect(checklistValueProblem(item('uji_coba.soft_launch'), '2019-01-02')).toBeNull();
    expect(checklistValueProblem(item('pembangunan.progres_fisik'), 101)).toBe('not_percent');
    expect(checklistValueProblem(item('pembangunan.progres_fisik'), 60)).toBeNull();
    expect(checklistValueProblem(item('koordinasi.kesepakatan_bersama'), true)).toBe('derived');
    expect(checklistValueProblem(item('usulan.instansi_direncanakan'), -1)).toBe('not_count');
  });

  it('counts PKS per agency against the agencies planned', () => {
    const facts = { values: { 'usulan.instansi_direncanakan': 3, 'koordinasi.rencana_aksi': true }, documents: { kesepakatan_bersama: { count: 1, agencies: 0 }, pks: { count: 3, agencies: 2 } }, siteAgencies: null };
    const state = checklistState('koordinasi', facts);
    expect(state).toEqual([
      { key: 'kesepakatan_bersama', type: 'document', done: true, value: 1, target: null },
      { key: 'pks_instansi', type: 'agency_documents', done: false, value: 2, target: 3 },
      { key: 'rencana_aksi', type: 'check', done: true, value: true, target: null },
    ]);
    facts.documents.pks = { count: 4, agencies: 3 };
    expect(checklistState('koordinasi', facts)[1].done).toBe(true);
  });

  it('reads agencies serving from the linked site when there is one', () => {
    const values = { 'usulan.instansi_direncanakan': 8, 'uji_coba.instansi_melayani': 2 };
    expect(checklistState('uji_coba', { values, documents: {}, siteAgencies: 8 })[1]).toMatchObject({ value: 8, target: 8, done: true });
    expect(checklistState('uji_coba', { values, documents: {}, siteAgencies: null })[1]).toMatchObject({ value: 2, done: false });
  });
});

describe('planned dates', () => {
  it('shows the next step late once its planned date has passed', () => {
    expect(nextStep('uji_coba', { diresmikan: '2022-12-31' }, '2026-11-25')).toEqual({ stage: 'diresmikan', plannedDate: '2022-12-31', late: true, daysLate: 1425 });
    expect(nextStep('uji_coba', { diresmikan: '2026-12-31' }, '2026-11-25')).toMatchObject({ late: false, daysLate: 0 });
    expect(nextStep('koordinasi', {}, '2026-11-25')).toEqual({ stage: 'pembangunan', plannedDate: null, late: false, daysLate: 0 });
    expect(nextStep('diresmikan', { diresmikan: '2019-12-19' }, '2026-11-25')).toBeNull();
  });

  it('wants planned dates in the order of the stages', () => {
    expect(planOrderProblem({ usulan: '2022-01-01', koordinasi: '2022-06-01', diresmikan: '2023-01-01' })).toBeNull();
    expect(planOrderProblem({ pembangunan: '2023-01-01', uji_coba: '2022-12-01' })).toBe('uji_coba');
  });
});

describe('zones', () => {
  it('puts each province in its zone (DOMAIN §7)', () => {
    expect(zoneOfProvince('64')).toBe('Asia/Makassar');
    expect(zoneOfProvince('31')).toBe('Asia/Jakarta');
    expect(zoneOfProvince('61')).toBe('Asia/Jakarta');
    expect(zoneOfProvince('94')).toBe('Asia/Jayapura');
    expect(zoneOfProvince('51')).toBe('Asia/Makassar');
  });
});
