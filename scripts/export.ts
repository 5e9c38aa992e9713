/**
 * `npm run export -- --data-dir DIR --out FOLDER [--markdown FILE.md]`: everything recorded and
 * written in DIR, as an export bundle (FOLDER/export.json in the format of src/shared/export.ts, and
 * FOLDER/recordings/), see docs/export.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../src/main/services/db/open';
import { markdownReport, writeExportBundle } from '../src/main/services/export/export';
import { dataPaths } from '../src/main/services/infra/paths';
import { writePrivate } from '../src/main/services/infra/private-files';
import { BadInput, cliMain, parseCli, projectRoot, resolveFromUser } from './cli-args';

cliMain('export', () => {
  const usage = 'usage: npm run export -- --data-dir DIR --out FOLDER [--markdown FILE.md]';
  const { values } = parseCli(
    process.argv.slice(2),
    { 'data-dir': { type: 'string' }, out: { type: 'string' }, markdown: { type: 'string' } },
    usage,
  );
  const { 'data-dir': dataDir, out, markdown } = values;
  if (!dataDir || !out) throw new BadInput(usage);
  const paths = dataPaths(resolveFromUser(dataDir));
  if (!fs.existsSync(paths.databaseFile)) throw new Error(`no Loop Coach database in ${paths.dataDir}`);
  const { db } = openDatabase({
    file: paths.databaseFile,
    migrationsDir: path.join(projectRoot, 'resources', 'migrations'),
    now: Date.now,
  });
  try {
    const version = (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string })
      .version;
    const { file, recordings } = writeExportBundle(db, paths.dataDir, resolveFromUser(out), version, Date.now());
    console.log(`Exported ${file.sessions.length} sessions and ${recordings} recordings to ${resolveFromUser(out)}`);
    if (markdown) {
      writePrivate(resolveFromUser(markdown), markdownReport(file), { overwrite: true });
      console.log(`Wrote the report to ${resolveFromUser(markdown)}`);
    }
  } finally {
    db.$client.close();
  }
});
