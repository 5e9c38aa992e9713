/** Live listening during a round: start it for a recording, and the page's PCM frames. */
import type { HandlerGroup } from '../infra/handlers';
import type { LiveService } from './service';

export function liveHandlers({ live }: { live: LiveService }): HandlerGroup<'live'> {
  return {
    'live:start': ({ recordingId }) => live.start(recordingId),
    'live:frames': (input) => live.frames(input),
  };
}
