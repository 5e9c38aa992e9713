/**
 * `npm run web -- [--data-dir DIR] [--port N] [--no-open] [--new-token] [--resume-grace-seconds S] [--model-catalog FILE]`:
 * Loop Coach in the system browser, served from 127.0.0.1 with the data folder's access token
 * (docs/security.md, "Browser mode: coming back after a restart").
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLoopCoach, type LoopCoach } from '../services/app';
import { loadCatalogueFile } from '../services/models/catalog';
import { findAppRoot, shippedPaths } from '../services/app-root';
import { dataPaths, defaultDataDir, resolveDataDir } from '../services/infra/paths';
import { makePrivateDir } from '../services/infra/private-files';
import { startWebServer } from './server';
import { loadOrCreateToken } from './token';

const appRoot = findAppRoot(__dirname);

function parsePort(argv: string[]): number {
  const i = argv.indexOf('--port');
  if (i < 0) return 5199;
  const port = Number(argv[i + 1]);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port needs a number from 0 to 65535 (got "${argv[i + 1] ?? ''}")`);
  }
  return port;
}

/**
 * How long a round the last run left recording waits for its still-open tab to carry on before it
 * is recovered. Longer than the uploader's byte cap allows is pointless; 90 s covers a restart.
 */
function parseResumeGraceMs(argv: string[]): number {
  const i = argv.indexOf('--resume-grace-seconds');
  if (i < 0) return 90_000;
  const seconds = Number(argv[i + 1]);
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 3600) {
    throw new Error(`--resume-grace-seconds needs a number from 0 to 3600 (got "${argv[i + 1] ?? ''}")`);
  }
  return Math.round(seconds * 1000);
}

/** `--model-catalog FILE`: the speech models Settings offers, from a JSON file (tests; a private mirror). */
function parseModelCatalog(argv: string[]) {
  const i = argv.indexOf('--model-catalog');
  if (i < 0) return undefined;
  const file = argv[i + 1];
  if (!file || file.startsWith('--'))
    throw new Error('--model-catalog needs a JSON file, e.g. --model-catalog models.json');
  return loadCatalogueFile(path.resolve(file));
}

function openBrowser(url: string) {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'cmd' : 'xdg-open';
  const args = process.platform === 'win32' ? ['/c', 'start', '""', url] : [url];
  const child = spawn(command, args, { stdio: 'ignore', detached: true });
  child.on('error', () => console.log('Could not open a browser; open the address above yourself.'));
  child.unref();
}

async function main() {
  const argv = process.argv.slice(2);
  const dataDir = resolveDataDir(argv, process.env, () => defaultDataDir(process.env, process.platform, os.homedir()));
  const shipped = shippedPaths(appRoot);
  if (!fs.existsSync(path.join(shipped.rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${shipped.rendererDir} is missing): run \`npm run build:web\` first.`);
  }
  // A bad --model-catalog file is refused before anything starts.
  const modelCatalog = parseModelCatalog(argv);
  // The token and the server come first: the tab can fetch the renderer while the database opens
  // (migrations are checked and applied before any API request is answered) and the content loads.
  const { token, source } = loadOrCreateToken(makePrivateDir(dataPaths(dataDir).dataDir), {
    rotate: argv.includes('--new-token'),
  });
  let appReady!: (app: LoopCoach) => void;
  let appFailed!: (error: unknown) => void;
  const starting = new Promise<LoopCoach>((resolve, reject) => {
    appReady = resolve;
    appFailed = reject;
  });
  const server = await startWebServer({
    app: starting,
    rendererDir: shipped.rendererDir,
    port: parsePort(argv),
    token,
  });
  console.log(`Loop Coach is running in browser mode.`);
  console.log(`  data:    ${dataPaths(dataDir).dataDir}`);
  console.log(`  open:    ${server.url}`);
  console.log(
    source === 'reused'
      ? '  token:   kept from the last run (tabs still open carry on); --new-token locks them out'
      : '  token:   new; tabs from an earlier run must open the address above',
  );
  console.log('Press Ctrl+C to stop.');
  // The opener's command line (xdg-open, then the browser's) is readable by every local user: it gets
  // a one-time code, never the token.
  if (!argv.includes('--no-open') && !process.env.CI) openBrowser(server.openUrl());

  let app: LoopCoach;
  try {
    app = await createLoopCoach({
      dataDir,
      builtinContentDir: shipped.builtinContentDir,
      contentSnapshotFile: shipped.contentSnapshotFile,
      migrationsDir: shipped.migrationsDir,
      transport: 'web',
      resumeGraceMs: parseResumeGraceMs(argv),
      modelCatalog,
      // Test-only (E2E, bench): browser mode runs from a checkout, never from a packaged build.
      liveRecognizer: process.env.LOOP_COACH_LIVE_RECOGNIZER ?? null,
      version: JSON.parse(fs.readFileSync(path.join(appRoot, 'package.json'), 'utf8')).version,
    });
  } catch (error) {
    appFailed(error);
    await server.close();
    throw error;
  }
  appReady(app);
  // Tests and scripts wait for this line: the database is migrated, recovery has run, the content is loaded.
  console.log('  ready:   your library and history are loaded');
  const problems = app.content().problems;
  if (problems.length)
    console.log(`  content: ${problems.length} problem(s) in content files; see the Library screen.`);

  const stop = async () => {
    await server.close();
    app.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`loop-coach: ${(error as Error).message}`);
  process.exit(1);
});
