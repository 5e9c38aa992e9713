/** Debian's Chromium for benchmarks, with the same flags as the E2E tests. */
import { chromium, type Browser } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../tests/support/chromium';

export function launchChromium(extraArgs: string[] = [], fakeAudioFile?: string): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: [...chromiumArgs({ fakeAudioFile }), ...extraArgs] });
}
