// `npm run bench`: bundles each benchmark in tests/bench/ and runs it under this Node. Benchmarks print
// figures; they never pass or fail on time. Arguments go to every benchmark (`npm run bench -- --rows 1000000`),
// except `--only NAME`, which runs just the benchmarks whose file name contains NAME.
//
// `--store postgres` runs the county bench (the only one written for both stores) on PostgreSQL: a throwaway
// cluster is made for the run (scripts/pg-cluster.mjs, with fsync on, so a save costs what it does on a server),
// its address given to the bench in PETITION_DESK_DATABASE_URL, and removed after, also on failure or Ctrl-C.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startThrowawayCluster } from './pg-cluster.mjs';

const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1] : null;
const storeAt = args.indexOf('--store');
const store = storeAt >= 0 ? args[storeAt + 1] : 'sqlite';
if (store !== 'sqlite' && store !== 'postgres') {
  console.error(`--store is sqlite or postgres, not ${store}`);
  process.exit(2);
}
/** The benchmarks that run on PostgreSQL. */
const ON_POSTGRES = ['county.bench.ts'];
const files = fs
  .readdirSync('tests/bench')
  .filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)) && (store === 'sqlite' || ON_POSTGRES.includes(f)));
fs.mkdirSync('dist/bench', { recursive: true });
let cluster = null;
const env = { ...process.env };
if (store === 'postgres') {
  const say = (text) => console.log(`[bench:pg] ${text}`);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      cluster?.stop();
      process.exit(130);
    });
  }
  cluster = await startThrowawayCluster({ database: 'petition_desk_bench', durable: true, say });
  env.PETITION_DESK_DATABASE_URL = cluster.url;
}
let failed = false;
try {
  for (const file of files) {
    const outfile = path.join('dist/bench', file.replace(/\.ts$/, '.cjs'));
    await build({
      entryPoints: [path.join('tests/bench', file)],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node22',
      format: 'cjs',
      external: ['better-sqlite3', 'electron', 'playwright-core'],
      jsx: 'automatic',
      logLevel: 'warning',
    });
    console.log(`\n## ${file}${store === 'postgres' ? ' (PostgreSQL)' : ''}`);
    const r = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit', env });
    if (r.status !== 0) failed = true;
  }
} finally {
  cluster?.stop();
}
process.exit(failed ? 1 : 0);
