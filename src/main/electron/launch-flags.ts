/**
 * Command-line flags for tests and CI, read once at start (src/main/index.ts).
 *
 * - `--smoke-test`: open the data folder, migrate, load the content, print one line and exit 0 (1
 *   with the reason). Packaged builds honour it: CI starts the installed app with it.
 * - `--fake-microphone=FILE.wav` (test-only): Chromium's fake capture device plays FILE as the
 *   microphone (`npm run test:electron`). A packaged build ignores it (`app.isPackaged`), so an
 *   installed app can never be made to record a file instead of the user's voice. The app's own
 *   permission handler still decides whether the page may use it.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { App } from 'electron';

export type LaunchFlags = {
  smokeTest: boolean;
  /** Absolute path of the WAV the fake microphone plays, or null (none asked, or a packaged build). */
  fakeMicrophone: string | null;
};

function flagValue(argv: readonly string[], name: string): string | null {
  const at = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (at < 0) return null;
  const arg = argv[at]!;
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[at + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a WAV file, e.g. ${name}=answer.wav`);
  return value;
}

export function parseLaunchFlags(argv: readonly string[], isPackaged: boolean, cwd = process.cwd()): LaunchFlags {
  const smokeTest = argv.includes('--smoke-test');
  if (isPackaged) return { smokeTest, fakeMicrophone: null };
  const asked = flagValue(argv, '--fake-microphone');
  if (asked === null) return { smokeTest, fakeMicrophone: null };
  const file = path.resolve(cwd, asked);
  // Chromium falls back to a beep without a word when the file is missing or not a WAV.
  if (!/\.wav$/i.test(file) || !fs.existsSync(file) || !fs.statSync(file).isFile())
    throw new Error(`--fake-microphone: ${file} is not a WAV file`);
  return { smokeTest, fakeMicrophone: file };
}

/** Chromium's switches for a fake capture device that plays `file` (looped). */
export function fakeMicrophoneSwitches(file: string): [string, string?][] {
  return [['use-fake-device-for-media-stream'], ['use-file-for-fake-audio-capture', file]];
}

/** Reads the flags and appends the switches they call for; must run before `ready`. */
export function applyLaunchFlags(app: Pick<App, 'isPackaged' | 'commandLine'>, argv: readonly string[]): LaunchFlags {
  const flags = parseLaunchFlags(argv, app.isPackaged);
  if (flags.fakeMicrophone)
    for (const [name, value] of fakeMicrophoneSwitches(flags.fakeMicrophone)) app.commandLine.appendSwitch(name, value);
  return flags;
}
