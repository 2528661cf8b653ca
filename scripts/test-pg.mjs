// `npm run test:pg`: the unit tests that run on PostgreSQL (vitest.pg.config.ts), against a throwaway cluster.
//
// Makes a cluster with Debian's initdb in a temp folder, starts it on 127.0.0.1 on a free port (its socket in the
// same folder, so it needs nothing of the machine's own PostgreSQL service), creates a database, runs Vitest with
// PETITION_DESK_DATABASE_URL pointing at it, then stops the server and removes the folder: also when the tests
// fail, and on Ctrl-C. initdb and postgres refuse to run as root: as root they run as the `postgres` user.
//
//   node scripts/test-pg.mjs [vitest arguments…]      e.g. npm run test:pg -- tests/pg/search.test.ts
//
// PG_BIN may name the folder of initdb and pg_ctl; else the newest /usr/lib/postgresql/<version>/bin, else PATH.
// The tests of several server processes and two browsers (tests/pg/*-processes.test.ts) run the built host: the
// build runs first when a source is newer than it (after `npm test` it is not, and this costs nothing).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildStaleReason } from './start.mjs';

const DATABASE = 'petition_desk_test';
/** The cluster's superuser (initdb's bootstrap user), trusted on 127.0.0.1 only, for this run only. */
const SUPERUSER = 'desk';
const RUN_AS = 'postgres';

function say(text) {
  console.log(`[test:pg] ${text}`);
}

function fail(text) {
  console.error(`[test:pg] ${text}`);
  process.exit(1);
}

function postgresBinDir() {
  const has = (dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl'));
  if (process.env.PG_BIN) return has(process.env.PG_BIN) ? process.env.PG_BIN : null;
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) if (has(path.join(root, v, 'bin'))) return path.join(root, v, 'bin');
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  return onPath && has(path.dirname(onPath)) ? path.dirname(onPath) : null;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** The uid and gid of a user, or null. */
function userIds(name) {
  const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  return uid.status === 0 && gid.status === 0 ? { uid: Number(uid.stdout), gid: Number(gid.stdout) } : null;
}

const bin = postgresBinDir();
if (!bin) {
  fail('PostgreSQL is not installed: initdb and pg_ctl were not found (looked in PG_BIN, /usr/lib/postgresql/*/bin and PATH). On Debian/Ubuntu: apt-get install postgresql');
}
const asRoot = process.getuid?.() === 0;
const owner = asRoot ? userIds(RUN_AS) : null;
if (asRoot && !owner) fail(`running as root, and PostgreSQL will not: the user "${RUN_AS}" it would run as does not exist (apt-get install postgresql makes it)`);

/** Runs a PostgreSQL program, as the postgres user when this script is root. */
function pgCommand(program, args) {
  const exe = path.join(bin, program);
  return asRoot ? ['runuser', ['-u', RUN_AS, '--', exe, ...args]] : [exe, args];
}

function runPg(program, args, what) {
  const [cmd, argv] = pgCommand(program, args);
  const r = spawnSync(cmd, argv, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${what} failed (${program} exit ${r.status}):\n${r.stderr || r.stdout}`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'petition-desk-pg-'));
const dataDir = path.join(dir, 'cluster');
const logFile = path.join(dir, 'server.log');
if (owner) fs.chownSync(dir, owner.uid, owner.gid);
let started = false;
let cleaned = false;

function cleanUp() {
  if (cleaned) return;
  cleaned = true;
  if (started) {
    say('stopping the server');
    try {
      runPg('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], 'stopping the server');
    } catch (err) {
      console.error(String(err));
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  say(`removed ${dir}`);
}

let child = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    say(`${signal}: stopping`);
    child?.kill(signal);
    cleanUp();
    process.exit(130);
  });
}

function buildIfStale() {
  const projectDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const reason = buildStaleReason(projectDir);
  if (reason === null) return;
  say(`building first (${reason})`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, ['run', 'build', '--silent'], { cwd: projectDir, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) throw new Error(`the build failed (exit ${r.status})`);
}

async function main() {
  buildIfStale();
  say(`PostgreSQL from ${bin}${asRoot ? `, run as the "${RUN_AS}" user` : ''}`);
  say(`making a throwaway cluster in ${dataDir}`);
  // No fsync: the cluster lives for one run. C.UTF-8 makes Chinese characters word characters for pg_trgm.
  runPg('initdb', ['-D', dataDir, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'], 'initdb');
  const port = await freePort();
  say(`starting it on 127.0.0.1:${port}`);
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  runPg('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '60', 'start'], 'starting the server');
  started = true;
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, database: 'postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();
  const url = `postgres://${SUPERUSER}@127.0.0.1:${port}/${DATABASE}`;
  say(`created ${url}; running vitest --config vitest.pg.config.ts ${process.argv.slice(2).join(' ')}`);
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  child = spawn(npx, ['vitest', 'run', '--config', 'vitest.pg.config.ts', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, PETITION_DESK_DATABASE_URL: url },
  });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

let status = 1;
try {
  status = await main();
} catch (err) {
  console.error(`[test:pg] ${err instanceof Error ? err.message : String(err)}`);
  if (fs.existsSync(logFile)) console.error(`[test:pg] the server's log:\n${fs.readFileSync(logFile, 'utf8').slice(-4000)}`);
} finally {
  cleanUp();
}
process.exit(status);
