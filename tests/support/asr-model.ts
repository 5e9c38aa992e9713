/** The tiny speech-to-text fixture (scripts/make-tiny-asr-model.py) installed the way the model manager installs a model. */
import fs from 'node:fs';
import path from 'node:path';

export const FIXTURE_MODEL_ID = 'tiny-tdt-fixture';
export const fixtureModelDir = path.resolve(__dirname, '..', 'fixtures', 'asr', 'tiny-tdt-fixture');

/** Copies the fixture to `<dataDir>/models/<id>/` with its installed.json (written last, as the manager does). */
export function installFixtureModel(dataDir: string, modelId = FIXTURE_MODEL_ID): string {
  const dir = path.join(dataDir, 'models', modelId);
  fs.mkdirSync(dir, { recursive: true });
  const installed = JSON.parse(fs.readFileSync(path.join(fixtureModelDir, 'installed.json'), 'utf8')) as {
    files: Record<string, string>;
  };
  for (const name of Object.values(installed.files))
    fs.copyFileSync(path.join(fixtureModelDir, name), path.join(dir, name));
  fs.writeFileSync(path.join(dir, 'installed.json'), JSON.stringify({ ...installed, modelId }, null, 2));
  return dir;
}
