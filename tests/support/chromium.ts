/** Debian's Chromium for the tests: this machine's needs, then what each kind of run adds. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * What this machine needs and a user's Chromium would not have; none changes what the page can do:
 * no sandbox (containers without user namespaces), no GPU, no network chatter, and the fake
 * microphone that plays a spoken WAV file in place of the user's (its permission prompt answered yes).
 */
export function machineSwitches(fakeAudioFile?: string): string[] {
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--use-fake-ui-for-media-stream',
    '--use-fake-device-for-media-stream',
  ];
  if (fakeAudioFile) args.push(`--use-file-for-fake-audio-capture=${fakeAudioFile}`);
  return args;
}

/**
 * Browser mode: the user's own browser, which the app cannot start with switches. A Linux user's
 * Chromium speaks only when started with --enable-speech-dispatcher (README, "Run"); the tests start
 * it as such a user would. (The desktop rehearsal does not use these: tests/support/electron-chromium.ts.)
 */
export function chromiumArgs(options: { fakeAudioFile?: string } = {}): string[] {
  return [
    ...machineSwitches(options.fakeAudioFile),
    '--autoplay-policy=no-user-gesture-required',
    '--enable-speech-dispatcher',
  ];
}
