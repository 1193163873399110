import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clockRepository } from '../../src/db/repositories/clock.repository.js';
import { organisationRepository, WORKFLOW_UNITS_KEY } from '../../src/db/repositories/organisation.repository.js';
import { requestRepository } from '../../src/db/repositories/request.repository.js';
import { settingsRepository } from '../../src/db/repositories/settings.repository.js';
import { multipart, TestApp, type Session } from '../helpers/test-app.js';

/**
 * Issue 7: the request page and the organisation are each read in one statement, their parts as
 * JSON, or both in one (a page, a step's lock). What comes back must be what the parts' own queries return, types included (instants as
 * `Date`, bigints as numbers, JSON as objects), in the same order.
 */
describe('a request page and the organisation in one statement each', () => {
  let t: TestApp;
  let desk: Session;
  let first: string;
  let second: string;

  beforeAll(async () => {
    t = await TestApp.start();
    desk = await t.signedIn('page-desk', { roles: ['desk_agent'] });
    first = (await t.fileRequest(desk)).id;
    for (const body of ['第一則留言', 'a second comment']) {
      const res = await t.inject({
        method: 'POST',
        url: `/api/requests/${first}/comments`,
        as: desk,
        payload: { body },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const upload = multipart([
      { name: 'a.txt', type: 'text/plain', content: 'hello' },
      { name: '說明.txt', type: 'text/plain', content: '你好' },
    ]);
    const attached = await t.inject({
      method: 'POST',
      url: `/api/requests/${first}/attachments`,
      as: desk,
      payload: upload.payload,
      headers: upload.headers,
    });
    expect(attached.statusCode, attached.body).toBe(201);
    t.clock.advance(20 * 60_000);
    const received = await t.inject({
      method: 'POST',
      url: `/api/requests/${first}/actions/receive`,
      as: desk,
      payload: { fields: {} },
    });
    expect(received.statusCode, received.body).toBe(200);
    second = (await t.fileRequest(desk)).id;
    // A re-application (issue 6) points at the request it repeats.
    await t.database.db.updateTable('requests').set({ previous_request_id: first }).where('id', '=', second).execute();
  });
  afterAll(() => t.stop());

  it('returns the row, history, comments, files, clocks and related applications as their own queries do', async () => {
    const { db } = t.database;
    const page = await requestRepository.page(db, first);
    expect(page).toBeDefined();
    expect(page!.row).toEqual(await requestRepository.find(db, first));
    const history = await db
      .selectFrom('request_events as e')
      .leftJoin('users as u', 'u.id', 'e.actor_id')
      .selectAll('e')
      .select('u.display_name as actor_name')
      .where('e.request_id', '=', first)
      .orderBy('e.seq')
      .execute();
    expect(history.length).toBeGreaterThan(3);
    expect(page!.history).toEqual(history);
    expect(page!.history[0]!.at).toBeInstanceOf(Date);
    const comments = await db
      .selectFrom('comments as c')
      .innerJoin('users as u', 'u.id', 'c.author_id')
      .selectAll('c')
      .select('u.display_name as author_name')
      .where('c.request_id', '=', first)
      .orderBy('c.ordinal')
      .execute();
    expect(page!.comments.map((c) => c.body)).toEqual(['第一則留言', 'a second comment']);
    expect(page!.comments).toEqual(comments);
    expect(page!.attachments.map((a) => a.file_name)).toEqual(['a.txt', '說明.txt']);
    expect(page!.attachments).toEqual(await requestRepository.attachments(db, first));
    const clocks = await clockRepository.ofRequest(db, first);
    expect(clocks.some((c) => c.stopped_at !== null || c.status === 'running')).toBe(true);
    expect(page!.clocks).toEqual(clocks);
    expect(page!.previous).toBeNull();
    expect(page!.reapplications).toEqual([{ id: second, number: expect.stringMatching(/^CTSP-/) }]);
    const again = await requestRepository.page(db, second);
    expect(again!.previous).toEqual({ id: first, number: page!.row.number });
    expect(again!.reapplications).toEqual([]);
  });

  it('reads what a step needs of a locked request (its files’ documents, its clocks) as their own queries do', async () => {
    const { db } = t.database;
    const parts = await requestRepository.lockedParts(db, first);
    expect(parts.documents).toHaveLength(2);
    expect(parts.documents).toEqual(await requestRepository.attachmentDocuments(db, first));
    const clocks = await clockRepository.ofRequest(db, first);
    expect(clocks.some((c) => c.stopped_at !== null)).toBe(true);
    expect(parts.clocks).toEqual(clocks);
    expect(await requestRepository.lockedParts(db, '00000000-0000-4000-8000-000000000000')).toEqual({
      documents: [],
      clocks: [],
    });
  });

  it('names every usable holder of a notice’s roles once, none disabled, without a page limit', async () => {
    const { db } = t.database;
    const both = await t.user('holder-both', { roles: ['desk_agent', 'it_officer'] });
    const officer = await t.user('holder-officer', { roles: ['it_officer'] });
    const gone = await t.user('holder-gone', { roles: ['desk_agent'] });
    await db.updateTable('users').set({ disabled_at: t.clock.now() }).where('id', '=', gone.id).execute();
    const holders = await organisationRepository.usableHoldersOf(db, ['desk_agent', 'it_officer']);
    expect(holders).toEqual(expect.arrayContaining([desk.user.id, both.id, officer.id]));
    expect(holders).not.toContain(gone.id);
    expect(new Set(holders).size).toBe(holders.length);
    expect(await organisationRepository.usableHoldersOf(db, [])).toEqual([]);
    // The user list's page size (500) once cut the holders of a role short.
    const many = Array.from({ length: 501 }, (_, i) => ({
      username: `many-${i}`,
      display_name: `很多 ${i}`,
      kind: 'staff' as const,
      unit_id: desk.user.unitId,
      password_hash: 'x',
    }));
    const ids = (await db.insertInto('users').values(many).returning('id').execute()).map((u) => u.id);
    await db
      .insertInto('role_assignments')
      .values(ids.map((user_id) => ({ user_id, role: 'security_officer' as const })))
      .execute();
    expect(await organisationRepository.usableHoldersOf(db, ['security_officer'])).toHaveLength(501);
  });

  it('answers nothing for a request that does not exist', async () => {
    const { db } = t.database;
    const none = '00000000-0000-4000-8000-000000000000';
    expect(await requestRepository.page(db, none)).toBeUndefined();
    expect(await requestRepository.pageWithOrganisation(db, none, t.clock.now())).toBeUndefined();
    expect(await db.transaction().execute((tx) => requestRepository.lockWithOrganisation(tx, none, new Date()))).toBe(
      undefined,
    );
  });

  it('reads a page with the organisation, and locks a request with it, as their own statements do', async () => {
    const { db } = t.database;
    const now = t.clock.now();
    const organisation = await organisationRepository.structure(db, now);
    expect(organisation.holders.length).toBeGreaterThan(0);
    for (const id of [first, second]) {
      expect(await requestRepository.pageWithOrganisation(db, id, now)).toEqual({
        page: await requestRepository.page(db, id),
        organisation,
      });
      const locked = await db.transaction().execute(async (tx) => {
        const both = await requestRepository.lockWithOrganisation(tx, id, now);
        return { both, row: await requestRepository.lock(tx, id) };
      });
      expect(locked.both).toEqual({ row: locked.row, organisation });
    }
  });

  it('reads the unit tree, the role holders and the workflows’ units as their own reads do', async () => {
    const { db } = t.database;
    const now = t.clock.now();
    const structure = await organisationRepository.structure(db, now);
    expect(structure.units).toEqual(await organisationRepository.listUnits(db));
    expect(structure.holders).toEqual(await organisationRepository.activeRoleHolders(db, now));
    expect(structure.holders).toContainEqual({
      userId: desk.user.id,
      role: 'desk_agent',
      unitId: expect.any(String),
      acting: false,
    });
    expect(structure.workflowUnits).toEqual({ serviceUnitId: null, businessUnitId: null });
    const [service, business] = structure.units.slice(-2).map((u) => u.id);
    await settingsRepository.put(
      db,
      WORKFLOW_UNITS_KEY,
      { serviceUnitId: service, businessUnitId: business },
      null,
      now,
    );
    expect((await organisationRepository.structure(db, now)).workflowUnits).toEqual({
      serviceUnitId: service,
      businessUnitId: business,
    });
  });
});
