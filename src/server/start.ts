import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { resolveDatabaseTarget, type DatabaseTarget } from '../db/config';
import { openDatabase, type Database } from '../db/database';
import { TerritoryService } from '../modules/territory/territory.service';
import { Mailer } from '../lib/mailer';
import { buildApp, createServices, type AppServices } from './app';

export interface StartOptions {
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  logger?: boolean;
}

export interface Platform {
  database: Database;
  services: AppServices;
}

/** Opens the database (migrating it) and the official map: everything the server and the command line share. */
export async function openPlatform(opts: { dataDir?: string | undefined; databaseUrl?: string | undefined; target?: DatabaseTarget; smtpUrl?: string | undefined }): Promise<Platform> {
  const database = await openDatabase(opts.target ?? resolveDatabaseTarget(opts));
  try {
    const territories = await TerritoryService.open(database.db);
    return { database, services: createServices(database, territories, new Mailer(opts.smtpUrl ?? process.env.SMTP_URL)) };
  } catch (err) {
    await database.close();
    throw err;
  }
}

export async function listen(platform: Platform, opts: StartOptions): Promise<{ app: FastifyInstance; url: string }> {
  const publicUrl = process.env.TANZIM_PUBLIC_URL;
  const app = await buildApp(platform.services, { logger: opts.logger ?? true, isHttps: publicUrl?.startsWith('https://') ?? false });
  const host = opts.host ?? process.env.HOST ?? '127.0.0.1';
  const port = opts.port ?? Number(process.env.PORT ?? 8080);
  await app.listen({ host, port });
  // With --port 0 the system picks the port: report the one actually bound.
  const bound = (app.server.address() as AddressInfo | null)?.port ?? port;
  const url = publicUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
  platform.services.access.publicUrl = url;
  const shutdown = async () => {
    await app.close();
    await platform.database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
  return { app, url };
}
