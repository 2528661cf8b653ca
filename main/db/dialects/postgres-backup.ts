/**
 * What a backup needs of the county's PostgreSQL server, and SQLite has no counterpart for: PostgreSQL's own
 * programs. A copy is `pg_dump -Fc` (one consistent snapshot while clerks go on writing); a copy is checked and put
 * back by restoring it (`pg_restore`, its SQL run by `psql` in one transaction after the schema is emptied, so a
 * restore that fails midway leaves the database as it was). The programs must be of the server's major version
 * (an older pg_dump refuses a newer server, and a newer one writes dumps an older pg_restore cannot read): they are
 * looked for under /usr/lib/postgresql/<major>/bin (Debian's layout), or in PG_BIN.
 *
 * The password goes to the programs in PGPASSWORD, never on their command line, where `ps` would show it.
 *
 * @example
 * const tools = await postgresTools(url);
 * await dumpDatabase(tools, url, '/var/tmp/copy.dump');
 * await withScratchDatabase(url, async (scratchUrl) => restoreDump(tools, scratchUrl, '/var/tmp/copy.dump'));
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

export const PG_BIN_ENV = 'PG_BIN';

export interface PostgresTools {
  readonly dir: string;
  /** The server's major version, which the programs match. */
  readonly major: number;
}

/**
 * Why a backup cannot be made or checked here: the programs are not in the folder, or are of another major version
 * than the server; or the database user may not create the scratch database a check restores into.
 */
export class PostgresToolsUnusable extends Error {
  readonly reason: 'missing' | 'version' | 'createdb';
  readonly dir: string;
  readonly serverMajor: number;
  readonly toolsMajor: number | null;
  constructor(reason: 'missing' | 'version' | 'createdb', dir: string, serverMajor: number, toolsMajor: number | null) {
    super(reason === 'createdb' ? 'the database user may not create databases' : `pg_dump/pg_restore in ${dir}: ${reason === 'missing' ? 'not found' : `version ${toolsMajor}`}, the server is ${serverMajor}`);
    this.name = 'PostgresToolsUnusable';
    this.reason = reason;
    this.dir = dir;
    this.serverMajor = serverMajor;
    this.toolsMajor = toolsMajor;
  }
}

/** A program of PostgreSQL's that failed; `detail` is the first lines of what it said. */
export class PostgresToolFailed extends Error {
  readonly detail: string;
  constructor(program: string, detail: string) {
    super(`${program} failed: ${detail}`);
    this.name = 'PostgresToolFailed';
    this.detail = detail;
  }
}

const PROGRAMS = ['pg_dump', 'pg_restore', 'psql'] as const;

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'petition-desk-backup' });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The environment that connects a program to `url` (PG* variables; the password among them, not in argv). */
function connectionEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env, PGAPPNAME: 'petition-desk-backup', PGCONNECT_TIMEOUT: '30' };
  // `?host=/var/run/postgresql` names a socket folder, as libpq reads it.
  const host = u.searchParams.get('host') ?? (u.hostname ? decodeURIComponent(u.hostname) : null);
  if (host) env.PGHOST = host;
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  env.PGDATABASE = databaseOf(url);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/** The major version a program says it is (`pg_dump (PostgreSQL) 15.8 (Debian 15.8-0+deb12u1)` → 15). */
async function programMajor(file: string): Promise<number | null> {
  const { out } = await run(file, ['--version'], process.env).catch(() => ({ out: '' }));
  const m = /\(PostgreSQL\)\s+(\d+)/.exec(out);
  return m ? Number(m[1]) : null;
}

/**
 * The server's pg_dump, pg_restore and psql: from PG_BIN when set, else /usr/lib/postgresql/<server major>/bin.
 * Throws {@link PostgresToolsUnusable} when they are not there or are of another major version.
 */
