/** Speech voices as the page sees them: Chromium (and Electron) list them a moment after the page loads. */
import { expect, type Page } from '@playwright/test';

/** Waits until speechSynthesis lists at least one voice (Linux: speech-dispatcher with a voice package). */
export async function waitForVoices(page: Page, message = 'the browser lists speech voices'): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          () =>
            new Promise<number>((resolve) => {
              if (speechSynthesis.getVoices().length) return resolve(speechSynthesis.getVoices().length);
              speechSynthesis.addEventListener('voiceschanged', () => resolve(speechSynthesis.getVoices().length));
              setTimeout(() => resolve(speechSynthesis.getVoices().length), 2000);
            }),
        ),
      { message, timeout: 30_000 },
    )
    .toBeGreaterThan(0);
}
