/** The session summary's "Fatigue across the loop" section (coach:fatigue). */
import { useSessionFatigue } from '../../api/coach';
import { errorMessage } from '../../lib/errors';
import { LoopFatigueChart } from './LoopFatigueChart';

export function SessionFatigue({ sessionId }: { sessionId: string }) {
  const { data, error } = useSessionFatigue(sessionId);
  let body;
  if (error && !data) body = <p className="muted">Could not load the fatigue picture: {errorMessage(error)}</p>;
  else if (!data) body = <p className="muted">Loading…</p>;
  else if (!data.multiRound)
    body = (
      <p className="muted">
        The fatigue picture needs two or more rounds measured against your earlier rounds of the same question type.
      </p>
    );
  else body = <LoopFatigueChart fatigue={data} />;
  return (
    <section className="panel coach-section" aria-labelledby="fatigue-heading">
      <h2 id="fatigue-heading">Fatigue across the loop</h2>
      <p className="muted coach-lead">
        Each round against your own usual for its question type: think time, follow-up latency, long pauses, overrun and
        score.
      </p>
      {body}
    </section>
  );
}
