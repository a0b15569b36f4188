// Checks the committed output of scripts/convert-map.ts, which the app ships instead of ../shared.
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'data');
const moroccoDir = path.join(dataDir, 'morocco');
const mapDir = path.join(moroccoDir, 'map');

interface Territory {
  code: string;
  level: 'country' | 'region' | 'province' | 'commune';
  parentCode: string | null;
  regionCode: string | null;
  provinceCode: string | null;
  nameAr: string;
  nameFr: string;
  type: string;
  population: number | null;
  households: number | null;
  aliases: string[];
}

interface Geometry {
  type: string;
  properties: Record<string, unknown>;
  id?: unknown;
}

interface Topology {
  type: string;
  objects: Record<string, { type: string; geometries: Geometry[] }>;
}

const readJson = <T>(file: string): T => JSON.parse(readFileSync(file, 'utf8')) as T;
const territories = readJson<Territory[]>(path.join(moroccoDir, 'territories.json'));
const byCode = new Map(territories.map((t) => [t.code, t]));
const ofLevel = (level: Territory['level']) => territories.filter((t) => t.level === level);
const index = readJson<{ communeRegions: string[]; communesWithoutGeometry: string[] }>(path.join(mapDir, 'index.json'));

function folderSize(dir: string): number {
  return readdirSync(dir, { withFileTypes: true }).reduce(
    (total, entry) =>
      total + (entry.isDirectory() ? folderSize(path.join(dir, entry.name)) : statSync(path.join(dir, entry.name)).size),
    0,
  );
}

describe('territories.json', () => {
  it('has the official map: 1 country, 12 regions, 75 provinces and prefectures, 1,503 communes', () => {
    expect(ofLevel('country').map((t) => t.code)).toEqual(['MA']);
    expect(ofLevel('region')).toHaveLength(12);
    expect(ofLevel('province')).toHaveLength(75);
    expect(ofLevel('commune')).toHaveLength(1503);
    expect(ofLevel('commune').filter((t) => t.type === 'urban')).toHaveLength(242);
  });

  it('is sorted by code, each code unique and of the length of its level', () => {
    const codes = territories.map((t) => t.code);
    expect(codes).toEqual([...codes].sort());
    expect(new Set(codes).size).toBe(codes.length);
    const digits = { region: 2, province: 5, commune: 9 } as const;
    for (const t of territories) {
      if (t.level !== 'country') expect(t.code).toMatch(new RegExp(`^\\d{${digits[t.level]}}$`));
    }
  });

  it('links every unit to existing parents of the level above', () => {
    const parentLevel = { country: null, region: 'country', province: 'region', commune: 'province' } as const;
    for (const t of territories) {
      const parent = t.parentCode === null ? undefined : byCode.get(t.parentCode);
      expect(parent?.level ?? null, t.code).toBe(parentLevel[t.level]);
      if (t.level === 'commune') {
        expect(t.provinceCode).toBe(t.parentCode);
        expect(t.regionCode).toBe(parent?.parentCode);
      }
      if (t.level === 'province') expect(t.regionCode).toBe(t.parentCode);
    }
  });

  it('leaves out the préfectures d’arrondissements of Casablanca', () => {
    const prefecturesOfArrondissements = [0, 1, 2, 3, 4, 5, 6, 7].map((tens) => `0614101${tens}0`);
    expect(prefecturesOfArrondissements.filter((code) => byCode.has(code))).toEqual([]);
    expect(byCode.get('061410181')?.nameFr).toBe('Méchouar de Casablanca');
    expect(byCode.get('06141')?.nameFr).toBe('Casablanca');
  });

  it('carries the RGPH 2024 populations, adding up to the national total', () => {
    expect(byCode.get('MA')?.population).toBe(36_828_330);
    const sum = (rows: Territory[]) => rows.reduce((total, t) => total + (t.population ?? 0), 0);
    expect(sum(ofLevel('region'))).toBe(36_828_330);
    expect(sum(ofLevel('province'))).toBe(36_828_330);
    expect(sum(ofLevel('commune'))).toBe(36_828_330);
    expect(territories.every((t) => t.population !== null && t.households !== null)).toBe(true);
  });

  it('has Sefrou province with its 23 communes', () => {
    expect(byCode.get('03451')).toMatchObject({ nameFr: 'Sefrou', nameAr: 'صفرو', regionCode: '03', type: 'province' });
    expect(ofLevel('commune').filter((t) => t.provinceCode === '03451')).toHaveLength(23);
    expect(byCode.get('034510105')).toMatchObject({ nameFr: 'Immouzzer-Kandar', nameAr: 'إيموزار كندر' });
  });

  it('has clean names: trimmed, and no en dash', () => {
    for (const t of territories) {
      for (const name of [t.nameAr, t.nameFr, ...t.aliases]) {
        expect(name).toBe(name.trim());
        expect(name).not.toMatch(/[\u2013\u2014]|\s{2}/);
      }
    }
    expect(byCode.get('073510101')?.nameAr).toBe('مشور-القصبة');
  });

  it('carries the hand-kept aliases', () => {
    expect(byCode.get('06371')?.aliases).toContain('Mohammedia');
    expect(byCode.get('03231')?.aliases).toContain('Fez');
    expect(byCode.get('034510105')?.aliases).toContain('ايموزار');
    expect(byCode.get('09001')?.aliases).toContain('Agadir');
    const csvRows = readFileSync(path.join(moroccoDir, 'aliases.csv'), 'utf8').trim().split('\n').length - 1;
    expect(territories.reduce((total, t) => total + t.aliases.length, 0)).toBe(csvRows);
  });
});

