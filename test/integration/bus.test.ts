import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryBus, postgresBus, type Bus } from '../../src/server/platform/bus';
import { ManualClock } from '../../src/server/platform/clock';
import { openDatabase, type Database } from '../../src/server/platform/db';
import type { EventInput, EventRow } from '../../src/server/platform/events';
import { transact } from '../../src/server/platform/tx';
import { freshDatabase } from '../support/db';

const clock = new ManualClock('2026-11-25T09:00:00+08:00');
const SITE = '00000000-0000-7000-8000-000000000001';
/** Any event of the catalogue will do: these tests are about delivery, told apart by aggregate id. */
const changed = (aggregateId: string): EventInput => ({
  siteId: SITE,
  type: 'catalog.changed',
  aggregateType: 'site',
  aggregateId,
  payload: { entity: 'site', id: SITE, action: 'updated' },
});

describe('event outbox', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => database?.close());

  it('publishes only after commit, and nothing of a rolled-back change', async () => {
    const bus = database.kind === 'postgres' ? await postgresBus(database) : memoryBus();
    const seen: EventRow[] = [];
    const off = bus.subscribe((e) => seen.push(e));
    await expect(
      transact({ db: database.db, bus, clock }, async (_tx, emit) => {
        await emit(changed('rolled_back'));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await transact({ db: database.db, bus, clock }, async (_tx, emit) => {
      await emit(changed('committed'));
    });
    await expect.poll(() => seen.map((e) => e.aggregateId)).toEqual(['committed']);
    off();
    await bus.close();
  });
});

/** Two processes on one PostgreSQL: an event committed through one reaches subscribers of the other. */
describe.skipIf(!process.env.TEST_DATABASE_URL)('LISTEN/NOTIFY between processes', () => {
  let a: Database & { url?: string };
  let b: Database;
  let busA: Bus;
  let busB: Bus;
  beforeAll(async () => {
    a = await freshDatabase();
    b = await openDatabase({ databaseUrl: a.url! });
    busA = await postgresBus(a);
    busB = await postgresBus(b);
  });
  afterAll(async () => {
    await busA?.close();
    await busB?.close();
    await b?.close();
    await a?.close();
  });

  it('delivers to both, once each, in order', async () => {
    const onA: number[] = [];
    const onB: number[] = [];
    busA.subscribe((e) => onA.push(Number(e.aggregateId)));
    busB.subscribe((e) => onB.push(Number(e.aggregateId)));
    for (let n = 1; n <= 5; n++) {
      await transact({ db: a.db, bus: busA, clock }, (_tx, emit) => emit(changed(String(n))));
    }
    await expect.poll(() => onB).toEqual([1, 2, 3, 4, 5]);
    expect(onA).toEqual([1, 2, 3, 4, 5]);
  });
});
