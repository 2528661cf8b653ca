// `npm run bench`: bundles each benchmark in tests/bench/ and runs it under this Node. Benchmarks print
// figures; they never pass or fail on time. Arguments go to every benchmark (`npm run bench -- --rows 1000000`),
// except `--only NAME`, which runs just the benchmarks whose file name contains NAME.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const args = process.argv.slice(2);
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args.splice(onlyAt, 2)[1] : null;
const files = fs.readdirSync('tests/bench').filter((f) => f.endsWith('.bench.ts') && (!only || f.includes(only)));
fs.mkdirSync('dist/bench', { recursive: true });
let failed = false;
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
  console.log(`\n## ${file}`);
  const r = spawnSync(process.execPath, [outfile, ...args], { stdio: 'inherit' });
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
