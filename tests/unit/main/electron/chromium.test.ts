/**
 * The rehearsal's Chromium command line (tests/support/electron-chromium.ts): only what the app set,
 * with Electron's defaults, and Playwright's own no-throttling switches dropped unless the app asked.
 */
import { describe, expect, it } from 'vitest';
import { machineSwitches } from '../../../support/chromium';
import { rehearsalLaunch, throttlingSwitches } from '../../../support/electron-chromium';

describe('the rehearsal’s Chromium', () => {
  it('throttles a hidden window’s timers unless the app turned backgroundThrottling off', () => {
    const throttled = rehearsalLaunch([], { webPreferences: {} }, 'a.wav');
    expect(throttled.ignoreDefaultArgs).toEqual(throttlingSwitches);
    expect(throttled.args).not.toEqual(expect.arrayContaining([throttlingSwitches[0]]));
    const unthrottled = rehearsalLaunch([], { webPreferences: { backgroundThrottling: false } }, 'a.wav');
    expect(unthrottled.args).toEqual(expect.arrayContaining(throttlingSwitches));
  });

  it('gets the app’s switches and Electron’s autoplay default, and nothing test-only beyond this machine’s needs', () => {
    const { args } = rehearsalLaunch(['--enable-speech-dispatcher'], {}, 'a.wav');
    expect(args).toEqual([
      ...machineSwitches('a.wav'),
      '--enable-speech-dispatcher',
      '--autoplay-policy=no-user-gesture-required',
    ]);
    expect(rehearsalLaunch([], {}, 'a.wav').args).not.toContain('--enable-speech-dispatcher');
  });
});
