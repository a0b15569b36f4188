import path from 'node:path';

/** Where the platform keeps its data: a PostgreSQL server when a URL is given, else PGlite in a directory. */
export type DatabaseTarget =
  | { kind: 'postgres'; url: string }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'memory' };

export function resolveDatabaseTarget(opts: { databaseUrl?: string | undefined; dataDir?: string | undefined }): DatabaseTarget {
  const url = opts.databaseUrl ?? process.env.DATABASE_URL;
  if (url) return { kind: 'postgres', url };
  const dir = opts.dataDir ?? process.env.TANZIM_DATA_DIR ?? './.tanzim';
  return { kind: 'pglite', dataDir: path.resolve(dir) };
}
