import { useEffect, useState } from 'react';

/**
 * The server's clock as seen from this device. Kiosks and displays show the time of the MPP; the
 * server's clock is the reference (a demo or test server may run at another instant, see
 * LOKET_CLOCK_START), learnt from fresh server timestamps (a ticket just issued, a call just made).
 */
let offset = 0;
const listeners = new Set<() => void>();

export function noteServerTime(iso: string | null | undefined, receivedAt = Date.now()): void {
  if (!iso) return;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return;
  const next = t - receivedAt;
  // Network delays move the estimate by a second or so; only a real difference is news.
  if (Math.abs(next - offset) < 1_500) return;
  offset = next;
  for (const l of listeners) l();
}

export const serverNow = (): number => Date.now() + offset;

/** The server time, updated every `everyMs` (one timer per component, cleared on unmount). */
export function useServerNow(everyMs = 1_000): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    const update = () => setNow(serverNow());
    const id = setInterval(update, everyMs);
    listeners.add(update);
    return () => {
      clearInterval(id);
      listeners.delete(update);
    };
  }, [everyMs]);
  return now;
}
