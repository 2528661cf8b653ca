// Runs npm scripts at the same time and fails if any of them fails, after all have finished (so every failure is
// shown). Each line of output carries the script's name, so interleaved lines still say where they come from.
//
//   node scripts/run-parallel.mjs typecheck lint test:unit build
import { spawn } from 'node:child_process';
import readline from 'node:readline';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
  console.error('usage: node scripts/run-parallel.mjs <npm script> [<npm script>…]');
  process.exit(2);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const width = Math.max(...scripts.map((s) => s.length));

function run(script) {
  const started = Date.now();
  const child = spawn(npm, ['run', script, '--silent'], { stdio: ['ignore', 'pipe', 'pipe'], shell: process.platform === 'win32' });
  const label = `[${script.padEnd(width)}]`;
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => console.log(`${label} ${line}`));
  }
  return new Promise((resolve) => {
    child.on('error', (err) => {
      console.log(`${label} could not start: ${err.message}`);
      resolve({ script, code: 1, seconds: 0 });
    });
    child.on('close', (code) => resolve({ script, code: code ?? 1, seconds: (Date.now() - started) / 1000 }));
  });
}

const results = await Promise.all(scripts.map(run));
for (const r of results) console.log(`${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.script} (${r.seconds.toFixed(1)} s)`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
