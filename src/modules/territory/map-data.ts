import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Territory } from './territory.schema';

/** The project's own map files, made by scripts/convert-map.ts from the official sources. */
export const MAP_DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/morocco');

export function readTerritoryFile(): { rows: Territory[]; version: string } {
  const text = fs.readFileSync(path.join(MAP_DATA_DIR, 'territories.json'), 'utf8');
  return { rows: JSON.parse(text) as Territory[], version: createHash('sha256').update(text).digest('hex').slice(0, 16) };
}

const topologyCache = new Map<string, Record<string, unknown> | null>();

/** A shipped TopoJSON file (relative to data/morocco/map), or null when it is not there. */
export function readTopology(relativePath: string): Record<string, unknown> | null {
  if (!topologyCache.has(relativePath)) {
    const file = path.join(MAP_DATA_DIR, 'map', relativePath);
    topologyCache.set(relativePath, fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : null);
  }
  return topologyCache.get(relativePath) ?? null;
}
