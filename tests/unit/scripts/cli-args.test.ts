/**
 * The npm-run scripts read their flags with node:util's parseArgs (scripts/cli-args.ts): a mistyped
 * command says what was wrong, in the words the scripts always used, with the usage line, and exits 2
 * (a run that failed on good input exits 1). The scripts run for real, before they open anything.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../../scripts/cli-args';
import { repoRoot, tempDir } from '../../support/temp';

const script = (name: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'scripts', `${name}.ts`), ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
  });

describe('script flags', () => {
  const options = { item: { type: 'string' }, json: { type: 'boolean' } } as const;

  it('names a flag given without its value, even when the next word is another flag', () => {
    expect(() => parseCli(['--item'], options, 'usage: x')).toThrow('--item needs a value\nusage: x');
    expect(() => parseCli(['--item', '--json'], options, 'usage: x')).toThrow('--item needs a value\nusage: x');
  });

  it('names an unknown flag', () => {
    expect(() => parseCli(['--itme', 'a'], options, 'usage: x')).toThrow('unknown option --itme\nusage: x');
  });

  it('reads values, booleans and positionals', () => {
    expect(parseCli(['FILE', '--item', 'a', '--json'], options, 'usage: x')).toEqual({
      values: { item: 'a', json: true },
      positionals: ['FILE'],
    });
  });

  it('export, import and analyze exit 2 on a mistyped command, with the usage line', () => {
    const exportRun = script('export', ['--data-dir']);
    expect(exportRun.status).toBe(2);
    expect(exportRun.stderr).toContain('export: --data-dir needs a value\nusage: npm run export');
    const importRun = script('import', ['--data-dir', tempDir()]);
    expect(importRun.status).toBe(2);
    expect(importRun.stderr).toContain('import: usage: npm run import -- --data-dir DIR --in EXPORT-FOLDER');
    const analyzeRun = script('analyze', ['--jsno']);
    expect(analyzeRun.status).toBe(2);
    expect(analyzeRun.stderr).toContain('analyze: unknown option --jsno');
  });
});
