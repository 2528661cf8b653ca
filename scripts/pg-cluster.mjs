// A throwaway PostgreSQL cluster for one run: `npm run test:pg` (scripts/test-pg.mjs) and
// `npm run bench -- --store postgres` (scripts/bench.mjs) both make theirs here.
//
// Makes a cluster with Debian's initdb in a temp folder, starts it on 127.0.0.1 on a free port (its socket in the
// same folder, so it needs nothing of the machine's own PostgreSQL service) and creates a database; `stop()` stops
// the server and removes the folder (call it on failure and on Ctrl-C too). initdb and postgres refuse to run as
// root: as root they run as the `postgres` user. PG_BIN may name the folder of initdb and pg_ctl; else the newest
// /usr/lib/postgresql/<version>/bin, else PATH.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The cluster's superuser (initdb's bootstrap user), trusted on 127.0.0.1 only, for this run only. */
const SUPERUSER = 'desk';
const RUN_AS = 'postgres';

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

/**
 * Starts a cluster and creates `database` in it. `durable: false` (the tests) turns fsync and synchronous commit
 * off, as nothing outlives the run; a benchmark keeps them on, so a save costs what it costs on a real server.
 * Throws with what to install or what failed (the server's log when it would not start).
 *
 * @example
 * const cluster = await startThrowawayCluster({ database: 'petition_desk_test', say: console.log });
 * try { … cluster.url … } finally { cluster.stop(); }
 */
export async function startThrowawayCluster({ database, durable = false, say = () => {} }) {
  const bin = postgresBinDir();
  if (!bin) {
    throw new Error('PostgreSQL is not installed: initdb and pg_ctl were not found (looked in PG_BIN, /usr/lib/postgresql/*/bin and PATH). On Debian/Ubuntu: apt-get install postgresql');
  }
  const asRoot = process.getuid?.() === 0;
  const owner = asRoot ? userIds(RUN_AS) : null;
  if (asRoot && !owner) throw new Error(`running as root, and PostgreSQL will not: the user "${RUN_AS}" it would run as does not exist (apt-get install postgresql makes it)`);
  /** Runs a PostgreSQL program, as the postgres user when this process is root. */
  const runPg = (program, args, what) => {
    const exe = path.join(bin, program);
    const [cmd, argv] = asRoot ? ['runuser', ['-u', RUN_AS, '--', exe, ...args]] : [exe, args];
    const r = spawnSync(cmd, argv, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${what} failed (${program} exit ${r.status}):\n${r.stderr || r.stdout}`);
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'petition-desk-pg-'));
  const dataDir = path.join(dir, 'cluster');
  const logFile = path.join(dir, 'server.log');
  if (owner) fs.chownSync(dir, owner.uid, owner.gid);
  let started = false;
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
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
  };
  try {
    say(`PostgreSQL from ${bin}${asRoot ? `, run as the "${RUN_AS}" user` : ''}`);
    say(`making a throwaway cluster in ${dataDir}`);
    // C.UTF-8 makes Chinese characters word characters for pg_trgm.
    runPg('initdb', ['-D', dataDir, '-U', SUPERUSER, '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'], 'initdb');
    const port = await freePort();
    say(`starting it on 127.0.0.1:${port}`);
    const unsafe = durable ? '' : ' -c fsync=off -c synchronous_commit=off -c full_page_writes=off';
    const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}${unsafe} -c max_connections=200`;
    runPg('pg_ctl', ['-D', dataDir, '-l', logFile, '-o', options, '-w', '-t', '60', 'start'], 'starting the server');
    started = true;
    const { default: pg } = await import('pg');
    const admin = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, database: 'postgres' });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    return { url: `postgres://${SUPERUSER}@127.0.0.1:${port}/${database}`, dir, logFile, stop };
  } catch (err) {
    const log = fs.existsSync(logFile) ? `\nthe server's log:\n${fs.readFileSync(logFile, 'utf8').slice(-4000)}` : '';
    stop();
    throw new Error(`${err instanceof Error ? err.message : String(err)}${log}`, { cause: err });
  }
}
