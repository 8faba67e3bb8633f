import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APPLICATION_STATUSES,
  checkNumberFormat,
  decideTransition,
  DEFAULT_NUMBER_FORMAT,
  FINAL_STATUSES,
  formatRegistrationNumber,
  isOpen,
  nextStatuses,
  TRANSITIONS,
  type ApplicationStatus,
} from './applications';

describe('the transition table', () => {
  it('is the path of DESIGN §7', () => {
    expect(nextStatuses('submitted')).toEqual(['received', 'rejected', 'withdrawn']);
    expect(nextStatuses('received')).toEqual(['in_process', 'incomplete', 'rejected', 'withdrawn']);
    expect(nextStatuses('in_process')).toEqual(['incomplete', 'ready', 'rejected', 'withdrawn']);
    expect(nextStatuses('incomplete')).toEqual(['in_process', 'rejected', 'withdrawn']);
    expect(nextStatuses('ready')).toEqual(['collected']);
    for (const s of FINAL_STATUSES) expect(nextStatuses(s)).toEqual([]);
  });

  it('lets the applicant only withdraw', () => {
    for (const s of APPLICATION_STATUSES) expect(nextStatuses(s, 'applicant').every((to) => to === 'withdrawn')).toBe(true);
    expect(nextStatuses('in_process', 'applicant')).toEqual(['withdrawn']);
    expect(decideTransition('in_process', 'ready', 'applicant')).toEqual({ ok: false, reason: 'not_allowed', from: 'in_process', to: 'ready' });
  });

  it('refuses what is not reachable, naming where it stands', () => {
    expect(decideTransition('received', 'ready', 'staff')).toEqual({ ok: false, reason: 'unreachable', from: 'received', to: 'ready' });
    expect(decideTransition('collected', 'in_process', 'staff')).toMatchObject({ ok: false, reason: 'unreachable' });
    expect(decideTransition('ready', 'ready', 'staff')).toMatchObject({ ok: false, reason: 'unreachable' });
  });

  it('needs a reason to reject and the missing list to stop the clock', () => {
    expect(decideTransition('in_process', 'rejected', 'staff')).toEqual({ ok: false, reason: 'note_required' });
    expect(decideTransition('in_process', 'rejected', 'staff', { note: '   ' })).toEqual({ ok: false, reason: 'note_required' });
    expect(decideTransition('in_process', 'rejected', 'staff', { note: 'Lokasi di luar zona' })).toMatchObject({ ok: true });
    expect(decideTransition('in_process', 'incomplete', 'staff', { missing: [] })).toEqual({ ok: false, reason: 'missing_required' });
    expect(decideTransition('in_process', 'incomplete', 'staff', { missing: ['Fotokopi KK'] })).toMatchObject({ ok: true, rule: { clock: 'pause' } });
    expect(decideTransition('incomplete', 'in_process', 'staff')).toMatchObject({ ok: true, rule: { clock: 'resume' } });
  });

  it('property: final statuses are absorbing, and every pause has a way to resume', () => {
    const status = fc.constantFrom(...APPLICATION_STATUSES);
    fc.assert(
      fc.property(status, status, (from, to) => {
        const d = decideTransition(from, to, 'staff', { note: 'x', missing: ['x'] });
        if (FINAL_STATUSES.includes(from as never)) expect(d.ok).toBe(false);
        if (d.ok && d.rule.clock === 'pause') expect(TRANSITIONS[to].in_process?.clock).toBe('resume');
        // The clock only ever stops or runs again between open statuses.
        if (d.ok && d.rule.clock) expect(isOpen(from) && isOpen(to)).toBe(true);
      }),
    );
  });

  it('reaches collected from received, and nothing leaves a final status', () => {
    const reach = new Set<ApplicationStatus>(['received']);
    for (let i = 0; i < 8; i++) for (const s of [...reach]) for (const n of nextStatuses(s)) reach.add(n);
    expect(reach).toEqual(new Set(['received', 'in_process', 'incomplete', 'ready', 'collected', 'rejected', 'withdrawn']));
  });
});

describe('registration numbers', () => {
  const parts = { agency: 'DPMPTSP', year: 2026, month: 3, service: 'PBG', seq: 123 };

  it('formats the default per agency and year', () => {
    expect(formatRegistrationNumber(DEFAULT_NUMBER_FORMAT, parts)).toBe('DPMPTSP/2026/000123');
    expect(formatRegistrationNumber(DEFAULT_NUMBER_FORMAT, { ...parts, agency: 'BPJS Kesehatan' })).toBe('BPJSKESEHATAN/2026/000123');
    expect(formatRegistrationNumber('{service}-{year}{month}-{seq}', parts)).toBe('PBG-202603-123');
    expect(formatRegistrationNumber('503/{seq:4}/DPMPTSP/{year}', { ...parts, seq: 7 })).toBe('503/0007/DPMPTSP/2026');
    expect(() => formatRegistrationNumber(DEFAULT_NUMBER_FORMAT, { ...parts, seq: 0 })).toThrow(RangeError);
  });

  it('accepts only formats that stay unique and readable', () => {
    expect(checkNumberFormat(DEFAULT_NUMBER_FORMAT)).toBeNull();
    expect(checkNumberFormat('503/{seq:4}/DPMPTSP/{year}')).toBeNull();
    expect(checkNumberFormat('{agency}/{year}')).toBe('seq_missing');
    expect(checkNumberFormat('{agency}/{seq}')).toBe('year_missing');
    expect(checkNumberFormat('{agency}/{year}/{nomor}')).toBe('unknown_token');
    expect(checkNumberFormat('{agency}/{year:4}/{seq}')).toBe('unknown_token');
    expect(checkNumberFormat('{year}/{seq:0}')).toBe('bad_padding');
    expect(checkNumberFormat('{year}/{seq:11}')).toBe('bad_padding');
    expect(checkNumberFormat('{year}/{seq}<script>')).toBe('bad_characters');
    expect(checkNumberFormat(`{year}/{seq}/${'X'.repeat(60)}`)).toBe('too_long');
  });

  it('property: different sequences of one format and year never give the same number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 10 }), (a, b, pad) => {
        fc.pre(a !== b);
        const f = `{agency}/{year}/{seq:${pad}}`;
        expect(formatRegistrationNumber(f, { ...parts, seq: a })).not.toBe(formatRegistrationNumber(f, { ...parts, seq: b }));
      }),
    );
  });
});
