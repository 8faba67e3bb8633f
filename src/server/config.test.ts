import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const dir = () => mkdtempSync(path.join(os.tmpdir(), 'loket-cfg-'));

describe('loadConfig', () => {
  it('names every invalid variable on its own line', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', LOKET_CLOCK_START: 'tomorrow' } as NodeJS.ProcessEnv);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^PORT:/m);
      expect(problems).toMatch(/^DATABASE_URL:/m);
      expect(problems).toMatch(/^LOKET_CLOCK_START:/m);
    }
  });

  it('requires LOKET_SECRET and refuses a clock offset in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', LOKET_CLOCK_START: '2026-11-25T09:00:00+08:00' } as NodeJS.ProcessEnv)).toThrow(
      /LOKET_SECRET: required[\s\S]*LOKET_CLOCK_START: refused/,
    );
  });

  it('generates a development secret once and keeps it in the data directory', () => {
    const d = dir();
    const a = loadConfig({ LOKET_DATA_DIR: d } as NodeJS.ProcessEnv);
    const b = loadConfig({ LOKET_DATA_DIR: d } as NodeJS.ProcessEnv);
    expect(a.secret).toHaveLength(43);
    expect(b.secret).toBe(a.secret);
    expect(readFileSync(path.join(d, 'secret'), 'utf8').trim()).toBe(a.secret);
  });

  it('parses the clock start and booleans', () => {
    const c = loadConfig({ LOKET_DATA_DIR: dir(), LOKET_DEMO: '1', LOKET_CLOCK_START: '2026-11-25T09:00:00+08:00' } as NodeJS.ProcessEnv);
    expect(c.demo).toBe(true);
    expect(c.clockStart?.toISOString()).toBe('2026-11-25T01:00:00.000Z');
  });

  it('listens on localhost unless HOST asks for more; production listens on every interface', () => {
    const secret = 'x'.repeat(32);
    expect(loadConfig({ LOKET_DATA_DIR: dir() } as NodeJS.ProcessEnv).host).toBe('localhost');
    expect(loadConfig({ NODE_ENV: 'test', LOKET_DATA_DIR: dir() } as NodeJS.ProcessEnv).host).toBe('localhost');
    expect(loadConfig({ HOST: '0.0.0.0', LOKET_DATA_DIR: dir() } as NodeJS.ProcessEnv).host).toBe('0.0.0.0');
    expect(loadConfig({ NODE_ENV: 'production', LOKET_SECRET: secret } as NodeJS.ProcessEnv).host).toBe('0.0.0.0');
    expect(loadConfig({ NODE_ENV: 'production', LOKET_SECRET: secret, HOST: '10.0.0.5' } as NodeJS.ProcessEnv).host).toBe('10.0.0.5');
  });

  it('logs readable lines in development and JSON elsewhere, unless LOKET_LOG_FORMAT says', () => {
    const secret = 'x'.repeat(32);
    expect(loadConfig({ LOKET_DATA_DIR: dir() } as NodeJS.ProcessEnv).logFormat).toBe('pretty');
    expect(loadConfig({ NODE_ENV: 'production', LOKET_SECRET: secret } as NodeJS.ProcessEnv).logFormat).toBe('json');
    expect(loadConfig({ LOKET_DATA_DIR: dir(), LOKET_LOG_FORMAT: 'json' } as NodeJS.ProcessEnv).logFormat).toBe('json');
    expect(() => loadConfig({ LOKET_DATA_DIR: dir(), LOKET_LOG_FORMAT: 'xml' } as NodeJS.ProcessEnv)).toThrow(/LOKET_LOG_FORMAT/);
  });
});
