import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, holds, lockDataDir, parseLock } from './data-dir-lock';

const linux = process.platform === 'linux';
let dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'loket-lock-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** A process that stays alive until killed, with its pid. */
function sleeper() {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  return { pid: child.pid!, stop: () => child.kill('SIGKILL') };
}

describe('data directory lock', () => {
  it('records this process and its start time, and releases on close', () => {
    const dir = tempDir();
    const release = lockDataDir(dir);
    const record = parseLock(readFileSync(path.join(dir, 'loket.pid'), 'utf8'))!;
    expect(record.pid).toBe(process.pid);
    release();
    expect(() => lockDataDir(dir)()).not.toThrow();
  });

  it.runIf(linux)('is held by a running process with the same start time', () => {
    const dir = tempDir();
    const other = sleeper();
    try {
      const stat = readFileSync(`/proc/${other.pid}/stat`, 'utf8');
      const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
      writeFileSync(path.join(dir, 'loket.pid'), JSON.stringify({ pid: other.pid, start }));
      expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
    } finally {
      other.stop();
    }
  });

  it.runIf(linux)('is not fooled by a pid reused by another process after kill -9', () => {
    const dir = tempDir();
    const other = sleeper();
    try {
      // The lock names this live pid, but with the start time of the process that died.
      writeFileSync(path.join(dir, 'loket.pid'), JSON.stringify({ pid: other.pid, start: '1' }));
      const release = lockDataDir(dir);
      expect(parseLock(readFileSync(path.join(dir, 'loket.pid'), 'utf8'))!.pid).toBe(process.pid);
      release();
    } finally {
      other.stop();
    }
  });

  it.runIf(linux)('is not held by a zombie', async () => {
    // `sleep 0.1` becomes a child of the exec'd `sleep 5`, which never reaps it: a zombie.
    const parent = spawn('sh', ['-c', 'sleep 0.1 & echo $!; exec sleep 5'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const zombie = Number(await new Promise<string>((r) => parent.stdout.once('data', (d: Buffer) => r(d.toString().trim()))));
      const stateOf = () => readFileSync(`/proc/${zombie}/stat`, 'utf8').split(') ')[1]?.[0];
      for (let i = 0; i < 50 && stateOf() !== 'Z'; i++) await new Promise((r) => setTimeout(r, 50));
      expect(stateOf()).toBe('Z');
      expect(holds({ pid: zombie, start: null })).toBe(false);
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('reads the plain pid files of earlier versions', () => {
    expect(parseLock('1234')).toEqual({ pid: 1234, start: null });
    expect(parseLock('garbage')).toBeNull();
    expect(holds({ pid: process.pid, start: null })).toBe(true);
  });
});
