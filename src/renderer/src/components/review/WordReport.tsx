/**
 * The words of a round in its report card: pace overall and per phase, filler words per minute and
 * as a share of words, repeats, restarts and hedges — each against the published threshold and the
 * user's own median — and, per follow-up, the time to the first word and whether the reply took
 * up the follow-up's terms. The numbers are defined in docs/metrics.md ("Words").
 */
import type { RoundWordsView } from '@shared/contract';
import { WORD_THRESHOLDS, type WordMetrics } from '@shared/words';
import { formatDuration } from '../../lib/format';
import { LoadError } from '../ui/LoadError';
import { StateMessage } from '../ui/StateMessage';
import './WordReport.css';

type Props = {
  words: RoundWordsView | null;
  error: unknown;
  /** Blind scoring: nothing until the round is scored. */
  hidden: boolean;
  onRetry: () => void;
};

const wpm = (v: number | null) => (v === null ? '—' : `${Math.round(v)} wpm`);
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 1000) / 10} %`);
const perMin = (v: number | null) => (v === null ? '—' : `${Math.round(v * 10) / 10} / min`);

function countsText(counts: Record<string, number>): string {
  const said = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  return said.length ? said.map(([word, n]) => `“${word}” ×${n}`).join(', ') : 'none';
}

function phaseLabel(p: WordMetrics['phases'][number]): string {
  return p.followUpIndex === null ? 'Before the first follow-up' : `After follow-up ${p.followUpIndex + 1}`;
}

export function WordReport({ words, error, hidden, onRetry }: Props) {
  let body;
  if (hidden)
    body = (
      <StateMessage kind="empty" title="Word metrics appear after you score" compact>
        Blind scoring is on.
      </StateMessage>
    );
  else if (!words && error)
    body = <LoadError title="Could not load the word metrics" error={error} onRetry={onRetry} />;
  else if (!words) body = <StateMessage kind="loading" title="Loading the word metrics…" compact />;
  else if (!words.metrics)
    body = (
      <p className="report-none">Pace, filler words and follow-up uptake appear once this round is transcribed.</p>
    );
  else body = <WordTables view={words} metrics={words.metrics} />;
  return (
    <section className="report-card word-report" aria-label="Word report">
      <h3 className="report-card-title">Words</h3>
      {body}
    </section>
  );
}

function WordTables({ view, metrics: m }: { view: RoundWordsView; metrics: WordMetrics }) {
  const b = view.baseline;
  const t = WORD_THRESHOLDS;
  const slowOrFast =
    m.wordsPerMinute !== null && (m.wordsPerMinute < t.wordsPerMinute.low || m.wordsPerMinute > t.wordsPerMinute.high);
  const restartsPerMinute = m.speakingMs && m.speakingMs > 0 ? m.restarts.count / (m.speakingMs / 60_000) : null;
  return (
    <div className="report-card-body">
      <table className="report-table">
        <caption className="report-caption">Pace and habits</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col">This round</th>
            <th scope="col">Guide</th>
            <th scope="col">Your median</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Pace</th>
            <td className={slowOrFast ? 'report-warn' : undefined}>{wpm(m.wordsPerMinute)}</td>
            <td className="report-baseline" title={t.wordsPerMinute.source}>
              {t.wordsPerMinute.low}–{t.wordsPerMinute.high} wpm
            </td>
            <td className="report-baseline">{b ? wpm(b.wordsPerMinute) : '—'}</td>
          </tr>
          <tr>
            <th scope="row">Filler words</th>
            <td className={m.fillers.share !== null && m.fillers.share > t.fillerShare.max ? 'report-warn' : undefined}>
              {pct(m.fillers.share)} of words · {perMin(m.fillers.perMinute)}
            </td>
            <td className="report-baseline" title={t.fillerShare.source}>
              under {Math.round(t.fillerShare.max * 100)} %
            </td>
            <td className="report-baseline">{b ? pct(b.fillerShare) : '—'}</td>
          </tr>
          <tr>
            <th scope="row">Hedges</th>
            <td>
              {m.hedges.total} · {perMin(m.hedges.perMinute)}
            </td>
            <td className="report-baseline">—</td>
            <td className="report-baseline">{b ? perMin(b.hedgesPerMinute) : '—'}</td>
          </tr>
          <tr>
            <th scope="row">Restarts</th>
            <td>
              {m.restarts.count} · {perMin(restartsPerMinute)}
            </td>
            <td className="report-baseline">—</td>
            <td className="report-baseline">{b ? perMin(b.restartsPerMinute) : '—'}</td>
          </tr>
          <tr>
            <th scope="row">Repeated words</th>
            <td>{m.repetitions.count}</td>
            <td className="report-baseline">—</td>
            <td className="report-baseline" />
          </tr>
        </tbody>
      </table>

      <div className="report-side">
        <table className="report-table">
          <caption className="report-caption">Pace by phase</caption>
          <tbody>
            {m.phases.map((p) => (
              <tr key={p.followUpIndex ?? 'start'}>
                <th scope="row">{phaseLabel(p)}</th>
                <td>{wpm(p.wordsPerMinute)}</td>
                <td className="report-baseline">{p.wordCount} words</td>
              </tr>
            ))}
          </tbody>
        </table>
        <table className="report-table">
          <caption className="report-caption">Follow-ups, by your words</caption>
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
                  <th scope="col">To first word</th>
                  <th scope="col">Answered the exact follow-up</th>
                </tr>
              </thead>
              <tbody>
                {m.followUps.map((f) => (
                  <tr key={f.index}>
                    <th scope="row">{f.index + 1}</th>
                    <td>{f.msToFirstWord === null ? '—' : formatDuration(f.msToFirstWord)}</td>
                    <td className={f.answeredExactFollowUp === false ? 'report-warn' : undefined}>
                      {f.answeredExactFollowUp === null
                        ? 'Not judged'
                        : f.answeredExactFollowUp
                          ? `Yes (${f.matchedTerms.join(', ')})`
                          : `No: ${f.keyTerms.join(', ')} not in your first sentence`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </>
          )}
        </table>
      </div>

      <div className="report-flags">
        <p className="report-caption">Words noticed</p>
        <p className="word-report-counts">
          Fillers: {countsText(m.fillers.counts)}. Hedges: {countsText(m.hedges.counts)}.
          {m.repeatedPhrases.length
            ? ` Repeated phrases: ${m.repeatedPhrases.map((p) => `“${p.phrase}” ×${p.count}`).join(', ')}.`
            : ''}
        </p>
        {view.notes.length ? (
          <ul>
            {view.notes.map((n) => (
              <li key={n.id}>{n.message}</li>
            ))}
          </ul>
        ) : (
          <p className="report-none">Nothing to flag in your words.</p>
        )}
        <p className="report-note word-report-note">
          {m.timesEstimated ? 'Some word times were spread over their segment (the model gave none). ' : ''}
          {b && b.rounds > 0
            ? `Your median is over the ${b.rounds} transcribed rounds before this one.`
            : 'Your median appears once earlier rounds are transcribed.'}{' '}
          Speech-to-text models often drop “um” and “uh”, so filler counts are a floor.
        </p>
      </div>
    </div>
  );
}
