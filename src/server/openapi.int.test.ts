import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestPlatform, type TestPlatform } from '../../test/support/platform';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform?.close());

describe('the API', () => {
  it('answers health with the database engine', async () => {
    const res = await new ApiClient(platform.app).get('/api/health');
    expect(res.json()).toMatchObject({ status: 'ok', database: process.env.TANZIM_TEST_DATABASE_URL ? 'postgres' : 'pglite' });
  });

  it('describes every route in the OpenAPI document', async () => {
    const doc = (await new ApiClient(platform.app).get('/api/openapi.json')).json();
    expect(doc.openapi).toMatch(/^3\./);
    const documented = new Set<string>();
    for (const [p, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) for (const m of Object.keys(ops)) documented.add(`${m.toUpperCase()} ${p}`);
    const registered = platform.app.apiRoutes.map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    const missing = registered.filter((r) => !documented.has(r) && r !== 'GET /api/openapi.json');
    expect(missing).toEqual([]);
    expect(registered.length).toBeGreaterThanOrEqual(20);
  });

  it('sends security headers with a strict Content-Security-Policy', async () => {
    const res = await new ApiClient(platform.app).get('/api/health');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });
});
