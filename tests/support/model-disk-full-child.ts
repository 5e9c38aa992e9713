/**
 * Run under `ulimit -f` (tests/unit/main/services/models/hostile.test.ts): downloads a model whose big file passes
 * the file-size limit (EFBIG, Node ignores SIGXFSZ), as a full disk would stop it. Prints a JSON report:
 * the model's view and what is left in the models folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createLoopCoach } from '../../src/main/services/app';
import { dispatch } from '../../src/main/services/infra/dispatch';
import { loadCatalogueFile } from '../../src/main/services/models/catalog';

const [dataDir, catalogueFile, modelId] = process.argv.slice(2) as [string, string, string];
const root = path.resolve(__dirname, '..', '..');

async function main() {
  const app = await createLoopCoach({
    dataDir,
    builtinContentDir: path.join(root, 'content'),
    migrationsDir: path.join(root, 'resources/migrations'),
    transport: 'web',
    version: 'test',
    modelCatalog: loadCatalogueFile(catalogueFile),
  });
  const started = await dispatch(app.handlers, 'models:download', { modelId });
  if (!started.ok) throw new Error(started.error.message);
  await app.models.whenDone(modelId);
  const list = await dispatch(app.handlers, 'models:list', {});
  const modelsDir = path.join(dataDir, 'models');
  const left = fs
    .readdirSync(modelsDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(modelsDir, path.join(e.parentPath, e.name)))
    .sort();
  app.close();
  console.log(JSON.stringify({ list: list.ok ? list.value : list.error, left }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
