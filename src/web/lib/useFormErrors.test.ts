import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { serverErrors } from './useFormErrors';

const refused = (errors: ApiError['errors']) => new ApiError({ status: 400, code: 'validation_failed', title: 'Invalid', messages: { id: 'Data tidak valid.', en: 'Invalid data.' }, errors });
const msg = (id: string) => ({ id, en: id });

describe('one form-error mapping for every form', () => {
  it('puts the server field errors on the form fields and says nothing more when they all show', () => {
    const r = serverErrors(refused([{ field: 'body.hours.3.0.end', code: 'x', messages: msg('Jam selesai salah.') }, { field: 'body.name', code: 'x', messages: msg('Wajib.') }]), (f) => f === 'name' || f.startsWith('hours.'));
    expect(r.fields).toEqual({ 'hours.3.0.end': 'Jam selesai salah.', name: 'Wajib.' });
    expect(r.summary).toBeNull();
  });

  it('names above the form what no field of the form can show', () => {
    const r = serverErrors(refused([{ field: 'body.name', code: 'x', messages: msg('Wajib.') }, { field: 'body.siteId', code: 'x', messages: msg('Tidak dikenal.') }]), (f) => f === 'name');
    expect(r.summary).toContain('siteId: Tidak dikenal.');
    // A refusal without field errors is shown whole.
    expect(serverErrors(new Error('boom'), () => true).summary).toBeTruthy();
    expect(serverErrors(null, () => true)).toEqual({ fields: {}, summary: null });
  });

  it('reads header fields like the kiosk did (one mapping for both)', () => {
    expect(serverErrors(refused([{ field: 'headers.idempotency-key', code: 'x', messages: msg('Kunci wajib.') }]), (f) => f === 'idempotency-key').fields).toEqual({ 'idempotency-key': 'Kunci wajib.' });
  });
});
