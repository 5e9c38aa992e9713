/**
 * The rehearsal's Chromium, started the way Electron starts the app's: with the switches the app
 * appended through app.commandLine before `ready` and the window options it gave webPreferences,
 * and nothing the app did not ask for. Only what stands in for this machine is added
 * (machineSwitches in chromium.ts): the fake microphone in place of the user's (its permission
 * prompt is what the stand-in's handlers and systemPreferences model), no sandbox in this
 * container, no network chatter. So a prompt is spoken here only because the app set `enable-speech-dispatcher`,
 * and timers are throttled unless the app turned backgroundThrottling off.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { machineSwitches } from './chromium';

/** Playwright starts Chromium with these by default; Electron does not (they are what backgroundThrottling: false sets). */
export const throttlingSwitches = [
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];

/** Electron's webPreferences that Chromium takes as switches, with Electron's defaults (its BrowserWindow docs). */
export function webPreferenceSwitches(prefs: BrowserWindowConstructorOptions['webPreferences'] = {}): string[] {
  const switches = [`--autoplay-policy=${prefs.autoplayPolicy ?? 'no-user-gesture-required'}`];
  if (prefs.backgroundThrottling === false) switches.push(...throttlingSwitches);
  return switches;
}

export type RehearsalLaunch = { args: string[]; ignoreDefaultArgs: string[] };

export function rehearsalLaunch(
  appSwitches: string[],
  window: BrowserWindowConstructorOptions,
  fakeAudioFile: string,
): RehearsalLaunch {
  return {
    args: [...machineSwitches(fakeAudioFile), ...appSwitches, ...webPreferenceSwitches(window.webPreferences)],
    ignoreDefaultArgs: throttlingSwitches,
  };
}
