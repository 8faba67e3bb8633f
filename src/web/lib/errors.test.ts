import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { fieldErrors, problemMessage } from './errors';

const problem = (code: string, messages?: { id: string; en: string }, errors?: ApiError['errors']) =>
  new ApiError({ status: 400, code, title: `Title of ${code}`, messages, errors });

describe('problemMessage', () => {
  it('prefers our translation of the code', () => {
    const e = problem('auth.invalid_credentials', { id: 'server id', en: 'server en' });
    expect(problemMessage(e, 'id')).toBe('Nama pengguna atau kata sandi salah.');
  });

  it('falls back to the server message in that language, then the title', () => {
    expect(problemMessage(problem('queue.something_new', { id: 'Pesan server.', en: 'Server message.' }), 'id')).toBe('Pesan server.');
    expect(problemMessage(problem('queue.something_new'), 'id')).toBe('Title of queue.something_new');
    // A code that names a group of keys (errors.auth) is not a message.
    expect(problemMessage(problem('auth', { id: 'x', en: 'y' }), 'id')).toBe('x');
  });

  it('maps field errors to form fields', () => {
    const e = problem('validation_failed', undefined, [
      { field: 'body.password', code: 'too_small', messages: { id: 'Minimal 10 karakter.', en: 'At least 10 characters.' } },
      { field: 'body.password', code: 'other', messages: { id: 'Kedua.', en: 'Second.' } },
      { field: 'query.from', code: 'invalid_format', messages: { id: 'Format.', en: 'Format.' } },
    ]);
    expect(fieldErrors(e, 'en')).toEqual({ password: 'At least 10 characters.', from: 'Format.' });
    expect(fieldErrors(new Error('x'))).toEqual({});
  });
});
