/** Speech analysis of a round: read it, or run it now and wait. */
import type { HandlerGroup } from '../infra/handlers';
import type { AnalysisService } from './analysis';

export function analysisHandlers({ analysis }: { analysis: AnalysisService }): HandlerGroup<'analysis'> {
  return {
    'analysis:get': ({ roundId }) => analysis.get(roundId),
    'analysis:run': async ({ roundId }) => {
      analysis.enqueue(roundId);
      await analysis.idle();
      return analysis.get(roundId);
    },
  };
}
