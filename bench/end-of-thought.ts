/**
 * end_of_thought_to_follow_up_p95_ms: from the moment a pause qualifies as the end of a thought to the
 * follow-up's speech `start`, with the real SessionRunner on real timers in Node ("at the next pause",
 * live words on), while two busy processes load both cores and this process's event loop is kept busy
 * too (a 15 ms block every 100 ms, like a page drawing its meter and clock).
 *
 * Measured from outside the runner: the candidate is loud, then quiet; the first quiet level reading
 * the runner receives starts the silence, so the pause qualifies one think time later (the live words,
 * a finished sentence, arrive 300 ms after the speech ends, well before). The synthesiser stand-in
 * reports `start` 80 ms after speak() is called, as a warm local voice does. A follow-up asked into a
 * pause has no chime before it (follow-up-modes.ts, `chimeFirst`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Delays } from './end-of-thought-round';
import { percentile, round, type Bench, type Figure } from './figure';
import { loadCpu } from './live-session';

const root = path.resolve(__dirname, '..');

/** Runs the round in a child process; resolves with its delays. */
function runRound(): Promise<Delays> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'end-of-thought-round.ts')], {
      cwd: root,
      env: { ...process.env, TSX_TSCONFIG_PATH: path.join(root, 'tsconfig.web.json') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve(JSON.parse(out) as Delays) : reject(new Error(`end-of-thought round exited with ${code}`)),
    );
  });
}

export const endOfThoughtBench: Bench = {
  name: 'end of thought',
  figures: ['end_of_thought_to_follow_up_p95_ms'],
  async run() {
    const load: ChildProcess[] = loadCpu();
    try {
      const { speech } = await runRound();
      const load_ = 'both cores loaded, event loop blocked 15 ms every 100 ms';
      const figure = (name: string, delays: number[], what: string): Figure => {
        const sorted = [...delays].sort((a, b) => a - b);
        if (process.env.BENCH_DEBUG) console.log(name, sorted.map(Math.round).join(' '));
        const p50 = round(percentile(sorted, 50), 0);
        return {
          name,
          value: round(percentile(sorted, 95), 0),
          unit: 'ms',
          note: `${sorted.length} follow-ups, real runner and timers, ${what} (p50 ${p50} ms); ${load_}`,
        };
      };
      return [figure('end_of_thought_to_follow_up_p95_ms', speech, "to the voice's start, no chime first")];
    } finally {
      for (const p of load) p.kill('SIGKILL');
    }
  },
};
