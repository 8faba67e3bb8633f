import { describe, expect, it } from 'vitest';
import { AppError } from './errors';

describe('AppError', () => {
  it('keeps code, status and details, and a stack only for faults (5xx)', () => {
    const refusal = new AppError('booking.full', 409, { extra: { a: 1 } });
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: 'booking.full', status: 409, details: { extra: { a: 1 } } });
    expect(refusal.stack?.split('\n')).toHaveLength(1);
    const fault = new AppError('internal');
    expect(fault.status).toBe(500);
    expect(fault.stack?.split('\n').length).toBeGreaterThan(1);
    // The global limit is restored for every other error.
    expect(new Error('x').stack?.split('\n').length).toBeGreaterThan(1);
  });
});
