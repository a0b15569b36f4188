import type { Db } from '../../db/database';
import { notFound } from '../../server/errors';
import { readTerritoryFile, readTopology } from './map-data';
import { TerritoryRepository } from './territory.repository';
import type { Territory, TerritoryLevel } from './territory.schema';
import { TerritorySearchIndex } from './territory.search';

const CHILD_LEVEL: Record<TerritoryLevel, TerritoryLevel | null> = { country: 'region', region: 'province', province: 'commune', commune: null };

interface GeometryCollection {
  type: 'GeometryCollection';
  geometries: Array<{ properties?: { code?: string } }>;
}

/**
 * The official map, held in memory: 1,591 read-only rows serve every lookup, containment test and
 * name search without a query. The database copy exists so bodies and people can reference codes.
 */
export class TerritoryService {
  private readonly byCode = new Map<string, Territory>();
  private readonly childrenOf = new Map<string, Territory[]>();
  private readonly index: TerritorySearchIndex;

  constructor(rows: Territory[]) {
    for (const row of rows) this.byCode.set(row.code, row);
    for (const row of rows) {
      if (!row.parentCode) continue;
      const list = this.childrenOf.get(row.parentCode) ?? [];
      list.push(row);
      this.childrenOf.set(row.parentCode, list);
    }
    for (const list of this.childrenOf.values()) list.sort((a, b) => a.code.localeCompare(b.code));
    this.index = new TerritorySearchIndex(rows);
  }

  /** Loads the shipped map into the database when it is new or changed, then reads it back. */
  static async open(db: Db): Promise<TerritoryService> {
    const repo = new TerritoryRepository(db);
    const { rows, version } = readTerritoryFile();
    if ((await repo.loadedVersion()) !== version) await repo.upsertAll(rows, version);
    return new TerritoryService(await repo.all());
  }

  get(code: string): Territory | undefined {
    return this.byCode.get(code);
  }

  require(code: string): Territory {
    const found = this.byCode.get(code);
    if (!found) throw notFound('territory_not_found', { code });
    return found;
  }

  children(code: string): Territory[] {
    return this.childrenOf.get(code) ?? [];
  }

  /** Country first, the territory itself excluded. */
  ancestors(code: string): Territory[] {
    const chain: Territory[] = [];
    let current = this.byCode.get(code);
    while (current?.parentCode) {
      const parent = this.byCode.get(current.parentCode);
      if (!parent) break;
      chain.unshift(parent);
      current = parent;
    }
    return chain;
  }

  /** Whether `code` is `ancestorCode` or lies inside it. */
  contains(ancestorCode: string, code: string): boolean {
    if (ancestorCode === 'MA' || ancestorCode === code) return this.byCode.has(code);
    const t = this.byCode.get(code);
    if (!t) return false;
    return t.regionCode === ancestorCode || t.provinceCode === ancestorCode || t.parentCode === ancestorCode;
  }

  /** The codes of a territory and of everything inside it. */
  subtreeCodes(code: string): string[] {
    const out = [code];
    for (const child of this.children(code)) out.push(...this.subtreeCodes(child.code));
    return out;
  }

  /** The communes inside a territory (the commune itself for a commune). */
  communesWithin(code: string): Territory[] {
    const t = this.require(code);
    if (t.level === 'commune') return [t];
    const out: Territory[] = [];
    const walk = (c: string) => {
      for (const child of this.children(c)) {
        if (child.level === 'commune') out.push(child);
        else walk(child.code);
      }
    };
    walk(code);
    return out;
  }

  list(query: { level?: TerritoryLevel | undefined; parent?: string | undefined; q?: string | undefined; limit: number; offset: number }) {
    if (query.parent) this.require(query.parent);
    let rows: Territory[];
    if (query.q) {
      rows = this.index
        .search(query.q, { level: query.level, within: query.parent, limit: 2000 })
        .map((hit) => this.byCode.get(hit.code))
        .filter((t): t is Territory => t !== undefined);
    } else {
      rows = [...this.byCode.values()].filter(
        (t) => (!query.level || t.level === query.level) && (!query.parent || (t.code !== query.parent && this.contains(query.parent, t.code))),
      );
      rows.sort((a, b) => a.code.localeCompare(b.code));
    }
    return { items: rows.slice(query.offset, query.offset + query.limit), total: rows.length };
  }

  /** The boundaries of a territory's children, from the shipped TopoJSON. */
  map(code: string): { childLevel: TerritoryLevel; object: string; topology: Record<string, unknown> | null } {
    const t = this.require(code);
    const childLevel = CHILD_LEVEL[t.level];
    if (t.level === 'country') return { childLevel: 'region', object: 'regions', topology: readTopology('regions.topojson') };
    if (t.level === 'region') return { childLevel: 'province', object: 'provinces', topology: this.subset(readTopology('provinces.topojson'), 'provinces', (c) => this.get(c)?.parentCode === code) };
    const regionCode = t.regionCode ?? code.slice(0, 2);
    const communes = readTopology(`communes/${regionCode}.topojson`);
    const wanted = t.level === 'province' ? (c: string) => this.get(c)?.provinceCode === code : (c: string) => c === code;
    return { childLevel: childLevel ?? 'commune', object: 'communes', topology: this.subset(communes, 'communes', wanted) };
  }

  private subset(topology: Record<string, unknown> | null, object: string, keep: (code: string) => boolean) {
    if (!topology) return null;
    const objects = topology.objects as Record<string, GeometryCollection>;
    const collection = objects[object];
    if (!collection) return null;
    const geometries = collection.geometries.filter((g) => g.properties?.code !== undefined && keep(g.properties.code));
    if (geometries.length === 0) return null;
    // Arcs are shared; unused ones cost bytes but nothing else, and pruning would need re-encoding.
    return { ...topology, objects: { [object]: { ...collection, geometries } } };
  }
}
