import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { DatabaseTarget } from './config';
import { lockDataDir } from './lock';
import * as schema from './schema';

export type Schema = typeof schema;
/** The query builder both engines share: code above this layer never knows which one runs. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** A function that can run inside or outside a transaction takes either. */
export type DbOrTx = Db | Tx;

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  close(): Promise<void>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
// One lock id for migrations so several server processes starting at once on one PostgreSQL do not race.
const MIGRATION_LOCK_ID = 7_346_001;

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: Number(process.env.TANZIM_DB_POOL ?? 10) });
    // An idle client's network error must not crash the process; the pool replaces the client.
    pool.on('error', () => undefined);
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    const client = await pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
      await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
      client.release();
    }
    return { db, engine: 'postgres', close: () => pool.end() };
  }

  const release = target.kind === 'pglite' ? lockDataDir(target.dataDir) : () => undefined;
  try {
    const dataDir = target.kind === 'pglite' ? path.join(target.dataDir, 'pgdata') : undefined;
    // relaxedDurability stays off: a commit the API acknowledged must survive a kill -9.
    const client = await PGlite.create({ ...(dataDir ? { dataDir } : {}), relaxedDurability: false, extensions: { pg_trgm } });
    const db = drizzlePglite(client, { schema }) as unknown as Db;
    await migratePglite(drizzlePglite(client, { schema }), { migrationsFolder });
    return {
      db,
      engine: 'pglite',
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}

export async function pingDatabase(db: Db): Promise<boolean> {
  await db.execute(sql`select 1`);
  return true;
}
