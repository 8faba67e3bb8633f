import { afterEach, describe, expect, it, vi } from 'vitest';
import { TtlCache } from './cache';

afterEach(() => vi.useRealTimers());

describe('TtlCache', () => {
  it('serves a value for its time to live, then loads again', async () => {
    vi.useFakeTimers();
    const cache = new TtlCache<{ n: number }>(1000);
    let loads = 0;
    const load = async () => ({ n: ++loads });
    expect(await cache.get('a', load)).toEqual({ n: 1 });
    vi.advanceTimersByTime(999);
    expect(await cache.get('a', load)).toEqual({ n: 1 });
    vi.advanceTimersByTime(1);
    expect(await cache.get('a', load)).toEqual({ n: 2 });
  });

  it('shares one load between concurrent misses and freezes what it keeps', async () => {
    const cache = new TtlCache<{ n: number; list: number[] }>(1000);
    let loads = 0;
    const load = async () => ({ n: ++loads, list: [1] });
    const [a, b] = await Promise.all([cache.get('k', load), cache.get('k', load)]);
    expect(loads).toBe(1);
    expect(a).toBe(b);
    expect(Object.isFrozen(a) && Object.isFrozen(a.list)).toBe(true);
  });

  it('does not keep failures', async () => {
    const cache = new TtlCache<number>(1000);
    await expect(cache.get('k', async () => Promise.reject(new Error('not found')))).rejects.toThrow('not found');
    expect(await cache.get('k', async () => 7)).toBe(7);
  });

  it('never keeps a load that was in flight when it was cleared', async () => {
    const cache = new TtlCache<string>(1000);
    let release!: (v: string) => void;
    const slow = cache.get('k', () => new Promise<string>((r) => (release = r)));
    cache.clear();
    release('old');
    expect(await slow).toBe('old'); // its own caller still gets an answer
    expect(await cache.get('k', async () => 'new')).toBe('new');
  });
});
