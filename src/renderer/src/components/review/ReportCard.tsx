/**
 * A round's speech report card: the metrics of docs/metrics.md (in its words), each beside the user's
 * own median for the question type where there is one, and the flags with why they were raised.
 * Fetches analysis:get and refreshes when 'analysis:changed' names the round.
 */
import { useId } from 'react';
import type { AnalysisView } from '@shared/contract';
import type { RoundMetrics } from '@shared/metrics';
import { errorMessage } from '../../lib/errors';
import { formatDuration, formatRatio, plural } from '../../lib/format';
import { LoadError } from '../ui/LoadError';
import { StateMessage } from '../ui/StateMessage';
import { flagLabels } from './flag-labels';
import { useAnalysis } from './useAnalysis';
import './ReportCard.css';

export type ReportCardProps = {
  roundId: string;
  /** Blind scoring: show nothing until the round is scored. */
  hidden?: boolean;
  /** The round's budget, to say how the answering time compares with it. */
  budgetSeconds?: number;
  /** Level of the card's own heading (default h3). */
  headingLevel?: 'h2' | 'h3' | 'h4';
  /** Follow-ups asked after the answer had clearly covered every point they probe (words:round). */
  unnecessaryInterruptions?: number | null;
};

export function ReportCard({
  roundId,
  hidden = false,
  budgetSeconds,
  headingLevel = 'h3',
  unnecessaryInterruptions = null,
}: ReportCardProps) {
  const { analysis, error, running, progress, run, reload } = useAnalysis(roundId);
  const Heading = headingLevel;
  return (
    <section className="report-card" aria-label="Speech report card" data-testid="report-card">
      <Heading className="report-card-title">Speech report card</Heading>
      {!hidden && unnecessaryInterruptions ? (
        <p className="report-interruptions">
          <strong>{plural(unnecessaryInterruptions, 'interruption')} your answer had already made unnecessary</strong>:{' '}
          {unnecessaryInterruptions === 1 ? 'a follow-up was' : 'follow-ups were'} asked after you had clearly covered
          every point {unnecessaryInterruptions === 1 ? 'it probes' : 'they probe'}.
        </p>
      ) : null}
      {hidden ? (
        <StateMessage kind="empty" title="Metrics appear after you score" compact>
          Blind scoring is on: score the round first, so the numbers do not sway your judgement.
        </StateMessage>
      ) : analysis === null ? (
        error ? (
          <LoadError title="Could not load the analysis" error={error} onRetry={reload} />
        ) : (
          <StateMessage kind="loading" title="Loading the analysis…" compact />
        )
      ) : running || analysis.status === 'pending' ? (
        <StateMessage kind="loading" title="Analysing…" compact>
          Finding the stretches of speech in the recording. This takes a few seconds.
          {progress !== null ? (
            <progress className="analysis-progress" aria-label="Analysis progress" max={1} value={progress}>
              {Math.round(progress * 100)} %
            </progress>
          ) : null}
        </StateMessage>
      ) : analysis.status === 'failed' ? (
        <StateMessage
          kind="error"
          title="The analysis failed"
          compact
          action={
            <button type="button" className="btn" onClick={run}>
              Try again
            </button>
          }
        >
          {analysis.error ?? errorMessage(error)}
        </StateMessage>
      ) : analysis.status === 'none' || analysis.metrics === null ? (
        <StateMessage kind="empty" title="No recording" compact>
          This round has no finished recording, so there is nothing to analyse.
        </StateMessage>
      ) : (
        <Metrics metrics={analysis.metrics} baselines={analysis.baselines} budgetSeconds={budgetSeconds} />
      )}
    </section>
  );
}

const responseTimeExplained = 'Your response time: from the end of the spoken follow-up to your first word after it.';
const answerLengthExplained = 'Answer length: from that first word to your last before the next follow-up.';

type MetricsProps = { metrics: RoundMetrics; baselines: AnalysisView['baselines']; budgetSeconds?: number };

