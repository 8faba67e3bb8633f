import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { safeLoggerOptions, scrubText, serializeError } from './log';

function capture() {
  const lines: string[] = [];
  const log = pino(safeLoggerOptions({ level: 'info' }), { write: (s: string) => void lines.push(s) });
  return { log, text: () => lines.join('') };
}

describe('log safety', () => {
  it('redacts credentials and personal data in headers and bodies, keeps masked values', () => {
    const { log, text } = capture();
    log.info({ req: { headers: { authorization: 'Bearer tok-123', cookie: 'loket_session=abc', 'x-csrf-token': 'csrf-1' } }, body: { password: 'pw-secret-1', nik: '6472010507900001', phone: '081234567890', name: 'Budi' }, notify: { to: { phone: '0812•••••890' } } }, 'request');
    const out = text();
    for (const secret of ['tok-123', 'loket_session=abc', 'csrf-1', 'pw-secret-1', '6472010507900001', '081234567890']) expect(out).not.toContain(secret);
    expect(out).toContain('Budi');
    expect(out).toContain('0812•••••890');
  });

  it('serializes an error chain without parameters, secrets in text or secret extras', () => {
    const cause = Object.assign(new Error('invalid input syntax for type uuid: "6472010507900001"'), { code: '22P02', detail: 'Key (nik)=(6472010507900001) already exists.', where: "unnamed portal parameter $1 = '081234567890'", params: ['x'] });
    const err = Object.assign(new Error(`Failed query: select $1\nparams: $argon2id$v=19$m=19456$abc,081234567890`), { query: 'select $1', params: ['$argon2id$v=19$m=19456$abc'], cause, token: 'device-token' });
    const out = JSON.stringify(serializeError(err));
    expect(out).toContain('select $1');
    expect(out).toContain('22P02');
    expect(out).toContain('Key (nik)=');
    for (const secret of ['argon2', '6472010507900001', '081234567890', 'device-token', 'params']) expect(out).not.toContain(secret);
  });

  it('scrubs secret-looking text', () => {
    expect(scrubText('hash $argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA and Bearer abc.def, NIK 6472010507900001, HP +6281234567890')).toBe('hash [redacted hash] and Bearer [redacted], NIK [redacted nik], HP [redacted phone]');
  });
});