export async function postgresTools(url: string, env: NodeJS.ProcessEnv = process.env): Promise<PostgresTools> {
  const server = await withClient(url, async (c) => {
    const version = Number((await c.query<{ server_version_num: string }>('SHOW server_version_num')).rows[0]?.server_version_num);
    const role = await c.query<{ may: boolean }>('SELECT rolcreatedb OR rolsuper AS may FROM pg_roles WHERE rolname = current_user');
    return { major: Math.floor(version / 10_000), createdb: role.rows[0]?.may === true };
  });
  const major = server.major;
  const dir = env[PG_BIN_ENV] || path.join('/usr/lib/postgresql', String(major), 'bin');
  // Asked first: a check restores every backup into a scratch database, and nothing is written that cannot be checked.
  if (!server.createdb) throw new PostgresToolsUnusable('createdb', dir, major, null);
  for (const program of PROGRAMS) {
    if (!fs.existsSync(path.join(dir, program))) throw new PostgresToolsUnusable('missing', dir, major, null);
  }
  for (const program of PROGRAMS) {
    const found = await programMajor(path.join(dir, program));
    if (found !== major) throw new PostgresToolsUnusable('version', dir, major, found);
  }
  return { dir, major };
}

/** Runs a program to its end; rejects with the first lines of its error output when it fails. */
function run(file: string, args: readonly string[], env: NodeJS.ProcessEnv, stdin?: (input: NodeJS.WritableStream) => void): Promise<{ out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: [stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      if (out.length < 64_000) out += d;
    });
    child.stderr?.setEncoding('utf8').on('data', (d: string) => {
      if (err.length < 64_000) err += d;
    });
    child.once('error', reject);
    if (stdin && child.stdin) stdin(child.stdin);
    child.once('close', (code) => {
      if (code === 0) resolve({ out });
      else reject(new PostgresToolFailed(path.basename(file), firstLines(err || out || `exit code ${code}`)));
    });
  });
}

function firstLines(text: string): string {
  return text.trim().split('\n').slice(0, 3).join(' ').slice(0, 400);
}

/** One consistent snapshot of the database at `url`, in pg_dump's custom format (compressed), at `file`. */
export async function dumpDatabase(tools: PostgresTools, url: string, file: string): Promise<void> {
  // Owners and grants are the server's business: a dump restores under whoever restores it.
  await run(path.join(tools.dir, 'pg_dump'), ['--format=custom', '--no-owner', '--no-acl', `--file=${file}`], connectionEnv(url));
}

/**
 * Replaces everything in the database at `url` (its `public` schema) with what the dump holds, in one transaction:
 * pg_restore writes the dump's SQL, psql runs it after emptying the schema, and stops at the first error, undoing
 * all of it. Objects a later migration added and the dump lacks are gone too, as in the SQLite file swap.
 */
export async function restoreDump(tools: PostgresTools, url: string, file: string): Promise<void> {
  const env = connectionEnv(url);
  const producer = spawn(path.join(tools.dir, 'pg_restore'), ['--no-owner', '--no-acl', '--file=-', file], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let producerErr = '';
  producer.stderr.setEncoding('utf8').on('data', (d: string) => {
    if (producerErr.length < 64_000) producerErr += d;
  });
  const produced = new Promise<void>((resolve, reject) => {
    producer.once('error', reject);
    producer.once('close', (code) => (code === 0 ? resolve() : reject(new PostgresToolFailed('pg_restore', firstLines(producerErr || `exit code ${code}`)))));
  });
  const applied = run(
    path.join(tools.dir, 'psql'),
    ['--no-psqlrc', '--quiet', '--single-transaction', '--set=ON_ERROR_STOP=1', `--dbname=${databaseOf(url)}`],
    env,
    (input) => {
      input.write('DROP SCHEMA IF EXISTS public CASCADE;\nCREATE SCHEMA public;\n');
      producer.stdout.pipe(input);
    },
  );
  // A dump pg_restore cannot read is the first failure to report; psql then only saw half of it (and undid it).
  const [p, a] = await Promise.allSettled([produced, applied]);
  if (p.status === 'rejected') throw p.reason;
  if (a.status === 'rejected') throw a.reason;
}

/** A database name the scratch databases take, so a leftover one is recognised (and can be dropped by the DBA). */
export const SCRATCH_PREFIX = 'petition_desk_check_';

/**
 * Runs `work` with the URL of a new, empty database on the same server, dropped afterwards whatever happened (a
 * backup is checked by restoring it there). The user needs the CREATEDB right.
 */
export async function withScratchDatabase<T>(url: string, work: (scratchUrl: string) => Promise<T>): Promise<T> {
  const name = `${SCRATCH_PREFIX}${randomBytes(6).toString('hex')}`;
  await withClient(url, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE template0 ENCODING 'UTF8'`));
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  try {
    return await work(scratch.toString());
  } finally {
    await withClient(url, (c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  }
}
