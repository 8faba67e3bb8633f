import { describe, expect, it } from 'vitest';
import { COLUMNS, readCell } from './transfer.format';

const column = (key: string) => COLUMNS.agencies.find((c) => c.key === key)!;

describe('readCell', () => {
  it('refuses NUL, control characters and lone surrogates in any cell, lists included', () => {
    expect(readCell(column('name'), 'Dinas\u0000Sosial')).toMatchObject({ issue: { code: 'text.nul' } });
    expect(readCell(column('description'), 'a\u001bb')).toMatchObject({ issue: { code: 'text.control' } });
    expect(readCell(COLUMNS.services.find((c) => c.key === 'keywords')!, ['ktp', 'x\udc00'])).toMatchObject({ issue: { code: 'text.surrogate' } });
    expect(readCell(column('name'), 'Dinas Sosial\tKota')).toEqual({ value: 'Dinas Sosial\tKota' });
  });

  it('refuses impossible dates without throwing', () => {
    for (const d of ['2026-02-30', '2026-13-45']) expect(readCell(column('agreementSignedOn'), d)).toHaveProperty('issue');
    expect(readCell(column('agreementSignedOn'), '2028-02-29')).toEqual({ value: '2028-02-29' });
  });
});
