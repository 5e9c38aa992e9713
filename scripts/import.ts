/** `npm run import -- --data-dir DIR --in FILE.json`: restores an export into a data folder. */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/main/services/db/open';
import { importExport } from '../src/main/services/export';
import { dataPaths } from '../src/main/services/paths';
import { argValue, cliMain, projectRoot, resolveFromUser } from './cli-args';

cliMain('import', () => {
  const argv = process.argv.slice(2);
  const dataDir = argValue(argv, '--data-dir');
  const input = argValue(argv, '--in');
  if (!dataDir || !input) throw new Error('usage: npm run import -- --data-dir DIR --in FILE.json');
  const raw: unknown = JSON.parse(fs.readFileSync(resolveFromUser(input), 'utf8'));
  const paths = dataPaths(resolveFromUser(dataDir));
  const { db } = openDatabase({
    file: paths.databaseFile,
    migrationsDir: path.join(projectRoot, 'resources', 'migrations'),
    now: Date.now,
  });
  try {
    const r = importExport(db, paths.dataDir, raw);
    console.log(
      `Imported ${r.sessions} sessions (${r.skipped} already present); copied ${r.recordingsCopied} recordings, ${r.recordingsMissing} not found.`,
    );
  } finally {
    db.$client.close();
  }
});
