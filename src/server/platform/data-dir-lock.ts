import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Another live process holds the data directory (the CLI prints `message` and exits 1). */
export class DataDirInUseError extends Error {
  readonly code = 'LOKET_DATA_DIR_IN_USE';
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`The data directory ${dataDir} is in use by process ${pid}. Stop it, or set DATABASE_URL to share a PostgreSQL server between processes.`);
    this.name = 'DataDirInUseError';
  }
}

interface LockRecord {
  pid: number;
  /** The process's start time as the kernel reports it (Linux: clock ticks since boot). */
  start: string | null;
}

/**
 * PGlite is one process's embedded database: a second server on the same directory would corrupt
 * it. The lock file names the holder by pid AND start time, because after `kill -9` the pid may be
 * reused by an unrelated process, or linger as a zombie: a lock is held only by a live, running
 * process with the same pid started at the same moment. Where the start time cannot be read
 * (not Linux), a live pid holds it.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = path.join(dataDir, 'loket.pid');
  if (existsSync(file)) {
    const held = parseLock(readFileSync(file, 'utf8'));
    if (held && held.pid !== process.pid && holds(held)) throw new DataDirInUseError(dataDir, held.pid);
  }
  const mine: LockRecord = { pid: process.pid, start: processStart(process.pid) };
  writeFileSync(file, JSON.stringify(mine));
  return () => {
    // Only our own lock is removed (a successor may have taken over a lock we lost).
    const now = existsSync(file) ? parseLock(readFileSync(file, 'utf8')) : null;
    if (now?.pid === process.pid) rmSync(file, { force: true });
  };
}

export function parseLock(text: string): LockRecord | null {
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v === 'number') return { pid: v, start: null }; // files of earlier versions
    if (v && typeof v === 'object' && Number.isSafeInteger((v as LockRecord).pid)) {
      const r = v as LockRecord;
      return { pid: r.pid, start: typeof r.start === 'string' ? r.start : null };
    }
  } catch {
    /* unreadable: nobody holds it */
  }
  return null;
}

/** Whether the process named by the lock is still the one that took it. */
export function holds(lock: LockRecord): boolean {
  const stat = procStat(lock.pid);
  if (stat === undefined) return isAlive(lock.pid); // no /proc: best effort
  if (stat === null) return false; // no such process
  if (stat.state === 'Z' || stat.state === 'X') return false; // zombie or dead
  return lock.start === null || lock.start === stat.start;
}

function processStart(pid: number): string | null {
  return procStat(pid)?.start ?? null;
}

/** Fields of /proc/<pid>/stat: undefined where /proc is not there, null when the pid is not. */
function procStat(pid: number): { state: string; start: string } | null | undefined {
  if (!existsSync('/proc/self/stat')) return undefined;
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // rest[0] is field 3 (state); starttime is field 22.
  return { state: rest[0], start: rest[19] };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
