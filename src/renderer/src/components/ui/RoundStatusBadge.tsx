/** A round's status as a badge, worded the same on the session and review screens. */
import type { RoundView } from '@shared/contract';
import { Badge, type BadgeTone } from './Badge';

const statusLabel: Record<RoundView['status'], { text: string; tone: BadgeTone }> = {
  done: { text: 'Done', tone: 'loop' },
  skipped: { text: 'Skipped', tone: 'circuit' },
  recovered: { text: 'Recovered', tone: 'user' },
  running: { text: 'Interrupted', tone: 'circuit' },
  pending: { text: 'Not started', tone: 'neutral' },
};

export function RoundStatusBadge({ status }: { status: RoundView['status'] }) {
  return <Badge tone={statusLabel[status].tone}>{statusLabel[status].text}</Badge>;
}
