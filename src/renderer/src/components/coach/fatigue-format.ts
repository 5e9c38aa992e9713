/** Words for the fatigue numbers (docs/metrics.md): strain as "% worse/better than usual". */
import type { FatigueSignal } from '@shared/contract';

export const signalLabels: Record<FatigueSignal, string> = {
  thinkTime: 'Think time',
  followUpLatency: 'Follow-up latency',
  longPauses: 'Long pauses',
  overrun: 'Overrun',
  score: 'Score',
};

export function strainWords(strain: number | null): string {
  if (strain === null) return 'no baseline yet';
  const pct = Math.round(Math.abs(strain) * 100);
  if (pct < 5) return 'at your usual';
  return `${pct} % ${strain > 0 ? 'worse' : 'better'} than usual`;
}

export function changeWords(change: number): string {
  const pct = Math.round(Math.abs(change) * 100);
  if (pct < 5) return 'held steady from first to last round';
  return change > 0
    ? `faded by ${pct} points from first to last round`
    : `got ${pct} points better from first to last round`;
}
