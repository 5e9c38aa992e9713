/** Small helpers shared by the npm-run command-line scripts. */
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const projectRoot = path.resolve(__dirname, '..');

/** A mistake in what the user typed: the script says what, with its usage line, and exits 2. */
export class BadInput extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * node:util's parseArgs, strict (an unknown flag, or a flag without its value, is refused), its
 * errors worded as the scripts always worded them and followed by the usage line.
 */
export function parseCli<O extends Options>(argv: string[], options: O, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const { code, message } = error as { code?: string; message: string };
    const flag = /'(--?[\w-]+)/.exec(message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) throw new BadInput(`unknown option ${flag}\n${usage}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && flag) throw new BadInput(`${flag} needs a value\n${usage}`);
    throw new BadInput(`${message}\n${usage}`);
  }
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
      process.exitCode = error instanceof BadInput ? 2 : 1;
    });
}
