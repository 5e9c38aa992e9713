/**
 * The operating system around the stand-in's Electron: which platform it plays, the microphone
 * consent that platform keeps (macOS TCC, Windows' privacy switch), message boxes and links opened
 * outside the app. electron-mock.ts re-exports these as Electron's systemPreferences, shell and
 * dialog.showMessageBox, and resets them with the rest.
 */
import { shared } from './electron-stand-in-registry';

export type MediaAccessStatus = 'not-determined' | 'granted' | 'denied' | 'restricted' | 'unknown';

const fresh = () => ({
  /** The OS the stand-in plays (systemPreferences differs per platform); the process's own by default. */
  platform: process.platform as NodeJS.Platform,
  /** The OS's microphone consent for the app (macOS TCC, Windows privacy switch). */
  microphoneStatus: 'not-determined' as MediaAccessStatus,
  /** What the user answers when macOS shows its consent prompt. */
  microphonePromptAnswer: true,
  microphonePrompts: 0,
  messageBoxes: [] as { message: string; detail?: string; buttons?: string[] }[],
  /** The button index the user picks in the next message boxes (the default button when unset). */
  messageBoxResponse: null as number | null,
  openedExternally: [] as string[],
});

export const osState = shared('os', fresh);

export function resetOs(): void {
  Object.assign(osState, fresh());
}

/** Recorded; resolves with the button the test chose (electronMock.messageBoxResponse) or the default one. */
export function showMessageBox(
  windowOrOptions: unknown,
  maybeOptions?: { message: string; detail?: string; buttons?: string[]; defaultId?: number },
): Promise<{ response: number; checkboxChecked: boolean }> {
  const options = (maybeOptions ?? windowOrOptions) as NonNullable<typeof maybeOptions>;
  osState.messageBoxes.push({ message: options.message, detail: options.detail, buttons: options.buttons });
  return Promise.resolve({ response: osState.messageBoxResponse ?? options.defaultId ?? 0, checkboxChecked: false });
}

export const shell = {
  openExternal(url: string): Promise<void> {
    osState.openedExternally.push(url);
    return Promise.resolve();
  },
};

/**
 * systemPreferences as it is on the platform the stand-in plays (Electron's docs):
 * getMediaAccessStatus on macOS and Windows, askForMediaAccess on macOS only (undefined elsewhere,
 * so calling it there throws as in Electron). macOS prompts only while 'not-determined' and only
 * through askForMediaAccess; once denied it answers false without a prompt.
 */
export const systemPreferences = {
  get getMediaAccessStatus(): ((mediaType: string) => MediaAccessStatus) | undefined {
    if (osState.platform !== 'darwin' && osState.platform !== 'win32') return undefined;
    return (mediaType) => {
      if (mediaType !== 'microphone' && mediaType !== 'camera' && mediaType !== 'screen')
        throw new TypeError(`Invalid media type: ${mediaType}`);
      return mediaType === 'microphone' ? osState.microphoneStatus : 'granted';
    };
  },
  get askForMediaAccess(): ((mediaType: 'microphone' | 'camera') => Promise<boolean>) | undefined {
    if (osState.platform !== 'darwin') return undefined;
    return (mediaType) => {
      if (mediaType !== 'microphone') return Promise.resolve(true);
      if (osState.microphoneStatus === 'not-determined') {
        osState.microphonePrompts++;
        osState.microphoneStatus = osState.microphonePromptAnswer ? 'granted' : 'denied';
      }
      return Promise.resolve(osState.microphoneStatus === 'granted');
    };
  },
};
