/**
 * `npm run import -- --data-dir DIR --in BUNDLE`: restores an export into a data folder. BUNDLE is an
 * export folder (or its export.json); a version-1 .json file still imports, without audio.
 */
import path from 'node:path';
import { openDatabase } from '../src/main/services/db/open';
import { importExport, readExport } from '../src/main/services/import';
import { dataPaths } from '../src/main/services/infra/paths';
import { BadInput, cliMain, parseCli, projectRoot, resolveFromUser } from './cli-args';

cliMain('import', () => {
  const usage = 'usage: npm run import -- --data-dir DIR --in EXPORT-FOLDER';
  const { values } = parseCli(process.argv.slice(2), { 'data-dir': { type: 'string' }, in: { type: 'string' } }, usage);
  const { 'data-dir': dataDir, in: input } = values;
  if (!dataDir || !input) throw new BadInput(usage);
  // Read and checked before the database is even opened: a refused export changes nothing.
  const { file, bundleDir } = readExport(resolveFromUser(input));
  const paths = dataPaths(resolveFromUser(dataDir));
  const { db } = openDatabase({
    file: paths.databaseFile,
    migrationsDir: path.join(projectRoot, 'resources', 'migrations'),
    now: Date.now,
  });
  try {
    const r = importExport(db, paths.dataDir, file, bundleDir);
    console.log(
      `Imported ${r.sessions} sessions (${r.skipped} already present); copied ${r.recordingsCopied} recordings, ${r.recordingsMissing} not in the export.`,
    );
  } finally {
    db.$client.close();
  }
});
