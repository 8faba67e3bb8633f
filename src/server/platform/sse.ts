import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Bus } from './bus';
import type { EventRow } from './events';

export interface StreamOptions {
  bus: Bus;
  /** Which live events belong on this stream. */
  accept: (event: EventRow) => boolean;
  /** Missed events after an id, oldest first (read from the events table). */
  replay: (afterId: number) => Promise<EventRow[]>;
  /** What a subscriber receives (an event of the catalogue, src/contracts/events); null to skip. */
  present: (event: EventRow) => { event: EventRow['type']; data: EventRow['payload'] } | null;
  heartbeatMs?: number;
}

const open = new Set<{ end: () => void }>();

// One event goes to thousands of displays and phones: serialise each payload object once.
const serialised = new WeakMap<object, string>();
function toJson(data: unknown): string {
  if (typeof data !== 'object' || data === null) return JSON.stringify(data);
  let s = serialised.get(data);
  if (s === undefined) serialised.set(data, (s = JSON.stringify(data)));
  return s;
}

export const openStreamCount = () => open.size;

/** Ends every stream (graceful shutdown): clients reconnect elsewhere with Last-Event-ID. */
export function closeAllStreams(): void {
  for (const s of [...open]) s.end();
}

function lastEventId(req: FastifyRequest): number {
  const header = req.headers['last-event-id'];
  const query = (req.query as Record<string, unknown> | undefined)?.lastEventId;
  const raw = (Array.isArray(header) ? header[0] : header) ?? (typeof query === 'string' ? query : undefined);
  const n = Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : 0;
}

/**
 * Server-Sent Events with ids and replay. Live events are buffered while the replay runs, then
 * de-duplicated by id, so a display that lost Wi-Fi for a minute sees every call it missed, once.
 */
export async function openEventStream(req: FastifyRequest, reply: FastifyReply, opts: StreamOptions): Promise<void> {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 3000\n\n');

  let lastSent = lastEventId(req);
  let replaying = true;
  const buffered: EventRow[] = [];
  const send = (e: EventRow) => {
    if (e.id <= lastSent) return;
    lastSent = e.id;
    const out = opts.present(e);
    if (out) res.write(`id: ${e.id}\nevent: ${out.event}\ndata: ${toJson(out.data)}\n\n`);
  };
  const unsubscribe = opts.bus.subscribe((e) => {
    if (!opts.accept(e)) return;
    if (replaying) buffered.push(e);
    else send(e);
  });
  // A named event, not a comment: browsers hide comments, and a display needs to see the
  // heartbeat to notice a connection that hangs silently (it has no id, so replay ignores it).
  const heartbeat = setInterval(() => res.write('event: heartbeat\ndata: {}\n\n'), opts.heartbeatMs ?? 15_000);
  const handle = {
    end: () => {
      cleanup();
      res.end();
    },
  };
  const cleanup = () => {
    clearInterval(heartbeat);
    unsubscribe();
    open.delete(handle);
  };
  open.add(handle);
  res.on('close', cleanup);

  try {
    if (lastSent > 0) for (const e of await opts.replay(lastSent)) send(e);
  } catch (err) {
    req.log.warn({ err }, 'sse replay failed');
  }
  replaying = false;
  for (const e of buffered.splice(0)) send(e);
}
