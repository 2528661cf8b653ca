// `npm run test:pg`: the unit tests that run on PostgreSQL (vitest.pg.config.ts), against a throwaway cluster
// (scripts/pg-cluster.mjs): Vitest runs with PETITION_DESK_DATABASE_URL pointing at it, then the server is stopped
// and its folder removed, also when the tests fail, and on Ctrl-C.
//
//   node scripts/test-pg.mjs [vitest arguments…]      e.g. npm run test:pg -- tests/pg/search.test.ts
import { spawn } from 'node:child_process';
import { startThrowawayCluster } from './pg-cluster.mjs';

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

async function main() {
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
