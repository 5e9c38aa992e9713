/**
 * Electron-only behaviour the app sets up in src/main/electron/ (speech.ts, single-instance.ts,
 * microphone.ts, window.ts), checked through the stand-in, which plays each platform's Electron:
 * Chromium's switches, a minimised window, macOS's and Windows' microphone consent.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { microphoneConsent } from '../../../../src/main/electron/microphone';
import { lockDownSession } from '../../../../src/main/electron/security';
import { setupSingleInstance } from '../../../../src/main/electron/single-instance';
import { setupSpeechSynthesis } from '../../../../src/main/electron/speech';
import { createMainWindow } from '../../../../src/main/electron/window';
import { app, asElectron, type BrowserWindow, electronMock, standIn } from '../../../support/electron-mock';

vi.mock('electron', () => import('../../../support/electron-mock'));

beforeEach(() => electronMock.reset());

describe('speech on Linux (defect 2)', () => {
  it('starts Chromium with speech-dispatcher on Linux, before ready, and nowhere else', async () => {
    setupSpeechSynthesis('linux');
    await electronMock.ready();
    expect(electronMock.chromiumSwitches()).toEqual(['--enable-speech-dispatcher']);
    electronMock.reset();
    setupSpeechSynthesis('darwin');
    setupSpeechSynthesis('win32');
    expect(electronMock.chromiumSwitches()).toEqual([]);
  });

  it('a switch appended after ready never reaches Chromium (the stand-in is as strict as Electron)', async () => {
    await electronMock.ready();
    setupSpeechSynthesis('linux');
    expect(app.commandLine.hasSwitch('enable-speech-dispatcher')).toBe(true);
    expect(electronMock.chromiumSwitches()).toEqual([]);
  });
});

describe('timers in a hidden window (defect 5)', () => {
  it('asks Chromium not to throttle the window’s timers when it is minimised or covered', async () => {
    await electronMock.ready();
    const window = standIn(createMainWindow());
    expect(window.options.webPreferences!.backgroundThrottling).toBe(false);
  });
});

describe('a second launch (defect 8)', () => {
  it('restores a minimised window, shows and focuses it', async () => {
    let current: BrowserWindow | null = null;
    expect(setupSingleInstance(() => asElectron(current))).toBe(true);
    await electronMock.ready();
    current = standIn(createMainWindow());
    current.show();
    current.minimize();
    current.focus(); // what the old code did: Electron leaves it minimised
    expect(current.isMinimized()).toBe(true);
    app.emit('second-instance', {}, ['loop-coach'], process.cwd(), {});
    expect(current.isMinimized()).toBe(false);
    expect(current.isVisible()).toBe(true);
    expect(current.isFocused()).toBe(true);
  });

  it('shows a hidden window; the second instance itself quits', async () => {
    let current: BrowserWindow | null = null;
    setupSingleInstance(() => asElectron(current));
    await electronMock.ready();
    current = standIn(createMainWindow());
    current.hide();
    app.emit('second-instance', {}, [], process.cwd(), {});
    expect(current.isVisible()).toBe(true);
    electronMock.reset();
    electronMock.singleInstance = false;
    expect(setupSingleInstance(() => null)).toBe(false);
    expect(electronMock.quitCalls()).toBe(1);
  });
});

describe('the microphone’s OS consent (defect 4)', () => {
  const micRequest = () =>
    electronMock.requestPermission('media', { requestingUrl: 'app://loop-coach/', mediaTypes: ['audio'] });

  beforeEach(() => electronMock.ready());

  it('macOS: asks the user through askForMediaAccess on the first recording, and records once allowed', async () => {
    electronMock.platform = 'darwin';
    lockDownSession('darwin');
    expect(electronMock.microphonePrompts()).toBe(0); // never at launch
    expect(await micRequest()).toBe(true);
    expect(electronMock.microphonePrompts()).toBe(1);
    expect(electronMock.microphoneStatus).toBe('granted');
    expect(await micRequest()).toBe(true);
    expect(electronMock.microphonePrompts()).toBe(1);
    expect(electronMock.messageBoxes()).toEqual([]);
  });

  it('macOS: when the user says no, the page is refused (not handed silence) and told where to turn it on', async () => {
    electronMock.platform = 'darwin';
    electronMock.microphonePromptAnswer = false;
    lockDownSession('darwin');
    expect(await micRequest()).toBe(false);
    const [box] = electronMock.messageBoxes();
    expect(box!.detail).toContain('System Settings > Privacy & Security > Microphone');
    expect(box!.buttons).toEqual(['Open Settings', 'Not now']);
    expect(electronMock.openedExternally()).toEqual([
      'x-apple.systempreferences:com.apple.preference.security?Privacy_Microphone',
    ]);
    // Denied once, macOS never prompts again: the next round is refused the same way, with no prompt.
    electronMock.messageBoxResponse = 1;
    expect(await micRequest()).toBe(false);
    expect(electronMock.microphonePrompts()).toBe(1);
    expect(electronMock.openedExternally()).toHaveLength(1);
  });

  it('macOS under the test-only fake microphone: no OS prompt (no real device is opened), still only for the app page', async () => {
    electronMock.platform = 'darwin';
    lockDownSession('darwin', false);
    expect(await micRequest()).toBe(true);
    expect(electronMock.microphonePrompts()).toBe(0);
    expect(
      await electronMock.requestPermission('media', { requestingUrl: 'https://example.com/', mediaTypes: ['audio'] }),
    ).toBe(false);
  });

  it('Windows: reads the privacy switch (there is no prompt to ask for); Linux has no OS consent', async () => {
    electronMock.platform = 'win32';
    electronMock.microphoneStatus = 'denied';
    expect(await microphoneConsent('win32')).toBe(false);
    expect(electronMock.messageBoxes()[0]!.detail).toContain('Settings > Privacy & security > Microphone');
    electronMock.microphoneStatus = 'granted';
    expect(await microphoneConsent('win32')).toBe(true);
    electronMock.platform = 'linux';
    expect(await microphoneConsent('linux')).toBe(true);
  });
});
