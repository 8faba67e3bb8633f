import type { AppContext } from '../../platform/context';
import { onCommitted } from '../../platform/tx';

/**
 * Slots this process knows to be full, so that during a rush a refused attempt is answered
 * without a database read (the rush bench: 19 of 20 attempts are refusals).
 *
 * This is only a fast path for saying "full"; the conditional seat upsert stays the guarantee
 * against overbooking. A seat is freed only by a cancellation or an operator's day change, both
 * of which emit an event naming the service: the hints of that service are dropped at once in
 * this process (onCommitted) and as soon as the notification arrives in the others (bus). A hint
 * also lapses after HINT_TTL_MS, so a missed notification cannot keep a freed seat hidden.
 * A per-service generation stops a request that read "full" before a cancellation from
 * re-marking the slot after it.
 */
export const HINT_TTL_MS = 2_000;

const SEAT_FREEING = new Set(['booking.cancelled', 'booking.day_changed', 'catalog.changed']);

interface ServiceHints {
  generation: number;
  full: Map<number, number>; // slot start (ms) → hint expiry (performance.now ms)
}

class FullSlots {
  private services = new Map<string, ServiceHints>();

  private of(serviceId: string): ServiceHints {
    let s = this.services.get(serviceId);
    if (!s) this.services.set(serviceId, (s = { generation: 0, full: new Map() }));
    return s;
  }

  generation(serviceId: string): number {
    return this.of(serviceId).generation;
  }

  isFull(serviceId: string, startMs: number): boolean {
    const until = this.services.get(serviceId)?.full.get(startMs);
    return until !== undefined && until > performance.now();
  }

  /** Records a slot as full, unless a seat of the service was freed since `seenGeneration`. */
  markFull(serviceId: string, startMs: number, seenGeneration: number): void {
    const s = this.of(serviceId);
    if (s.generation !== seenGeneration) return;
    if (s.full.size > 500) s.full.clear();
    s.full.set(startMs, performance.now() + HINT_TTL_MS);
  }

  forget(serviceId: string | undefined): void {
    if (serviceId === undefined) {
      for (const s of this.services.values()) {
        s.generation++;
        s.full.clear();
      }
      return;
    }
    const s = this.of(serviceId);
    s.generation++;
    s.full.clear();
  }
}

const perDb = new WeakMap<object, FullSlots>();
const all = new Set<WeakRef<FullSlots>>();
const subscribed = new WeakSet<object>();

function heard(events: readonly { type: string; payload: unknown }[], targets: Iterable<FullSlots>) {
  for (const e of events) {
    if (!SEAT_FREEING.has(e.type)) continue;
    const serviceId = e.type === 'catalog.changed' ? undefined : ((e.payload as { serviceId?: string } | null)?.serviceId ?? undefined);
    for (const t of targets) t.forget(serviceId);
  }
}

function* live(): Generator<FullSlots> {
  for (const ref of all) {
    const t = ref.deref();
    if (t) yield t;
    else all.delete(ref);
  }
}

// This process's own commits: heard before the cancelling request answers.
onCommitted((events) => heard(events, live()));

/** The full-slot hints of one app (one database handle; each test app has its own). */
export function fullSlotsOf(ctx: AppContext): FullSlots {
  let hints = perDb.get(ctx.db);
  if (!hints) {
    hints = new FullSlots();
    perDb.set(ctx.db, hints);
    all.add(new WeakRef(hints));
  }
  if (!subscribed.has(ctx.bus)) {
    subscribed.add(ctx.bus);
    const target = hints;
    ctx.bus.subscribe((e) => heard([e], [target]));
  }
  return hints;
}
