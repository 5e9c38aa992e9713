/** Short names of the metric flags, as docs/metrics.md words them. */
import type { Flag } from '@shared/metrics';

export const flagLabels: Record<Flag['id'], string> = {
  'long-preamble': 'Long preamble',
  'over-budget': 'Over budget',
  'over-target': 'Over target',
  'long-follow-up-answer': 'Long answer to a follow-up',
  'front-loaded': 'Most of the round before the first follow-up',
};
