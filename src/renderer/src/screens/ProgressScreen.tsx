/**
 * Progress: weekly trends of the scores and key speech metrics (filterable by category and question
 * type), the weakest areas, personal baselines, the postmortems' action list and the most recent
 * session's time allocation. Aggregation is pure and memoised (lib/progress-stats.ts); nothing here
 * renders one element per round, so 10 000 rounds stay quick.
 */
import { useId, useMemo, useState } from 'react';
import { useLibrary } from '../api/library';
import { progressResource, useProgress } from '../api/progress';
import { useRecentSessions } from '../api/sessions';
import { ActionList } from '../components/analysis/ActionList';
import { BaselinesTable } from '../components/analysis/BaselinesTable';
import { TimeAllocationChart } from '../components/analysis/TimeAllocationChart';
import { TrendChart, type TrendSeries } from '../components/analysis/TrendChart';
import { WeakestAreas } from '../components/analysis/WeakestAreas';
import { WordTrends } from '../components/analysis/WordTrends';
import { RecentSessions } from '../components/RecentSessions';
import { ScreenHeader } from '../components/ScreenHeader';
import { StateMessage } from '../components/StateMessage';
import { errorMessage } from '../lib/errors';
import { formatAxisSeconds, plural } from '../lib/format';
import {
  baselines,
  latestSessionId,
  overview,
  weakestAreas,
  localTimeZone,
  weeklyTrends,
  type ProgressFilter,
} from '../lib/progress-stats';
import { indexQuestionTypes, questionTypeTitle } from '../lib/question-types';
import './ProgressScreen.css';

const scoreSeries: TrendSeries[] = [
  { key: 'clarity', label: 'Clarity', color: 'clarity' },
  { key: 'rigor', label: 'Rigor', color: 'rigor' },
  { key: 'speed', label: 'Speed', color: 'speed' },
];

const metricCharts: { title: string; series: TrendSeries }[] = [
  { title: 'Think time', series: { key: 'thinkTime', label: 'Think time', color: 'metric' } },
  { title: 'Talk time', series: { key: 'talkTime', label: 'Talk time', color: 'metric' } },
  { title: 'Overrun', series: { key: 'overrun', label: 'Overrun', color: 'overrun' } },
  { title: 'Ramble time', series: { key: 'ramble', label: 'Ramble time', color: 'metric' } },
];

const formatScore = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

export function ProgressScreen({ onOpenSession }: { onOpenSession: (sessionId: string) => Promise<void> }) {
  const recent = useRecentSessions(10);
  const { data, error } = useProgress();
  const rounds = data?.rounds;

  return (
    <div className="screen-scroll">
      <div className="screen-column progress">
        <ScreenHeader
          title="Progress"
          subtitle="Clarity, rigor and speed over time, by category and question type."
          actions={
            data && data.rounds.length > 0 ? (
              <span className="progress-count">{plural(data.rounds.length, 'round')} recorded</span>
            ) : null
          }
        />
        {!data ? (
          <div className="panel">
            {error ? (
              <StateMessage
                kind="error"
                icon="alert"
                title="Could not load your progress"
                action={
                  <button type="button" className="btn" onClick={() => void progressResource.refresh().catch(() => {})}>
                    Try again
                  </button>
                }
              >
                {errorMessage(error)}
              </StateMessage>
            ) : (
              <StateMessage kind="loading" title="Loading your progress…" />
            )}
          </div>
        ) : !rounds || rounds.length === 0 ? (
          <div className="panel">
            <StateMessage kind="empty" icon="progress" title="No progress to show yet — scored rounds appear here">
              Progress is drawn only from rounds you have recorded and scored in Review. There is no sample data.
            </StateMessage>
          </div>
        ) : (
          <ProgressBody rounds={rounds} actions={data.actions} />
        )}
        <WordTrends />
        <RecentSessions
          recent={recent}
          onOpen={onOpenSession}
          empty={
            <StateMessage kind="empty" title="No sessions yet" compact>
              Sessions you start in the Library are listed here.
            </StateMessage>
          }
        />
      </div>
    </div>
  );
}

type BodyProps = {
  rounds: NonNullable<ReturnType<typeof useProgress>['data']>['rounds'];
  actions: NonNullable<ReturnType<typeof useProgress>['data']>['actions'];
};

