import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { seedDemo, DEMO } from '../../src/demo/demo.seed';
import { buildApp } from '../../src/server/app';
import { CSRF_HEADER } from '../../src/server/guard';
import { openPlatform, type Platform } from '../../src/server/start';

/**
 * A platform on a fresh database for one test file: PGlite in memory by default, or a new database on
 * the PostgreSQL server named by TANZIM_TEST_DATABASE_URL (dropped afterwards), so every integration
 * test runs on both engines unchanged.
 */
export interface TestPlatform extends Platform {
  app: FastifyInstance;
  close(): Promise<void>;
}

export const testEngine = process.env.TANZIM_TEST_DATABASE_URL ? 'postgres' : 'pglite';

export async function createTestPlatform(opts: { demo?: boolean; smtpUrl?: string; logStream?: NodeJS.WritableStream } = {}): Promise<TestPlatform> {
  const serverUrl = process.env.TANZIM_TEST_DATABASE_URL;
  let dropDatabase = async () => undefined as void;
  let platform: Platform;
  if (serverUrl) {
    const name = `tanzim_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    platform = await openPlatform({ target: { kind: 'postgres', url: url.toString() }, smtpUrl: opts.smtpUrl });
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    platform = await openPlatform({ target: { kind: 'memory' }, smtpUrl: opts.smtpUrl });
  }
  if (opts.demo) await seedDemo(platform.services);
  const app = await buildApp(platform.services, opts.logStream ? { logger: true, logStream: opts.logStream } : {});
  return {
    ...platform,
    app,
    close: async () => {
      await app.close();
      await platform.database.close();
      await dropDatabase();
    },
  };
}

/** A client of the API that keeps its session cookie, like a browser. */
export class ApiClient {
  private cookie = '';
  constructor(
    private readonly app: FastifyInstance,
    private readonly lang = 'en',
  ) {}

  async signIn(email: string, password: string = DEMO.password): Promise<this> {
    const res = await this.request('POST', '/api/auth/login', { email, password });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
    return this;
  }

  async request(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({
      method,
      url,
      headers: {
        'accept-language': this.lang,
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(method !== 'GET' ? { [CSRF_HEADER]: '1' } : {}),
        ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });
    const setCookie = res.cookies.find((c) => c.name === 'tanzim_session');
    if (setCookie) this.cookie = setCookie.value ? `tanzim_session=${setCookie.value}` : '';
    return res;
  }

  /** Sends a file as the raw request body (an import). */
  async upload(url: string, body: string | Buffer, contentType: string): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method: 'POST',
      url,
      headers: { 'accept-language': this.lang, [CSRF_HEADER]: '1', 'content-type': contentType, ...(this.cookie ? { cookie: this.cookie } : {}) },
      payload: body,
    });
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, payload?: unknown) => this.request('POST', url, payload ?? {});
  patch = (url: string, payload: unknown) => this.request('PATCH', url, payload);
}
