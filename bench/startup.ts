// Benchmark: `npm start` to "Tandem is ready" against the local stand-in, on a fresh SQLite file
// (first start applies migrations) and again on the same file (nothing to migrate), plus how fast
// a start without a token fails. Run: npx tsx bench/startup.ts [runs]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, startStandIn } from '../src/standin/index.js';

const runs = Number(process.argv[2] ?? 5);
const root = new URL('..', import.meta.url).pathname;

interface Result {
  wallMs: number;
  timings?: Record<string, number>;
  exitCode?: number | null;
}

function start(env: Record<string, string>, untilReady: boolean): Promise<Result> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env } });
    let buffer = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (const line of buffer.split('\n')) {
        if (untilReady && line.includes('"Tandem is ready"')) {
          const wallMs = performance.now() - started;
          child.kill('SIGTERM');
          child.once('exit', () => resolve({ wallMs, timings: JSON.parse(line).timings }));
          buffer = '';
          return;
        }
      }
    });
    child.once('exit', (code) => !untilReady && resolve({ wallMs: performance.now() - started, exitCode: code }));
    child.once('error', reject);
    setTimeout(() => reject(new Error('no ready within 30 s')), 30_000).unref();
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const standIn = await startStandIn();
standIn.addGuild(build.guild({ name: 'Bench' }));
const key = randomBytes(32).toString('base64');
const cold: number[] = [];
const warm: number[] = [];
const phases: Record<string, number>[] = [];
for (let i = 0; i < runs; i += 1) {
  const dir = mkdtempSync(join(tmpdir(), 'tandem-bench-'));
  const env = { DISCORD_TOKEN: standIn.token, DISCORD_API_URL: standIn.apiUrl, TANDEM_ENCRYPTION_KEY: key, DATABASE_URL: `file:${dir}/tandem.db`, LOG_LEVEL: 'info' };
  const first = await start(env, true);
  cold.push(first.wallMs);
  const second = await start(env, true);
  warm.push(second.wallMs);
  phases.push(second.timings ?? {});
  rmSync(dir, { recursive: true, force: true });
}
const failures: number[] = [];
for (let i = 0; i < runs; i += 1) failures.push((await start({}, false)).wallMs);
await standIn.close();

const fmt = (ms: number) => `${Math.round(ms)} ms`;
console.log(`runs: ${runs} (node ${process.version})`);
console.log(`npm start → ready, fresh database (migrations applied): median ${fmt(median(cold))}, min ${fmt(Math.min(...cold))}, max ${fmt(Math.max(...cold))}`);
console.log(`npm start → ready, existing database: median ${fmt(median(warm))}, min ${fmt(Math.min(...warm))}, max ${fmt(Math.max(...warm))}`);
const phaseNames = Object.keys(phases[0] ?? {});
console.log(`in-process phases (existing database, median, ms since start): ${phaseNames.map((p) => `${p} ${median(phases.map((x) => x[p] ?? 0))}`).join(', ')}`);
console.log(`start without a token → exit 1: median ${fmt(median(failures))}`);
