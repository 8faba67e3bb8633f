import { describe, expect, it } from 'vitest';
import { transientDatabaseProblem } from './pg-problem';

/** As drizzle wraps a driver error: the SQLSTATE sits on `cause`. */
const wrapped = (code: string) => Object.assign(new Error('Failed query'), { cause: Object.assign(new Error('x'), { code, severity: 'ERROR' }) });

describe('transientDatabaseProblem', () => {
  it('turns a deadlock victim and a serialization failure into a 503 to retry in a second', () => {
    for (const code of ['40P01', '40001']) {
      const p = transientDatabaseProblem(wrapped(code));
      expect(p).toMatchObject({ code: 'db.busy', status: 503 });
      expect(p?.details.headers).toMatchObject({ 'Retry-After': '1' });
    }
  });

  it('turns a cancelled statement (statement_timeout) into db.timeout', () => {
    expect(transientDatabaseProblem(wrapped('57014'))).toMatchObject({ code: 'db.timeout', status: 503 });
  });

  it('leaves input errors and non-database errors to others', () => {
    expect(transientDatabaseProblem(wrapped('23505'))).toBeNull();
    expect(transientDatabaseProblem(new Error('plain'))).toBeNull();
  });
});
