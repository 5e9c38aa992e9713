/** The test and CI flags of the Electron entry: --smoke-test everywhere, --fake-microphone never in a packaged build. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyLaunchFlags, parseLaunchFlags } from '../../../../src/main/electron/launch-flags';
import { runSmokeTestAndExit } from '../../../../src/main/electron/smoke';
import { builtinContentDir, migrationsDir, tempDir } from '../../../support/temp';

/** What the app set on Chromium's command line, as Electron's app.commandLine records it. */
function commandLineRecorder(isPackaged: boolean) {
  const switches: [string, string?][] = [];
  const app = {
    isPackaged,
    commandLine: {
      appendSwitch: (name: string, value?: string) => void switches.push(value === undefined ? [name] : [name, value]),
    },
  } as unknown as Parameters<typeof applyLaunchFlags>[0];
  return { app, switches };
}

function wav(): string {
  const file = path.join(tempDir(), 'answer.wav');
  fs.writeFileSync(file, 'RIFF');
  return file;
}

describe('launch flags', () => {
  it('plays a WAV as the microphone when an unpackaged app is asked to, with the path made absolute', () => {
    const file = wav();
    const { app, switches } = commandLineRecorder(false);
    const flags = applyLaunchFlags(app, ['electron', '.', `--fake-microphone=${path.relative(process.cwd(), file)}`]);
    expect(flags).toEqual({ smokeTest: false, fakeMicrophone: file });
    expect(switches).toEqual([['use-fake-device-for-media-stream'], ['use-file-for-fake-audio-capture', file]]);
    expect(parseLaunchFlags(['electron', '.', '--fake-microphone', file], false).fakeMicrophone).toBe(file);
  });

  it('ignores --fake-microphone in a packaged build: the real microphone, no switch', () => {
    const { app, switches } = commandLineRecorder(true);
    const flags = applyLaunchFlags(app, ['/opt/Loop Coach/loop-coach', `--fake-microphone=${wav()}`]);
    expect(flags).toEqual({ smokeTest: false, fakeMicrophone: null });
    expect(switches).toEqual([]);
    // Not even checked: a packaged build does not look at the file.
    expect(parseLaunchFlags(['x', '--fake-microphone=/nowhere.wav'], true).fakeMicrophone).toBeNull();
  });

  it('refuses a missing or non-WAV file instead of letting Chromium beep', () => {
    expect(() => parseLaunchFlags(['x', '--fake-microphone=/nowhere/answer.wav'], false)).toThrow(
      '--fake-microphone: /nowhere/answer.wav is not a WAV file',
    );
    const mp3 = path.join(tempDir(), 'answer.mp3');
    fs.writeFileSync(mp3, '');
    expect(() => parseLaunchFlags(['x', `--fake-microphone=${mp3}`], false)).toThrow(/is not a WAV file/);
    expect(() => parseLaunchFlags(['x', '--fake-microphone'], false)).toThrow(/--fake-microphone needs a WAV file/);
  });

  it('honours --smoke-test in packaged and unpackaged builds alike, and sets no switch for it', () => {
    for (const isPackaged of [true, false]) {
      const { app, switches } = commandLineRecorder(isPackaged);
      expect(applyLaunchFlags(app, ['x', '--smoke-test'])).toEqual({ smokeTest: true, fakeMicrophone: null });
      expect(switches).toEqual([]);
    }
    expect(parseLaunchFlags(['x'], false)).toEqual({ smokeTest: false, fakeMicrophone: null });
  });

  it('--smoke-test exits 0 after the check passes and 1 with the reason when it fails', async () => {
    const run = async (builtin: string) => {
      const lines: string[] = [];
      const log = console.log;
      const error = console.error;
      console.log = (line: string) => void lines.push(`out ${line}`);
      console.error = (line: string) => void lines.push(`err ${line}`);
      try {
        const code = await new Promise<number>((resolve) =>
          runSmokeTestAndExit({ whenReady: () => Promise.resolve(), exit: resolve } as never, () => ({
            dataDir: tempDir(),
            builtinContentDir: builtin,
            migrationsDir,
            transport: 'electron',
            version: '0.1.0',
          })),
        );
        return { code, lines };
      } finally {
        console.log = log;
        console.error = error;
      }
    };
    const passed = await run(builtinContentDir);
    expect(passed.code).toBe(0);
    expect(passed.lines).toEqual([expect.stringMatching(/^out Loop Coach 0\.1\.0 smoke test passed: /)]);
    const empty = tempDir();
    const failed = await run(empty);
    expect(failed).toEqual({
      code: 1,
      lines: [`err Loop Coach smoke test failed: no loop or mock was loaded from ${empty}`],
    });
  });
});
