import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestRepository } from '../../src/db/repositories/request.repository.js';
import type { Executor } from '../../src/db/database.js';
import type { RequestRow } from '../../src/db/schema.js';
import { rowHold, type RowHold } from '../../src/server/services/row-hold.js';
import { TestApp, type Session } from '../helpers/test-app.js';

/**
 * Issue 7: a filing or a step that holds the request's row holds its effects' clocks and history
 * too, and writes them in one statement at the end (`RowHold`). An effect that reads the clocks
 * meanwhile must still find those started before it.
 */
describe('writes held with the request’s row', () => {
  let t: TestApp;
  let requester: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    requester = await t.signedIn('hold-requester');
  });
  afterAll(() => t.stop());

  /** Writes what the hold held as a step does (`storeStep`), the row's workflow state unchanged. */
  const store = (tx: Executor, row: RequestRow, hold: RowHold) =>
    requestRepository.storeStep(
      tx,
      row.id,
      hold,
      {
        state: row.workflow_state,
        data: row.workflow_data,
        status: row.status,
        stage: row.stage,
        now: t.clock.now(),
        closedAt: row.closed_at,
      },
      {
        waitingKeys: row.waiting_keys,
        slaSummary: hold.slaSummary ?? { state: row.sla_state, dueAt: row.sla_due_at },
        assignees: row,
      },
      { actorId: null, action: 'request.test', objectType: 'request', objectId: row.id },
    );

  const clocksOf = (id: string) =>
    t.database.db
      .selectFrom('request_clocks')
      .select(['target_key', 'status'])
      .where('request_id', '=', id)
      .orderBy('target_key')
      .execute();

  it('lets a later effect pause a clock an earlier one started, and numbers the history in order', async () => {
    const { id } = await t.fileRequest(requester);
    const { sla } = t.app.services;
    const before = await t.database.db
      .selectFrom('request_events')
      .select(({ fn }) => fn.max('seq').as('last'))
      .where('request_id', '=', id)
      .executeTakeFirstOrThrow();
    await t.database.db.transaction().execute(async (tx) => {
      const row = (await requestRepository.lock(tx, id))!;
      const hold = rowHold({ kind: 'transition', actorId: null, at: t.clock.now(), data: { action: 'test' } });
      await sla.startClocks(tx, row, ['web_content.desk_review'], undefined, hold);
      expect(hold.clocks.map((c) => c.target_key)).toEqual(['web_content.desk_review']);
      // Not written yet: the pause writes the held clock first, then finds it with the others.
      await sla.changeClocks(tx, row, 'pause', '*', hold);
      expect(hold.clocks).toEqual([]);
      await store(tx, row, hold);
    });
    expect(await clocksOf(id)).toEqual([
      { target_key: 'fault.limit', status: 'paused' },
      { target_key: 'fault.repair', status: 'paused' },
      { target_key: 'fault.response', status: 'paused' },
      { target_key: 'web_content.desk_review', status: 'paused' },
    ]);
    const history = await t.database.db
      .selectFrom('request_events')
      .select(['seq', 'kind'])
      .where('request_id', '=', id)
      .where('seq', '>', Number(before.last))
      .orderBy('seq')
      .execute();
    const last = Number(before.last);
    expect(history).toEqual([
      { seq: last + 1, kind: 'transition' },
      { seq: last + 2, kind: 'clock_started' },
      { seq: last + 3, kind: 'clock_paused' },
      { seq: last + 4, kind: 'clock_paused' },
      { seq: last + 5, kind: 'clock_paused' },
      { seq: last + 6, kind: 'clock_paused' },
    ]);
  });

  it('writes nothing until the caller writes what it held, then the clocks and their history together', async () => {
    const { id } = await t.fileRequest(requester);
    const { sla } = t.app.services;
    const count = async (tx: typeof t.database.db, table: 'request_clocks' | 'request_events') =>
      Number(
        (
          await tx
            .selectFrom(table)
            .select(({ fn }) => fn.countAll().as('n'))
            .where('request_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const stored = await t.database.db.transaction().execute(async (tx) => {
      const row = (await requestRepository.lock(tx, id))!;
      const [clocks, events] = [await count(tx, 'request_clocks'), await count(tx, 'request_events')];
      const hold = rowHold();
      await sla.startClocks(tx, row, ['web_content.desk_review', 'web_content.it_review'], [], hold);
      expect([await count(tx, 'request_clocks'), await count(tx, 'request_events')]).toEqual([clocks, events]);
      expect(hold.slaSummary?.state).toBe('running');
      const page = await store(tx, row, hold);
      expect([await count(tx, 'request_clocks'), await count(tx, 'request_events')]).toEqual([clocks + 2, events + 2]);
      return page;
    });
    // The step's statement answers with the page as it left it (issue 7): its own new clocks and
    // history entries beside those stored before, as the page reads them afterwards.
    expect(stored).toEqual(await requestRepository.page(t.database.db, id));
    expect(stored.clocks.map((c) => c.target_key)).toContain('web_content.it_review');
    expect(stored.history.at(-1)?.kind).toBe('clock_started');
    expect((await clocksOf(id)).map((c) => c.target_key)).toEqual([
      'fault.limit',
      'fault.repair',
      'fault.response',
      'web_content.desk_review',
      'web_content.it_review',
    ]);
  });
});
