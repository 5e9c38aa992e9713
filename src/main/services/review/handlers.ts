/** Review of a recorded round; a changed mark recomputes the round's analysis (its coverage). */
import type { AnalysisService } from '../analysis/analysis';
import type { HandlerGroup } from '../infra/handlers';
import type { ReviewService } from './review';

export function reviewHandlers({
  review,
  analysis,
}: {
  review: ReviewService;
  analysis: AnalysisService;
}): HandlerGroup<'review'> {
  return {
    'review:get': ({ roundId }) => review.get(roundId),
    'review:reveal': ({ roundId }) => review.reveal(roundId),
    'review:save': (input) => review.save(input),
    'review:mark': (input) => {
      const marks = review.mark(input);
      analysis.recompute(input.roundId);
      return marks;
    },
    'review:queue': (input) => review.queue(input),
    'review:attempts': (input) => review.attempts(input),
    'review:changes': (input) => review.changes(input),
  };
}
