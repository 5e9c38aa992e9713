/** Where the app keeps its data. Everything the app writes lives under one data folder. */
import path from 'node:path';

export type DataPaths = {
  dataDir: string;
  databaseFile: string;
  userContentDir: string;
  recordingsDir: string;
  /** Downloaded speech-to-text models, one folder per model id. */
  modelsDir: string;
};

export function dataPaths(dataDir: string): DataPaths {
  const root = path.resolve(dataDir);
  return {
    dataDir: root,
    databaseFile: path.join(root, 'loop-coach.db'),
    userContentDir: path.join(root, 'content'),
    recordingsDir: path.join(root, 'recordings'),
    modelsDir: path.join(root, 'models'),
  };
}

/** `--data-dir DIR` beats `LOOP_COACH_DATA_DIR`, which beats the platform default. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: () => string): string {
  const flag = argv.findIndex((a) => a === '--data-dir' || a.startsWith('--data-dir='));
  if (flag >= 0) {
    const arg = argv[flag]!;
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[flag + 1];
    if (!value || value.startsWith('--'))
      throw new Error('--data-dir needs a folder, e.g. --data-dir ~/loop-coach-data');
    return path.resolve(value);
  }
  if (env.LOOP_COACH_DATA_DIR) return path.resolve(env.LOOP_COACH_DATA_DIR);
  return fallback();
}

/** Resolves `relative` inside `root`, refusing anything that would escape it. */
export function insideRoot(root: string, relative: string): string | null {
  const resolved = path.resolve(root, relative);
  const rel = path.relative(root, resolved);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return resolved;
}

/** The same folder Electron's app.getPath('userData') gives for productName "Loop Coach". */
export function defaultDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? path.join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? path.join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? path.join(home, '.config'));
  return path.join(appData, 'Loop Coach');
}
