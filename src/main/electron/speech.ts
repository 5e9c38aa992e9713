/**
 * Spoken prompts on Linux. Chromium talks to speech-dispatcher only when started with this switch;
 * without it speechSynthesis.getVoices() stays empty and every prompt and follow-up falls back to
 * text (electron #4452, #22844). Switches must be appended before `ready`, when Chromium starts.
 */
import { app } from 'electron';

export function setupSpeechSynthesis(platform: NodeJS.Platform = process.platform): void {
  if (platform === 'linux') app.commandLine.appendSwitch('enable-speech-dispatcher');
}
