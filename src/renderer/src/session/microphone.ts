/** Opens the microphone and turns browser errors into states a user can act on. */
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

export async function openMicrophone(): Promise<MediaStream> {
  if (!navigator.mediaDevices?.getUserMedia || typeof MediaRecorder === 'undefined') {
    throw new MicrophoneError('unsupported', microphoneMessages.unsupported);
  }
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: { echoCancellation: true, noiseSuppression: false, autoGainControl: true, channelCount: 1 },
    });
  } catch (error) {
    const name = (error as DOMException).name;
    const problem: MicrophoneProblem =
      name === 'NotAllowedError' || name === 'SecurityError'
        ? 'denied'
        : name === 'NotFoundError' || name === 'OverconstrainedError'
          ? 'missing'
          : name === 'NotReadableError' || name === 'AbortError'
            ? 'busy'
            : 'unknown';
    throw new MicrophoneError(
      problem,
      problem === 'unknown' ? `${microphoneMessages.unknown} (${name})` : microphoneMessages[problem],
    );
  }
}

export function preferredMimeType(): string {
  for (const type of ['audio/webm;codecs=opus', 'audio/webm', 'audio/ogg;codecs=opus']) {
    if (MediaRecorder.isTypeSupported(type)) return type;
  }
  return '';
}
