import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  autoCloseAfterOf,
  autoClosesOn,
  canTransition,
  COMPLAINT_ROLES,
  COMPLAINT_STATUSES,
  COMPLAINT_TARGETS,
  isLateFiling,
  overdueOf,
  reopenTarget,
  respondByOf,
  targetsFor,
  verifyByOf,
  workingDaysLeft,
} from './complaints';
import { countWorkingDays, isWorkingDay } from './working-days';

const none = new Set<string>();
// Nyepi and Idul Fitri 2026 with cuti bersama (SKB 3 Menteri): no working day from 18 to 24 March.
const lebaran2026 = new Set(['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24']);
const christmas2026 = new Set(['2026-12-24', '2026-12-25']);

describe('deadlines in working days', () => {
  it('verification: 3 working days after filing, the filing day not counted', () => {
    expect(verifyByOf('2026-11-25', none)).toBe('2026-11-30'); // Wed → Mon
    expect(verifyByOf('2026-11-27', none)).toBe('2026-12-02'); // Fri → Wed
    expect(verifyByOf('2026-11-28', none)).toBe('2026-12-02'); // filed on a Saturday: Mon, Tue, Wed
  });

  it('skips Christmas and the Lebaran run of cuti bersama', () => {
    expect(verifyByOf('2026-12-23', christmas2026)).toBe('2026-12-30'); // Wed; Thu+Fri off → Mon, Tue, Wed
    expect(verifyByOf('2026-03-17', lebaran2026)).toBe('2026-03-27'); // Tue; nothing until Wed 25 → 25, 26, 27
    expect(respondByOf('2026-03-16', lebaran2026)).toBe('2026-03-30'); // Mon; 17, 25, 26, 27, 30
  });

  it('response: 5 working days after verification; auto-close: 10 working days after the response', () => {
    expect(respondByOf('2026-11-30', none)).toBe('2026-12-07');
    expect(autoCloseAfterOf('2026-12-04', christmas2026)).toBe('2026-12-18');
    expect(autoCloseAfterOf('2026-12-16', christmas2026)).toBe('2027-01-01'); // 17,18,21,22,23,28,29,30,31, Jan 1
  });

  it('site-configured limits', () => {
    const d = { verifyDays: 1, respondDays: 2, autoCloseDays: 3, filingWindowDays: 30 };
    expect(verifyByOf('2026-11-27', none, d)).toBe('2026-11-30');
    expect(respondByOf('2026-11-27', none, d)).toBe('2026-12-01');
    expect(autoCloseAfterOf('2026-11-27', none, d)).toBe('2026-12-02');
  });

  it('property: the deadline is a working day exactly N working days after the start', () => {
    const holidays = new Set([...lebaran2026, ...christmas2026]);
    const day = fc.integer({ min: 0, max: 700 }).map((n) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 15 }), (start, n) => {
        const due = respondByOf(start, holidays, { verifyDays: 3, respondDays: n, autoCloseDays: 10, filingWindowDays: 30 });
        expect(isWorkingDay(due, holidays)).toBe(true);
        expect(countWorkingDays(start, due, holidays)).toBe(n);
      }),
    );
  });

  it('overdue: the day after the deadline, only while the step is still open', () => {
    const c = { status: 'submitted' as const, verifyBy: '2026-11-30', respondBy: null };
    expect(overdueOf(c, '2026-11-30')).toBeNull();
    expect(overdueOf(c, '2026-12-01')).toBe('verify');
    expect(overdueOf({ ...c, status: 'verified', respondBy: '2026-12-07' }, '2026-12-01')).toBeNull();
    expect(overdueOf({ ...c, status: 'verified', respondBy: '2026-12-07' }, '2026-12-08')).toBe('respond');
    expect(overdueOf({ ...c, status: 'responded', respondBy: '2026-12-07' }, '2027-01-08')).toBeNull();
    expect(autoClosesOn({ status: 'responded', autoCloseAfter: '2026-12-18' }, '2026-12-18')).toBe(false);
    expect(autoClosesOn({ status: 'responded', autoCloseAfter: '2026-12-18' }, '2026-12-19')).toBe(true);
    expect(autoClosesOn({ status: 'closed', autoCloseAfter: '2026-12-18' }, '2026-12-19')).toBe(false);
  });

  it('working days left count down to 0 on the due day and below after it', () => {
    expect(workingDaysLeft('2026-11-25', '2026-11-30', none)).toBe(3);
    expect(workingDaysLeft('2026-11-30', '2026-11-30', none)).toBe(0);
    expect(workingDaysLeft('2026-12-02', '2026-11-30', none)).toBe(-2);
  });

  it('warns (never refuses) when the service was more than 30 days ago', () => {
    expect(isLateFiling('2026-10-26', '2026-11-25')).toBe(false); // 30 days
    expect(isLateFiling('2026-10-25', '2026-11-25')).toBe(true); // 31 days
    expect(isLateFiling(null, '2026-11-25')).toBe(false);
  });
});

describe('the state table', () => {
  it('the desk verifies, forwards or archives a new complaint; nobody else moves it', () => {
    expect(targetsFor('submitted', 'desk')).toEqual(['verified', 'not_authority', 'closed']);
    expect(targetsFor('submitted', 'agency')).toEqual([]);
    expect(targetsFor('submitted', 'reporter')).toEqual([]);
    expect(targetsFor('submitted', 'system')).toEqual([]);
  });

  it('the agency responds; the desk may respond for it, forward or archive, but not verify twice', () => {
    expect(targetsFor('verified', 'agency')).toEqual(['responded']);
    expect(targetsFor('verified', 'desk')).toEqual(['not_authority', 'responded', 'closed']);
    expect(canTransition('verified', 'closed', 'reporter')).toBe(false);
  });

  it('a response is closed by the reporter, the desk or the system', () => {
    for (const role of ['reporter', 'desk', 'system'] as const) expect(canTransition('responded', 'closed', role)).toBe(true);
    expect(canTransition('responded', 'closed', 'agency')).toBe(false);
    expect(canTransition('responded', 'responded', 'agency')).toBe(false);
  });

  it('not_authority and closed are final for every role', () => {
    for (const from of ['not_authority', 'closed'] as const) for (const role of COMPLAINT_ROLES) expect(targetsFor(from, role)).toEqual([]);
  });

  it('nothing leads back to submitted, and only the system and reporter never verify', () => {
    for (const from of COMPLAINT_STATUSES) {
      for (const to of COMPLAINT_TARGETS) {
        if (canTransition(from, to, 'system')) expect([from, to]).toEqual(['responded', 'closed']);
        if (canTransition(from, to, 'reporter')) expect(to).toBe('closed');
      }
    }
  });

  it('reopen: once, from responded or closed, back to the agency (or the desk when none)', () => {
    expect(reopenTarget({ status: 'closed', reopenCount: 0, agencyId: 'a' })).toBe('verified');
    expect(reopenTarget({ status: 'responded', reopenCount: 0, agencyId: 'a' })).toBe('verified');
    expect(reopenTarget({ status: 'closed', reopenCount: 0, agencyId: null })).toBe('submitted');
    expect(reopenTarget({ status: 'closed', reopenCount: 1, agencyId: 'a' })).toBeNull();
    expect(reopenTarget({ status: 'verified', reopenCount: 0, agencyId: 'a' })).toBeNull();
    expect(reopenTarget({ status: 'not_authority', reopenCount: 0, agencyId: null })).toBeNull();
  });
});