function Metrics({ metrics: m, baselines: b, budgetSeconds }: MetricsProps) {
  const budgetMs =
    budgetSeconds !== undefined ? budgetSeconds * 1000 : m.overrunMs > 0 ? m.answeringMs - m.overrunMs : null;
  const overrun =
    m.overrunMs > 0
      ? `${formatDuration(m.overrunMs)} over${budgetMs !== null ? ` the ${formatDuration(budgetMs)} budget` : ' budget'}`
      : budgetMs !== null
        ? `None (${formatDuration(budgetMs)} budget)`
        : 'None';
  const noteId = useId();
  const phase = (ms: number | null) => (ms === null ? 'Not marked' : formatDuration(ms));
  return (
    <div className="report-card-body">
      <table className="report-table">
        <caption className="report-caption">Timing</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">This round</th>
            <th scope="col">Your median</th>
          </tr>
        </thead>
        <tbody>
          <Row label="Think time" value={formatDuration(m.thinkTimeMs)} baseline={b.thinkTimeMs} />
          <Row label="Talk time" value={formatDuration(m.talkTimeMs)} baseline={b.talkTimeMs} />
          <Row label="Speech ratio" value={formatRatio(m.speechRatio)} baseline="none" />
          <Row label="Core-answer time" value={formatDuration(m.coreAnswerMs)} baseline={b.coreAnswerMs} />
          <Row label="Longest run" value={formatDuration(m.longestRunMs)} baseline={b.longestRunMs} />
          <Row label="Answering time" value={formatDuration(m.answeringMs)} baseline="none" />
          <Row label="Overrun" value={overrun} warn={m.overrunMs > 0} baseline="none" />
          <Row label="Ramble time" value={formatDuration(m.rambleMs)} baseline="none" />
        </tbody>
      </table>

      <div className="report-side">
        <table className="report-table" aria-describedby={m.followUps.length > 0 ? noteId : undefined}>
          <caption className="report-caption">Follow-ups</caption>
          {m.followUps.length === 0 ? (
            <tbody>
              <tr>
                <td className="report-none">No follow-ups were asked.</td>
              </tr>
            </tbody>
          ) : (
            <>
              <thead>
                <tr>
                  <th scope="col">Follow-up</th>
                  <th scope="col" title={responseTimeExplained}>
                    Your response time
                  </th>
                  <th scope="col" title={answerLengthExplained}>
                    Answer length
                  </th>
                </tr>
              </thead>
              <tbody>
                {m.followUps.map((f) => (
                  <tr key={f.index}>
                    <th scope="row">{f.index + 1}</th>
                    <td>{formatDuration(f.responseLatencyMs)}</td>
                    <td>{formatDuration(f.answerLengthMs)}</td>
                  </tr>
                ))}
              </tbody>
            </>
          )}
        </table>
        {m.followUps.length > 0 ? (
          <p id={noteId} className="report-note">
            {responseTimeExplained} {answerLengthExplained} (The Timing panel&rsquo;s delivery delay is the app&rsquo;s
            own lateness in asking.)
          </p>
        ) : null}

        <table className="report-table">
          <caption className="report-caption">Pauses</caption>
          <tbody>
            <Row label="Under 0.2 s" value={String(m.pauses.short)} />
            <Row label="0.2–1 s" value={String(m.pauses.medium)} />
            <Row label="Over 1 s" value={String(m.pauses.long)} />
          </tbody>
        </table>

        <table className="report-table">
          <caption className="report-caption">Phase times</caption>
          <tbody>
            <Row label="Core answer given" value={phase(m.phases.coreAnswerMs)} />
            <Row label="Assumption stated" value={phase(m.phases.assumptionMs)} />
            <Row label="Failure mode named" value={phase(m.phases.failureModeMs)} />
          </tbody>
        </table>
      </div>

      <div className="report-flags">
        <p className="report-caption">Flags</p>
        {m.flags.length === 0 ? (
          <p className="report-none">No flags raised.</p>
        ) : (
          <ul>
            {m.flags.map((f) => (
              <li key={f.id}>
                <strong>{flagLabels[f.id]}.</strong> {f.message}
              </li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** baseline: a median (ms), null when there is none yet, 'none' for a metric without one, or omitted (2 columns). */
function Row(props: { label: string; value: string; baseline?: number | null | 'none'; warn?: boolean }) {
  const { label, value, baseline, warn } = props;
  return (
    <tr>
      <th scope="row">{label}</th>
      <td className={warn ? 'report-warn' : undefined}>{value}</td>
      {baseline === undefined ? null : (
        <td className="report-baseline">
          {baseline === 'none' ? '' : baseline === null ? '—' : formatDuration(baseline)}
        </td>
      )}
    </tr>
  );
}
