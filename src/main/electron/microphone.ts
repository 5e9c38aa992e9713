/**
 * The operating system's microphone consent, asked when the page first asks for the microphone
 * (a session's first recording), never at launch.
 *
 * macOS: Electron does not ask while the status is 'not-determined'; only askForMediaAccess shows
 * the system prompt, and without it the recording is silence (electron #27208, #29861: getUserMedia
 * even succeeds when access is denied). Once denied, macOS never asks again: only System Settings
 * can turn it back on, so say so plainly and offer to open the pane. Windows: the privacy switch can
 * only be read. Linux has no OS consent.
 */
import { dialog, shell, systemPreferences } from 'electron';

type Platform = NodeJS.Platform;
type MediaAccess = {
  getMediaAccessStatus?: (mediaType: 'microphone') => string;
  askForMediaAccess?: (mediaType: 'microphone') => Promise<boolean>;
};

const settings: Partial<Record<Platform, { where: string; url: string }>> = {
  darwin: {
    where: 'System Settings > Privacy & Security > Microphone',
    url: 'x-apple.systempreferences:com.apple.preference.security?Privacy_Microphone',
  },
  win32: { where: 'Settings > Privacy & security > Microphone', url: 'ms-settings:privacy-microphone' },
};

/** Whether the OS lets the app hear the microphone, asking the user first where the OS asks. */
export async function osMicrophoneAccess(platform: Platform, prefs: MediaAccess): Promise<boolean> {
  if (platform === 'darwin') {
    const status = prefs.getMediaAccessStatus!('microphone');
    if (status === 'granted') return true;
    if (status === 'not-determined') return prefs.askForMediaAccess!('microphone');
    return false; // denied or restricted: the prompt will not show again
  }
  if (platform === 'win32') return prefs.getMediaAccessStatus!('microphone') !== 'denied';
  return true;
}

export const microphoneDeniedMessage = (platform: Platform): { message: string; detail: string } => ({
  message: 'Loop Coach cannot hear your microphone.',
  detail:
    `Microphone access for Loop Coach is turned off, so nothing you say can be recorded. ` +
    `Turn it on in ${settings[platform]?.where ?? 'your system settings'}, then restart Loop Coach.`,
});

/** Asks the OS; when it says no, tells the user where to turn it on and opens that pane if asked. */
export async function microphoneConsent(platform: Platform = process.platform): Promise<boolean> {
  if (await osMicrophoneAccess(platform, systemPreferences as MediaAccess)) return true;
  const pane = settings[platform];
  const { response } = await dialog.showMessageBox({
    type: 'warning',
    ...microphoneDeniedMessage(platform),
    buttons: pane ? ['Open Settings', 'Not now'] : ['OK'],
    defaultId: 0,
    cancelId: pane ? 1 : 0,
  });
  // Only the two fixed settings-pane URLs above, never one from the page or content.
  if (pane && response === 0) await shell.openExternal(pane.url); // eng-disable OPEN_EXTERNAL_JS_CHECK
  return false;
}