describe('map/', () => {
  it('has the 12 regions, coded by HCP code only', () => {
    const topology = readJson<Topology>(path.join(mapDir, 'regions.topojson'));
    const geometries = topology.objects.regions?.geometries ?? [];
    expect(geometries.map((g) => g.properties)).toEqual(ofLevel('region').map((t) => ({ code: t.code })));
  });

  it('has the 75 provinces and prefectures with their region', () => {
    const topology = readJson<Topology>(path.join(mapDir, 'provinces.topojson'));
    const geometries = topology.objects.provinces?.geometries ?? [];
    expect(geometries.map((g) => g.properties)).toEqual(
      ofLevel('province').map((t) => ({ code: t.code, regionCode: t.regionCode })),
    );
  });

  it('has one commune file per listed region, each polygon a commune of that region', () => {
    const files = readdirSync(path.join(mapDir, 'communes')).sort();
    expect(files).toEqual(index.communeRegions.map((r) => `${r}.topojson`));
    const drawn = new Set<string>();
    for (const region of index.communeRegions) {
      const topology = readJson<Topology & Record<string, unknown>>(path.join(mapDir, 'communes', `${region}.topojson`));
      expect(Object.keys(topology).sort()).toEqual(['arcs', 'bbox', 'objects', 'transform', 'type']);
      for (const g of topology.objects.communes?.geometries ?? []) {
        expect(Object.keys(g.properties)).toEqual(['code']);
        const code = String(g.properties.code);
        expect(byCode.get(code)).toMatchObject({ level: 'commune', regionCode: region });
        drawn.add(code);
      }
    }
    const expectedMissing = ofLevel('commune')
      .filter((t) => index.communeRegions.includes(t.regionCode ?? '') && !drawn.has(t.code))
      .map((t) => t.code);
    expect(index.communesWithoutGeometry).toEqual(expectedMissing);
  });

  it('draws every commune but Sidi Mohamed Benmansour, and all of Sefrou province', () => {
    expect(index.communeRegions).toHaveLength(12);
    expect(index.communesWithoutGeometry).toEqual(['042810511']);
    const sefrou = readJson<Topology>(path.join(mapDir, 'communes', '03.topojson'));
    const codes = new Set(sefrou.objects.communes?.geometries.map((g) => String(g.properties.code)));
    expect(ofLevel('commune').filter((t) => t.provinceCode === '03451' && codes.has(t.code))).toHaveLength(23);
  });

  it('ships the ODbL notice with the boundaries', () => {
    const notice = readFileSync(path.join(mapDir, 'LICENSE-ODbL.txt'), 'utf8');
    expect(notice).toContain('Open Database License');
    expect(notice).toContain('© OpenStreetMap contributors');
    expect(readFileSync(path.join(moroccoDir, 'ATTRIBUTION.md'), 'utf8')).toContain('CC BY 4.0');
  });
});

it('keeps data/ under 4 MB', () => {
  expect(folderSize(dataDir)).toBeLessThan(4 * 1024 * 1024);
});
