/** Opens the microphone and turns browser errors into states a user can act on. */
import { MicrophoneError, microphoneMessages, type MicrophoneProblem } from '../engine/microphone-problems';

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
