/** Small helpers shared by the npm-run command-line scripts. */
import path from 'node:path';

export const projectRoot = path.resolve(__dirname, '..');

/** `--name VALUE`; throws if the flag is there without a value. */
export function argValue(argv: string[], name: string, required = true): string | undefined {
  const i = argv.indexOf(name);
  if (i < 0) return undefined;
  const value = argv[i + 1];
  if (!value || value.startsWith('--')) {
    if (required) throw new Error(`${name} needs a value`);
    return undefined;
  }
  return value;
}

/** Paths the user typed are relative to where they ran npm, not to the project. */
export function resolveFromUser(p: string): string {
  return path.resolve(process.env.INIT_CWD ?? process.cwd(), p);
}

export function cliMain(name: string, body: () => void | Promise<void>): void {
  Promise.resolve()
    .then(body)
    .catch((error: unknown) => {
      console.error(`${name}: ${(error as Error).message}`);
      process.exitCode = 1;
    });
}