function ProgressBody({ rounds, actions }: BodyProps) {
  const [filter, setFilter] = useState<ProgressFilter>({ category: null, questionType: null });
  const { data: library } = useLibrary();
  const typeIndex = useMemo(() => indexQuestionTypes(library?.questionTypes ?? []), [library]);
  const typeTitle = useMemo(() => (id: string) => questionTypeTitle(typeIndex, id), [typeIndex]);

  const summary = useMemo(() => overview(rounds), [rounds]);
  const medians = useMemo(() => baselines(rounds), [rounds]);
  const latest = useMemo(() => latestSessionId(rounds), [rounds]);
  const trends = useMemo(() => weeklyTrends(rounds, localTimeZone(), filter), [rounds, filter]);
  const matching = useMemo(() => trends.reduce((n, w) => n + w.rounds, 0), [trends]);
  const weakCategories = useMemo(() => weakestAreas(summary.byCategory), [summary]);
  const weakTypes = useMemo(() => weakestAreas(summary.byQuestionType), [summary]);

  const categoryId = useId();
  const typeId = useId();

  return (
    <>
      <section className="panel progress-section" aria-labelledby="progress-trends">
        <div className="progress-section-head">
          <div>
            <h2 id="progress-trends">Trends</h2>
            <p className="progress-note" role="status">
              Weekly averages of {plural(matching, 'round')} across {plural(trends.length, 'week')}.
            </p>
          </div>
          <div className="progress-filters">
            <div>
              <label className="field-label" htmlFor={categoryId}>
                Category
              </label>
              <select
                id={categoryId}
                className="select"
                value={filter.category ?? ''}
                onChange={(e) => setFilter((f) => ({ ...f, category: e.target.value || null }))}
              >
                <option value="">All categories</option>
                {summary.categories.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label className="field-label" htmlFor={typeId}>
                Question type
              </label>
              <select
                id={typeId}
                className="select"
                value={filter.questionType ?? ''}
                onChange={(e) => setFilter((f) => ({ ...f, questionType: e.target.value || null }))}
              >
                <option value="">All question types</option>
                {summary.questionTypes.map((t) => (
                  <option key={t} value={t}>
                    {typeTitle(t)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </div>
        {trends.length === 0 ? (
          <StateMessage kind="empty" title="No rounds match these filters" compact>
            Choose another category or question type.
          </StateMessage>
        ) : (
          <>
            <TrendChart
              title="Clarity, rigor and speed"
              description="Weekly average scores from 1 to 5"
              points={trends}
              series={scoreSeries}
              format={formatScore}
              domain={[1, 5]}
            />
            <div className="progress-metric-grid">
              {metricCharts.map((c) => (
                <TrendChart
                  key={c.title}
                  title={c.title}
                  description={`Weekly average ${c.title.toLowerCase()} in seconds`}
                  points={trends}
                  series={[c.series]}
                  format={formatAxisSeconds}
                  height={160}
                />
              ))}
            </div>
          </>
        )}
      </section>

      <section className="panel progress-section" aria-labelledby="progress-weakest">
        <h2 id="progress-weakest">Weakest areas</h2>
        <p className="progress-note">Lowest average score first, then most flags per round.</p>
        <WeakestAreas byCategory={weakCategories} byQuestionType={weakTypes} questionTypeTitle={typeTitle} />
      </section>

      <section className="panel progress-section" aria-labelledby="progress-baselines">
        <h2 id="progress-baselines">Personal baselines</h2>
        <p className="progress-note">Your medians per question type, over your last 50 analysed rounds of each.</p>
        <BaselinesTable baselines={medians} questionTypeTitle={typeTitle} />
      </section>

      <section className="panel progress-section" aria-labelledby="progress-actions">
        <h2 id="progress-actions">What I’ll change</h2>
        <p className="progress-note">From your most recent postmortems.</p>
        <ActionList actions={actions} />
      </section>

      {latest ? (
        <section className="panel progress-section" aria-label="Time allocation in the most recent session">
          <TimeAllocationChart sessionId={latest} headingLevel="h2" title="Time allocation — most recent session" />
        </section>
      ) : null}
    </>
  );
}
