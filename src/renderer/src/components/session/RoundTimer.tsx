/** The round timer: elapsed / budget, a timing light in colour and in words. */
import { timingLight, type TimingLight } from '../../session/engine/follow-up-schedule';
import { formatClock, formatOverrunClock } from '../../lib/format';
import './RoundTimer.css';

const lightLabel: Record<Exclude<TimingLight, 'overrun'>, string> = {
  green: 'On track',
  amber: 'Past halfway',
  red: 'Wrap up',
};

type Props = { elapsedMs: number; budgetSeconds: number; running: boolean };

export function RoundTimer({ elapsedMs, budgetSeconds, running }: Props) {
  const light = timingLight(elapsedMs, budgetSeconds);
  const budgetMs = budgetSeconds * 1000;
  const label = !running
    ? 'Starts at the answer cue'
    : light === 'overrun'
      ? formatOverrunClock(elapsedMs - budgetMs)
      : lightLabel[light];
  return (
    <div className="round-timer" role="timer" aria-label="Round timer" data-light={running ? light : 'idle'}>
      <span className="round-timer-dot" aria-hidden="true" />
      <span className="round-timer-clock">
        <span className="round-timer-elapsed">{formatClock(elapsedMs)}</span>
        <span className="round-timer-budget"> / {formatClock(budgetMs)}</span>
      </span>
      <span className="round-timer-label">{label}</span>
    </div>
  );
}
