import Fastify from 'fastify';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, ERROR_CATALOGUES, ERROR_CODES, type ErrorEntry } from '../../contracts/errors';
import { AppError, type DetailsArg, type ErrorCode } from './errors';
import { registerProblemHandlers } from './problem';

describe('AppError', () => {
  it('keeps code, status and details, and a stack only for faults (5xx)', () => {
    const refusal = new AppError('queue.recall_limit', { extra: { maxRecalls: 1 } });
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: 'queue.recall_limit', status: 409, details: { extra: { maxRecalls: 1 } } });
    expect(refusal.stack?.split('\n')).toHaveLength(1);
    const fault = new AppError('internal');
    expect(fault.status).toBe(500);
    expect(fault.stack?.split('\n').length).toBeGreaterThan(1);
    // The global limit is restored for every other error.
    expect(new Error('x').stack?.split('\n').length).toBeGreaterThan(1);
  });
});

describe('the error catalogue', () => {
  it('declares every code in one module only, with a status and both messages', () => {
    const declared = Object.values(ERROR_CATALOGUES).flatMap((c) => Object.keys(c));
    expect(declared.length - new Set(declared).size).toBe(0);
    expect([...new Set(declared)].sort()).toEqual([...ERROR_CODES].sort());
    for (const code of ERROR_CODES) {
      const e = ERROR_CATALOGUE[code] as ErrorEntry;
      expect(code, code).toMatch(/^[a-z][a-z_]*(\.[a-z][a-z_]*)?$/);
      expect(e.status >= 400 && e.status <= 599, code).toBe(true);
      expect(e.id.trim().length > 0 && e.en.trim().length > 0, code).toBe(true);
      // An Indonesian message that is the English one is a missing translation.
      expect(e.id, code).not.toBe(e.en);
    }
  });

  it('puts every code on the wire with its status, messages and declared extra members', async () => {
    const app = Fastify();
    registerProblemHandlers(app);
    app.get<{ Params: { code: ErrorCode } }>('/fail/:code', async (req) => {
      const { code } = req.params;
      const fields = (ERROR_CATALOGUE[code] as ErrorEntry).extra?.fields ?? [];
      const args = (fields.length ? [{ extra: Object.fromEntries(fields.map((f) => [f, `${f}-value`])) }] : []) as DetailsArg<typeof code>;
      throw new AppError(code, ...args);
    });
    for (const code of ERROR_CODES) {
      const e = ERROR_CATALOGUE[code] as ErrorEntry;
      const res = await app.inject({ method: 'GET', url: `/fail/${code}` });
      expect(res.statusCode, code).toBe(e.status);
      expect(res.headers['content-type'], code).toMatch(/^application\/problem\+json/);
      const body = res.json();
      const standard = { type: `urn:loket:problem:${code}`, code, status: e.status, title: e.en, detail: e.en, messages: { id: e.id, en: e.en } };
      // queue.invalid_state's `status` member is the ticket's status (documented in docs/queue.md).
      const extra = new Set(e.extra?.fields ?? []);
      expect(body, code).toMatchObject(Object.fromEntries(Object.entries(standard).filter(([k]) => !extra.has(k))));
      for (const f of extra) expect(body[f], `${code}.${f}`).toBe(`${f}-value`);
    }
    await app.close();
  });
});

describe('throwing', () => {
  it('goes through the catalogue factories: `new AppError` only in platform/errors.ts', () => {
    const root = join(__dirname, '..');
    const offenders = (readdirSync(root, { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && join(root, f) !== join(__dirname, 'errors.ts'))
      .filter((f) => /\bnew AppError\b/.test(readFileSync(join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
