import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REQUEST_TYPES } from '../../src/shared/request-vocabulary.js';
import { TestApp, type Session } from '../helpers/test-app.js';

type Info = {
  type: string;
  version: number;
  filing: { public: boolean; document: string; channels: string[] };
  form: { properties?: Record<string, unknown> };
  graph: { initial: string; nodes: Array<{ id: string }>; edges: Array<{ from: string; to: string }> };
};

/** Issue 3: the request-type catalogue, and definition versions exported and imported by administrators. */
describe('request types and their definitions', () => {
  let t: TestApp;
  let admin: Session;
  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.signedIn('workflow-admin', { roles: ['admin'] });
  });
  afterAll(() => t.stop());

  it('lists the seven types with form and flow, to anyone (the vendor application page needs no account)', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/request-types' });
    expect(res.statusCode).toBe(200);
    const types = res.json<Info[]>();
    expect(types.map((i) => i.type).sort()).toEqual([...REQUEST_TYPES].sort());
    const vendor = types.find((i) => i.type === 'vendor_account')!;
    expect(vendor.filing).toMatchObject({ public: true, document: 'attachment_4' });
    expect(Object.keys(vendor.form.properties ?? {})).toContain('companyName');
    const incident = types.find((i) => i.type === 'security_incident')!;
    expect(incident.filing.document).toBe('attachment_3');
    for (const info of types) {
      const ids = new Set(info.graph.nodes.map((n) => n.id));
      expect(ids.has(info.graph.initial)).toBe(true);
      for (const e of info.graph.edges) expect(ids.has(e.from) && ids.has(e.to)).toBe(true);
    }
    const missing = await t.inject({ method: 'GET', url: '/api/request-types/general?version=99' });
    expect(missing.statusCode).toBe(404);
  });

  it('lets an administrator export a version and publish the next one, which becomes current; both audited', async () => {
    const exported = await t.inject({ method: 'GET', url: '/api/request-types/web_content/definition', as: admin });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toContain('web_content.v1.json');
    const definition = exported.json<Record<string, unknown> & { version: number }>();
    const publish = (body: unknown, type = 'web_content') =>
      t.inject({ method: 'POST', url: `/api/request-types/${type}/definitions`, as: admin, payload: body as object });

    const same = await publish(definition);
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0]).toMatchObject({ field: 'version', code: 'invalid_definition' });
    const wrongType = await publish({ ...definition, version: 2 }, 'relocation');
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors.map((e: { field: string }) => e.field)).toContain('type');
    const broken = structuredClone(definition) as { version: number; initial: string };
    broken.version = 2;
    broken.initial = 'no_such_state';
    const brokenRes = await publish(broken);
    expect(brokenRes.statusCode).toBe(400);
    expect(JSON.stringify(brokenRes.json().errors)).toContain('no_such_state');

    const next = await publish({ ...definition, version: 2 });
    expect(next.statusCode).toBe(201);
    expect(next.json()).toMatchObject({ version: 2, current: true, createdByName: '使用者 workflow-admin' });
    const current = await t.inject({ method: 'GET', url: '/api/request-types/web_content' });
    expect(current.json().version).toBe(2);
    const first = await t.inject({ method: 'GET', url: '/api/request-types/web_content?version=1' });
    expect(first.json().version).toBe(1);
    const versions = await t.inject({ method: 'GET', url: '/api/request-types/web_content/versions', as: admin });
    expect(versions.json()).toEqual([
      expect.objectContaining({ version: 2, current: true, requests: 0 }),
      expect.objectContaining({ version: 1, current: false, createdByName: null }),
    ]);
    const trail = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'object_id'])
      .where('object_type', '=', 'workflow')
      .orderBy('id')
      .execute();
    expect(trail).toEqual([
      { action: 'workflow.exported', object_id: 'web_content@1' },
      { action: 'workflow.imported', object_id: 'web_content@2' },
    ]);
  });

  it('refuses export and import to everyone but administrators', async () => {
    const desk = await t.signedIn('workflow-desk', { roles: ['desk_agent'] });
    expect((await t.inject({ method: 'GET', url: '/api/request-types/general/definition', as: desk })).statusCode).toBe(
      403,
    );
    const res = await t.inject({
      method: 'POST',
      url: '/api/request-types/general/definitions',
      as: desk,
      payload: { version: 9 },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('definitions keep their key order', () => {
  it('serves a type’s form fields in the order its definition lists them', async () => {
    const t = await TestApp.start();
    try {
      const fs = await import('node:fs');
      const shipped = JSON.parse(fs.readFileSync('resources/workflows/vendor_account.v1.json', 'utf8')) as {
        form: { properties: Record<string, unknown> };
      };
      const served = (await t.inject({ method: 'GET', url: '/api/request-types/vendor_account' })).json<Info>();
      expect(Object.keys(served.form.properties ?? {})).toEqual(Object.keys(shipped.form.properties));
    } finally {
      await t.stop();
    }
  });
});
