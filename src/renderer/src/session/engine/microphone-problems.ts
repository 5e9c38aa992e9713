/** The microphone's failures as states a user can act on, with the message shown for each. */
export type MicrophoneProblem = 'denied' | 'missing' | 'busy' | 'unsupported' | 'unplugged' | 'unknown';

export class MicrophoneError extends Error {
  constructor(
    readonly problem: MicrophoneProblem,
    message: string,
  ) {
    super(message);
  }
}

export const microphoneMessages: Record<MicrophoneProblem, string> = {
  denied:
    'Microphone access was denied. Allow Loop Coach to use the microphone (system or browser settings), then try again.',
  missing: 'No microphone was found. Plug one in, then try again.',
  busy: 'The microphone could not start: another application may be using it. Close it, then try again.',
  unsupported: 'This browser cannot record audio. Use Chromium or Chrome, or the desktop app.',
  unplugged: 'The microphone stopped during the round. Everything recorded up to that moment is kept.',
  unknown: 'The microphone could not start.',
};
