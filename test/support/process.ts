import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

/**
 * The real command line run as child processes, for tests of what only a whole process shows: a
 * kill -9, two processes on one data directory, the setup link on standard output. The node process
 * that opens the database is spawned directly (no npm or shell in between), so a signal sent to it
 * reaches the process that holds the data.
 */

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const entry = path.join(repoRoot, 'bin', 'tanzim.js');

export const postgresServerUrl = process.env.TANZIM_TEST_DATABASE_URL;
export const onPostgres = Boolean(postgresServerUrl);

/** Variables of the platform that must not leak from the developer's shell into a test process. */
const PLATFORM_ENV = ['DATABASE_URL', 'TANZIM_DATA_DIR', 'PORT', 'HOST', 'TANZIM_PUBLIC_URL', 'SMTP_URL', 'JITSI_BASE_URL'];

function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  for (const name of PLATFORM_ENV) delete env[name];
  return { ...env, ...extra };
}

const running = new Set<ChildProcess>();
// A last resort if a test run ends without its hooks: no server outlives the tests that started it.
process.once('exit', () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

interface Spawned {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<Exit>;
}

function spawnTanzim(args: string[], opts: { env?: Record<string, string>; input?: string }): Spawned {
  const child = spawn(process.execPath, [entry, ...args], {
    cwd: repoRoot,
    env: childEnv(opts.env),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr!.setEncoding('utf8').on('data', (s: string) => (err += s));
  const exited = new Promise<Exit>((resolve) => {
    child.once('close', (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
    child.once('error', () => {
      running.delete(child);
      resolve({ code: null, signal: null });
    });
  });
  child.stdin!.on('error', () => undefined);
  if (opts.input !== undefined) child.stdin!.end(opts.input);
  else child.stdin!.end();
  return { child, stdout: () => out, stderr: () => err, exited };
}

export interface CliResult extends Exit {
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs one command to its end (killed after timeoutMs) and returns its exit and output. */
export async function runCli(args: string[], opts: { env?: Record<string, string>; input?: string; timeoutMs?: number } = {}): Promise<CliResult> {
  const started = Date.now();
  const p = spawnTanzim(args, opts);
  const timer = setTimeout(() => p.child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
  const exit = await p.exited;
  clearTimeout(timer);
  return { ...exit, stdout: p.stdout(), stderr: p.stderr(), ms: Date.now() - started };
}

/** A port nobody listens on at this moment. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ServerProcess {
  constructor(
    private readonly p: Spawned,
    readonly port: number,
    readonly startMs: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  get pid(): number {
    return this.p.child.pid!;
  }
  get exited(): Promise<Exit> {
    return this.p.exited;
  }
  stdout(): string {
    return this.p.stdout();
  }
  stderr(): string {
    return this.p.stderr();
  }
  isRunning(): boolean {
    return this.p.child.exitCode === null && this.p.child.signalCode === null;
  }

  /** Waits until standard output matches, or fails if the process ends or the time runs out. */
  async waitForOutput(pattern: RegExp, timeoutMs = 30_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const m = this.stdout().match(pattern);
      if (m) return m;
      if (!this.isRunning()) throw new Error(`server ended before printing ${pattern}; stderr: ${tail(this.stderr())}`);
      if (Date.now() > deadline) throw new Error(`server did not print ${pattern} within ${timeoutMs} ms`);
      await sleep(50);
    }
  }

  /** kill -9: no handler runs, nothing is flushed or released. */
  async kill(): Promise<Exit> {
    if (this.isRunning()) this.p.child.kill('SIGKILL');
    return this.p.exited;
  }

  /** A graceful stop (SIGTERM), then SIGKILL if it takes longer than timeoutMs. */
  async stop(timeoutMs = 15_000): Promise<Exit> {
    if (!this.isRunning()) return this.p.exited;
    this.p.child.kill('SIGTERM');
    const timer = setTimeout(() => this.p.child.kill('SIGKILL'), timeoutMs);
    const exit = await this.p.exited;
    clearTimeout(timer);
    return exit;
  }
}

const tail = (s: string) => s.split('\n').slice(-15).join('\n');

/**
 * Starts `tanzim serve|demo …` on a free port and waits until GET /api/health answers. A port taken
 * between choosing and binding it is retried with another.
 */
export async function startServer(
  command: 'serve' | 'demo',
  args: string[],
  opts: { env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const timeoutMs = opts.timeoutMs ?? 120_000;
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const started = Date.now();
    const p = spawnTanzim([command, ...args, '--port', String(port)], { env: opts.env });
    const server = new ServerProcess(p, port, 0);
    const deadline = started + timeoutMs;
    let healthy = false;
    while (!healthy) {
      if (!server.isRunning()) break;
      if (Date.now() > deadline) {
        await server.kill();
        throw new Error(`tanzim ${command} did not answer /api/health within ${timeoutMs} ms; stderr: ${tail(server.stderr())}`);
      }
      try {
        const res = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(2_000) });
        healthy = res.ok;
      } catch {
        /* not listening yet */
      }
      if (!healthy) await sleep(100);
    }
    if (healthy) return new ServerProcess(p, port, Date.now() - started);
    const exit = await p.exited;
    if (attempt < 2 && /EADDRINUSE/.test(p.stderr())) continue;
    throw new Error(`tanzim ${command} exited (code ${exit.code}, signal ${exit.signal}) before answering; stderr: ${tail(p.stderr())}`);
  }
}

/** Kills every process these helpers started and that is still running (for afterAll). */
export async function killAll(): Promise<void> {
  const left = [...running];
  for (const child of left) child.kill('SIGKILL');
  await Promise.all(left.map((c) => new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once('close', () => r())))));
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tanzim-int-'));
}

export function removeDir(dir: string | undefined): void {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

export interface HttpResponse {
  status: number;
  body: string;
  json<T = any>(): T;
}

/** A client of a running server over real HTTP that keeps its session cookie, like a browser. */
export class HttpSession {
  private cookie = '';
  constructor(private readonly baseUrl: string) {}

  async request(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown): Promise<HttpResponse> {
    const headers: Record<string, string> = { 'accept-language': 'en' };
    if (this.cookie) headers.cookie = this.cookie;
    if (method !== 'GET') headers['x-tanzim-csrf'] = '1';
    if (payload !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.baseUrl + url, {
      method,
      headers,
      ...(payload !== undefined ? { body: JSON.stringify(payload) } : {}),
      signal: AbortSignal.timeout(30_000),
    });
    for (const c of res.headers.getSetCookie()) {
      const m = /^tanzim_session=([^;]*)/.exec(c);
      if (m) this.cookie = m[1] ? `tanzim_session=${m[1]}` : '';
    }
    const body = await res.text();
    return { status: res.status, body, json: () => JSON.parse(body) };
  }

  get = (url: string) => this.request('GET', url);
  post = (url: string, payload: unknown = {}) => this.request('POST', url, payload);

  get signedIn(): boolean {
    return this.cookie !== '';
  }

  async signIn(email: string, password: string): Promise<this> {
    const res = await this.post('/api/auth/login', { email, password });
    // The status only: the body may name the user.
    if (res.status !== 200) throw new Error(`sign-in failed with status ${res.status}`);
    return this;
  }
}

/** A new, empty database on the PostgreSQL server of TANZIM_TEST_DATABASE_URL, with a way to drop it. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = postgresServerUrl;
  if (!serverUrl) throw new Error('TANZIM_TEST_DATABASE_URL is not set');
  const name = `tanzim_cli_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
