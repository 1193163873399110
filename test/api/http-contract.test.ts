import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestApp, type Session } from '../helpers/test-app.js';

describe('the HTTP contract: OpenAPI, problem details, limits', () => {
  let t: TestApp;
  let s: Session;

  beforeAll(async () => {
    t = await TestApp.start();
    s = await t.signedIn('someone');
  });
  afterAll(() => t.stop());

  it('answers health with the kind of database', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: process.env['TEST_DATABASE_URL'] ? 'postgresql' : 'pglite',
    });
  });

  it('publishes an OpenAPI 3.1 document describing every API route with its schemas', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
    );
    const registered = t.app.routeList
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.url}`);
    expect(documented.sort()).toEqual(registered.sort());
    const create = doc.paths['/api/requests'].post;
    expect(JSON.stringify(create.requestBody)).toContain('#/components/schemas/RequestCreate');
    const body = JSON.stringify(doc.components.schemas.RequestCreate.properties);
    for (const field of ['unitId', 'applicantName', 'applicantPhone', 'applicationDate', 'wishedDate', 'description'])
      expect(body).toContain(field);
    expect(JSON.stringify(doc.components.schemas)).toContain('title_zh');
  });

  it('serves the API documentation page', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('swagger');
  });

  it('answers an unknown API path with a 404 problem', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/nothing-here', as: s });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'not_found', title_zh: '找不到指定的資料' });
  });

  it('refuses a body over 1 MiB with 413 and malformed JSON with 400, both as problems', async () => {
    const big = await t.inject({
      method: 'POST',
      url: '/api/requests',
      as: s,
      payload: JSON.stringify(t.requestBody(s, { description: 'x'.repeat(1_100_000) })),
      headers: { 'content-type': 'application/json' },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ code: 'payload_too_large', title_zh: '上傳的資料過大' });
    const broken = await t.inject({
      method: 'POST',
      url: '/api/requests',
      as: s,
      payload: '{"unitId": ',
      headers: { 'content-type': 'application/json' },
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(broken.json()).toMatchObject({ status: 400, title_zh: expect.any(String) });
  });

  it('refuses a content type the API does not take with 415', async () => {
    const res = await t.inject({
      method: 'POST',
      url: '/api/requests',
      as: s,
      payload: 'a=b',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('unsupported_media_type');
  });

  it('hides internals of unexpected errors behind a 500 problem', async () => {
    const r = await t.fileRequest(s);
    await t.database.db.schema.alterTable('comments').renameTo('comments_away').execute();
    try {
      const res = await t.inject({ method: 'GET', url: `/api/requests/${r.id}`, as: s });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toMatchObject({ code: 'internal_error', title_zh: '伺服器發生錯誤，請稍後再試' });
      expect(res.body).not.toContain('comments');
    } finally {
      await t.database.db.schema.alterTable('comments_away').renameTo('comments').execute();
    }
  });

  it('sets protective headers on every answer', async () => {
    const res = await t.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
