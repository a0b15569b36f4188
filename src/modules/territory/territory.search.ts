import { nameKeys, nameMatchScore, queryWords, type NameKeys } from '../../lib/names';

/** What the index needs of a territory. */
export interface SearchableTerritory {
  code: string;
  level: string;
  parentCode: string | null;
  regionCode: string | null;
  provinceCode: string | null;
  nameAr: string;
  nameFr: string;
  aliases: string[];
  population: number | null;
}

export interface TerritorySearchOptions {
  /** Only territories of this level. */
  level?: string;
  /** Only this territory and those inside it. */
  within?: string;
  /** At most this many hits (default 20). */
  limit?: number;
}

export interface TerritorySearchHit {
  code: string;
  score: number;
}

interface Entry {
  code: string;
  level: string;
  levelRank: number;
  population: number;
  /** The territory's own code and those of every territory containing it. */
  scope: ReadonlySet<string>;
  names: NameKeys[];
}

// Larger units first on equal scores: someone typing "Sefrou" more often means the province.
const LEVEL_RANK: Record<string, number> = { country: 0, region: 1, province: 2, commune: 3 };
const DEFAULT_LIMIT = 20;

/**
 * Tolerant name search over the official map, in Arabic or Latin script. The map is 1,591 read-only
 * rows, so a linear scan over precomputed keys is fast enough and needs no database index.
 */
export class TerritorySearchIndex {
  private readonly entries: Entry[];

  constructor(rows: readonly SearchableTerritory[]) {
    const parentOf = new Map(rows.map((r) => [r.code, r.parentCode ?? r.provinceCode ?? r.regionCode]));
    this.entries = rows.map((row) => {
      const scope = new Set<string>([row.code]);
      for (let up = parentOf.get(row.code); up != null && !scope.has(up); up = parentOf.get(up)) scope.add(up);
      // Rows given without parentCode still fall inside their province and region.
      for (const code of [row.regionCode, row.provinceCode]) if (code !== null) scope.add(code);
      return {
        code: row.code,
        level: row.level,
        levelRank: LEVEL_RANK[row.level] ?? Object.keys(LEVEL_RANK).length,
        population: row.population ?? 0,
        scope,
        names: [row.nameAr, row.nameFr, ...row.aliases].map(nameKeys).filter((k) => k.key.length > 0),
      };
    });
  }

  /**
   * Territories matching `q`, best first: by score (see nameMatchScore), then larger level, then larger
   * population. Every word of a multi-word query must match one of the names when the whole query does
   * not. A blank query lists the territories in scope.
   */
  search(q: string, opts: TerritorySearchOptions = {}): TerritorySearchHit[] {
    const limit = opts.limit ?? DEFAULT_LIMIT;
    const whole = nameKeys(q);
    const words = queryWords(q);
    const isBlank = whole.key.length === 0 && words.length === 0;

    const hits: Array<{ entry: Entry; score: number }> = [];
    for (const entry of this.entries) {
      if (opts.level !== undefined && entry.level !== opts.level) continue;
      if (opts.within !== undefined && !entry.scope.has(opts.within)) continue;
      const score = isBlank ? 0 : scoreEntry(entry, whole, words);
      if (isBlank || score > 0) hits.push({ entry, score });
    }
    hits.sort(
      (a, b) =>
        b.score - a.score ||
        a.entry.levelRank - b.entry.levelRank ||
        b.entry.population - a.entry.population ||
        (a.entry.code < b.entry.code ? -1 : 1),
    );
    return hits.slice(0, limit).map(({ entry, score }) => ({ code: entry.code, score }));
  }
}

function bestScore(entry: Entry, query: NameKeys): number {
  let best = 0;
  for (const name of entry.names) best = Math.max(best, nameMatchScore(query, name));
  return best;
}

function scoreEntry(entry: Entry, whole: NameKeys, words: NameKeys[]): number {
  const wholeScore = bestScore(entry, whole);
  if (words.length < 2) return wholeScore;
  // Word by word, the weakest word decides, a notch below the same match on the whole query.
  let wordsScore = Number.POSITIVE_INFINITY;
  for (const word of words) {
    wordsScore = Math.min(wordsScore, bestScore(entry, word));
    if (wordsScore === 0) break;
  }
  return Math.max(wholeScore, wordsScore > 0 ? wordsScore - 1 : 0);
}
