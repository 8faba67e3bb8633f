import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appEvent, EVENT_TYPES, PUBLIC_TICKET_EVENTS } from './events';

/** Every event type the server's code names where it builds an event (`type: '…'`, ternaries too). */
function typesInSource(): Map<string, string[]> {
  const root = join(__dirname, '..', 'server');
  const found = new Map<string, string[]>();
  for (const f of readdirSync(root, { recursive: true }) as string[]) {
    if (!f.endsWith('.ts') || f.endsWith('.test.ts')) continue;
    for (const line of readFileSync(join(root, f), 'utf8').split('\n')) {
      if (!/\btype: /.test(line)) continue;
      for (const [, type] of line.matchAll(/'((?:ticket|counter|booking|catalog|visit|site|agency|service|user|device|file|establishment|survey|citizen|complaint|application|announcement|queue)\.[a-z_]+)'/g)) {
        found.set(type, [...(found.get(type) ?? []), f]);
      }
    }
  }
  return found;
}

describe('the event catalogue', () => {
  it('has every type the server emits, and no type the server never emits', () => {
    const emitted = typesInSource();
    expect([...emitted.keys()].filter((t) => !(EVENT_TYPES as readonly string[]).includes(t))).toEqual([]);
    expect(EVENT_TYPES.filter((t) => !emitted.has(t))).toEqual([]);
  });

  it('keeps the public stream of DESIGN §6: its seven names and their data fields', () => {
    expect(PUBLIC_TICKET_EVENTS).toEqual(['ticket.issued', 'ticket.called', 'ticket.recalled', 'ticket.started', 'ticket.finished', 'ticket.no_show', 'ticket.transferred']);
    const payload = { ticketId: 't', number: 'A001', serviceId: 's', counter: { id: 'c', name: 'Loket 1', number: 1 } };
    for (const type of PUBLIC_TICKET_EVENTS) {
      const shape = appEvent.options.find((o) => o.shape.type.value === type)!.shape.payload;
      expect(Object.keys(shape.shape), type).toEqual(expect.arrayContaining(['ticketId', 'number', 'serviceId', 'counter']));
      const more = type === 'ticket.transferred' ? { toServiceId: 's2', toNumber: 'B001' } : {};
      expect(shape.safeParse({ ...payload, ...more }).success, type).toBe(true);
    }
  });

  it('refuses an unknown type and a public payload with more than the catalogue says', () => {
    const called = { type: 'ticket.called', aggregateType: 'ticket', aggregateId: 't', payload: { ticketId: 't', number: 'A001', serviceId: 's', counter: null }, meta: { visitId: 'v', counterId: 'c', officerId: null, by: 'x', priority: null, resumed: false, priorityCallsInARow: 0 } };
    expect(appEvent.safeParse(called).success).toBe(true);
    expect(appEvent.safeParse({ ...called, type: 'ticket.teleported' }).success).toBe(false);
    // A name or a NIK slipped into the public payload would reach every display and phone.
    expect(appEvent.safeParse({ ...called, payload: { ...called.payload, name: 'Budi' } }).success).toBe(false);
  });
});
