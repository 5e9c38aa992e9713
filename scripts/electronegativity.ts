/** Electronegativity's static scan, run through its programmatic API (its CLI exits 0 on findings). */
import { createRequire } from 'node:module';
import path from 'node:path';
import { projectRoot } from './cli-args';

type Issue = {
  id: string;
  file: string;
  location?: { line: number };
  severity: { name: string };
  confidence: { name: string };
  description: string;
  sample?: string;
};
type Run = (options: Record<string, unknown>, forCli: boolean) => Promise<{ issues: Issue[]; errors: unknown[] }>;

const load = createRequire(__filename);

export async function scan(input: string): Promise<Issue[]> {
  const electronVersion = (load(path.join(projectRoot, 'node_modules/electron/package.json')) as { version: string })
    .version;
  const mod = load('@doyensec/electronegativity') as { default?: Run } & Run;
  const run = mod.default ?? mod;
  const result = await run(
    {
      input,
      electronVersionOverride: electronVersion,
      isSarif: false,
      customScan: [],
      isRelative: true,
      parserPlugins: [],
    },
    false,
  );
  return result.issues;
}
