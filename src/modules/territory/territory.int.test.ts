import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, createTestPlatform, type TestPlatform } from '../../../test/support/platform';

let platform: TestPlatform;
let api: ApiClient;

beforeAll(async () => {
  platform = await createTestPlatform();
  api = new ApiClient(platform.app);
});
afterAll(() => platform?.close());

describe('the official map', () => {
  it('holds 12 regions, 75 provinces and prefectures and 1,503 communes', async () => {
    const counts = await Promise.all(['region', 'province', 'commune'].map(async (level) => (await api.get(`/api/territories?level=${level}&limit=1`)).json().total));
    expect(counts).toEqual([12, 75, 1503]);
  });

  it('lists the communes of a province by parent', async () => {
    const res = await api.get('/api/territories?parent=03451&level=commune&limit=100');
    expect(res.json().total).toBe(23);
    expect(res.json().items.every((t: { provinceCode: string }) => t.provinceCode === '03451')).toBe(true);
  });

  it('gives one territory with its ancestors, country first', async () => {
    const res = await api.get('/api/territories/034510105');
    expect(res.statusCode).toBe(200);
    const t = res.json();
    expect(t).toMatchObject({ code: '034510105', level: 'commune', nameFr: 'Immouzzer-Kandar', nameAr: 'إيموزار كندر', type: 'urban', parentCode: '03451' });
    expect(t.population).toBeGreaterThan(20000);
    expect(t.ancestors.map((a: { code: string }) => a.code)).toEqual(['MA', '03', '03451']);
  });

  it.each([
    ['Imouzzer Kandar', '034510105'],
    ['ايموزار كندر', '034510105'],
    ['بئر طمطم', '034510305'],
    ['Bir Tamtam', '034510305'],
    ['El Bhalil', '034510101'],
    ['البهاليل', '034510101'],
  ])('finds %s in everyday spelling', async (q, code) => {
    const res = await api.get(`/api/territories?q=${encodeURIComponent(q)}&level=commune&limit=5`);
    expect(res.json().items[0]?.code).toBe(code);
  });

  it('searches inside a parent only', async () => {
    const inside = await api.get(`/api/territories?q=${encodeURIComponent('sefrou')}&parent=03&limit=50`);
    expect(inside.json().items.every((t: { code: string; regionCode: string | null }) => t.code === '03' || t.regionCode === '03')).toBe(true);
    expect(inside.json().total).toBeGreaterThan(0);
  });

  it('answers 404 in the error shape for an unknown code, and 400 for a malformed one', async () => {
    const unknown = await api.get('/api/territories/99999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('territory_not_found');
    const malformed = await api.get('/api/territories/abc');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('invalid_request');
  });

  it('serves the boundaries of the children of a province, a region and the country', async () => {
    const province = (await api.get('/api/territories/03451/map')).json();
    expect(province.childLevel).toBe('commune');
    const codes = province.topology.objects.communes.geometries.map((g: { properties: { code: string } }) => g.properties.code);
    expect(codes).toHaveLength(23);
    expect(codes).toContain('034510105');
    const region = (await api.get('/api/territories/03/map')).json();
    expect(region.topology.objects.provinces.geometries).toHaveLength(9);
    const country = (await api.get('/api/territories/MA/map')).json();
    expect(country.topology.objects.regions.geometries).toHaveLength(12);
  });
});
