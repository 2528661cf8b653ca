// `npm run test:pg`: the unit tests that run on PostgreSQL (vitest.pg.config.ts), against a throwaway cluster
// (scripts/pg-cluster.mjs): Vitest runs with PETITION_DESK_DATABASE_URL pointing at it, then the server is stopped
// and its folder removed, also when the tests fail, and on Ctrl-C.
//
//   node scripts/test-pg.mjs [vitest arguments…]      e.g. npm run test:pg -- tests/pg/search.test.ts
//
// The tests of several server processes and two browsers (tests/pg/*-processes.test.ts) run the built host: the
// build runs first when a source is newer than it (after `npm test` it is not, and this costs nothing).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startThrowawayCluster } from './pg-cluster.mjs';
import { buildStaleReason } from './start.mjs';

const DATABASE = 'petition_desk_test';

function say(text) {
  console.log(`[test:pg] ${text}`);
}

let cluster = null;
let child = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    say(`${signal}: stopping`);
    child?.kill(signal);
    cluster?.stop();
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
  cluster = await startThrowawayCluster({ database: DATABASE, say });
  say(`created ${cluster.url}; running vitest --config vitest.pg.config.ts ${process.argv.slice(2).join(' ')}`);
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  child = spawn(npx, ['vitest', 'run', '--config', 'vitest.pg.config.ts', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, PETITION_DESK_DATABASE_URL: cluster.url },
  });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

let status = 1;
try {
  status = await main();
} catch (err) {
  console.error(`[test:pg] ${err instanceof Error ? err.message : String(err)}`);
} finally {
  cluster?.stop();
}
process.exit(status);
