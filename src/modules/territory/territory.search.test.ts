import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MATCH_SCORE } from '../../lib/names';
import { TerritorySearchIndex, type SearchableTerritory } from './territory.search';

const territoriesFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/morocco/territories.json');
const rows = JSON.parse(readFileSync(territoriesFile, 'utf8')) as SearchableTerritory[];
const index = new TerritorySearchIndex(rows);
const first = (q: string, opts?: Parameters<TerritorySearchIndex['search']>[1]) => index.search(q, opts)[0]?.code;

const SEFROU_PROVINCE = '03451';
const IMMOUZZER_KANDAR = '034510105';
const BHALIL = '034510101';
const BIR_TAM_TAM = '034510305';

describe('TerritorySearchIndex', () => {
  it.each([
    ['imouzzer kandar', IMMOUZZER_KANDAR],
    ['Immouzer du Kandar', IMMOUZZER_KANDAR],
    ['ايموزار كندر', IMMOUZZER_KANDAR],
    ['ايموزار', IMMOUZZER_KANDAR],
    ['بئر طمطم', BIR_TAM_TAM],
    ['Bir Tamtam', BIR_TAM_TAM],
    ['bir tam', BIR_TAM_TAM],
    ['bhalil', BHALIL],
    ['El Bhalil', BHALIL],
    ['Bahlil', BHALIL],
    ['البهاليل', BHALIL],
    ['عين الشقف', '035910103'],
    ['mohammedia', '06371'],
    ['taroudant', '09541'],
    ['fez', '03231'],
    ['Kelaa des Sraghna', '07191'],
    ['sefrou', SEFROU_PROVINCE],
    ['صفرو', SEFROU_PROVINCE],
    ['Tangier', '001511010'],
    ['Agadir', '09001'],
    ['Moulay Idriss Zerhoun', '030610109'],
  ])('finds %s first', (q, code) => {
    expect(first(q)).toBe(code);
  });

  it('ranks an exact name above a name it starts', () => {
    const hits = index.search('Fès');
    expect(hits[0]).toEqual({ code: '03231', score: MATCH_SCORE.exact });
    expect(hits.map((h) => h.code)).toContain('03');
    expect(hits.findIndex((h) => h.code === '03')).toBeGreaterThan(hits.findIndex((h) => h.code === '003231010'));
  });

  it('breaks ties by level, then population', () => {
    // Province and commune are both named Sefrou.
    expect(index.search('sefrou').slice(0, 2).map((h) => h.code)).toEqual([SEFROU_PROVINCE, '034510109']);
    // Two communes named إيموزار: Immouzzer-Kandar (21,943) before Imouzzer of Agadir (4,087).
    expect(index.search('إيموزار', { level: 'commune' }).slice(0, 2).map((h) => h.code)).toEqual([IMMOUZZER_KANDAR, '090010713']);
  });

  it('finds names with one typo', () => {
    expect(first('Sefrpu')).toBe(SEFROU_PROVINCE);
    expect(first('Khouribag')).toBe('05311');
  });

  it('requires every word of a multi-word query to match', () => {
    expect(first('sraghna kelaa')).toBe('07191');
    expect(index.search('sefrou casablanca')).toEqual([]);
  });

  it('filters by level', () => {
    expect(first('sefrou', { level: 'commune' })).toBe('034510109');
    expect(index.search('sefrou', { level: 'region' })).toEqual([]);
    expect(index.search('fes', { level: 'region' }).map((h) => h.code)).toEqual(['03']);
  });

  it('filters by containing territory', () => {
    const inSefrou = index.search('', { within: SEFROU_PROVINCE, level: 'commune', limit: 100 });
    expect(inSefrou).toHaveLength(23);
    expect(inSefrou.every((h) => h.code.startsWith('03451'))).toBe(true);
    expect(index.search('', { within: SEFROU_PROVINCE, limit: 100 })).toHaveLength(24);
    expect(index.search('', { within: '03', level: 'province', limit: 100 })).toHaveLength(9);
    expect(index.search('', { within: 'MA', limit: 2000 })).toHaveLength(rows.length);
    expect(first('ايموزار', { within: '09' })).toBe('090010713');
    expect(index.search('bhalil', { within: '06' })).toEqual([]);
  });

  it('honours the limit and returns nothing for nonsense', () => {
    expect(index.search('a', { limit: 5 })).toHaveLength(5);
    expect(index.search('zzzzqqqq')).toEqual([]);
  });
});
