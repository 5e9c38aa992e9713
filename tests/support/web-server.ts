/** Starts browser mode (`src/main/web/cli.ts`) as a real child process on a free port. */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type RunningServer = {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

const root = path.resolve(__dirname, '..', '..');

export function makeDataDir(prefix = 'loop-coach-e2e-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * `options.openBrowser`: start it as a user would (no --no-open, no CI), with `options.env` added
 * (e.g. a PATH whose xdg-open records how it was called).
 */
export async function startServer(
  dataDir: string,
  extraArgs: string[] = [],
  options: { openBrowser?: boolean; env?: NodeJS.ProcessEnv } = {},
): Promise<RunningServer> {
  // The built server, as `npm run web` runs it (npm test builds before any test starts one).
  const built = path.join(root, 'out/main/web.js');
  if (!fs.existsSync(built)) throw new Error(`${built} is missing: run \`npm run build:web\` first`);
  // A free port and immediate recovery of a killed run's open recording, unless the test asks otherwise
  // (the CLI reads the first occurrence of a flag).
  const defaults = [
    ...(extraArgs.includes('--port') ? [] : ['--port', '0']),
    ...(extraArgs.includes('--resume-grace-seconds') ? [] : ['--resume-grace-seconds', '0']),
  ];
  const env: NodeJS.ProcessEnv = { ...process.env, CI: '1', ...options.env };
  if (options.openBrowser) delete env.CI;
  const open = options.openBrowser ? [] : ['--no-open'];
  const child = spawn(process.execPath, [built, '--data-dir', dataDir, ...open, ...extraArgs, ...defaults], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web server did not start:\n${output}`)), 30_000);
    const check = () => {
      // The address is printed before the services are up (the tab may load the renderer meanwhile);
      // a test's "started" means ready: migrated, recovered, content loaded.
      const match = /open:\s+(http:\/\/\S+)/.exec(output);
      if (match && /ready:\s/.test(output)) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`web server exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    token: parsed.searchParams.get('token')!,
    dataDir,
    process: child,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
