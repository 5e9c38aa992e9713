/**
 * Progress: weekly trends of the scores and key speech metrics (filterable by category and question
 * type), the weakest areas, personal baselines, the postmortems' action list and the most recent
 * session's time allocation (sent inside the summary). Every number is aggregated on the main side (progress:get, a few
 * hundred numbers whatever the history's size); this screen paints the last summary kept and
 * refreshes it (api/progress.ts). Each panel is its own component: add a section with a line here.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import type { ProgressFilter } from '@shared/contract';
import { useLibrary } from '../api/library';
import { loadProgress, useProgressSummary } from '../api/progress';
import { useRecentSessions } from '../api/sessions';
import { ChangeLines } from '../components/progress/ChangeLines';
import { CoachProgress } from '../components/coach/CoachProgress';
import { BaselinesTable } from '../components/progress/BaselinesTable';
import { TimeAllocationView } from '../components/charts/TimeAllocationChart';
import { WeakestAreas } from '../components/progress/WeakestAreas';
import { ProgressTrends } from '../components/progress/ProgressTrends';
import { WordTrends } from '../components/progress/WordTrends';
import { RecentSessions } from '../components/session/RecentSessions';
import { ScreenHeader } from '../components/ui/ScreenHeader';
import { StateMessage } from '../components/ui/StateMessage';
import { errorMessage } from '../lib/errors';
import { plural } from '../lib/format';
import { indexQuestionTypes, questionTypeTitle } from '../lib/question-types';
import './ProgressScreen.css';

const noFilter: ProgressFilter = { category: null, questionType: null };

export function ProgressScreen({ onOpenSession }: { onOpenSession: (sessionId: string) => Promise<void> }) {
  const [filter, setFilter] = useState<ProgressFilter>(noFilter);
  const { data, stale, error } = useProgressSummary(filter);
  // The sections without a chart render just after the charts' first paint (a deferred render the
  // browser may paint before), so the first frame lays out what is on screen: the trends.
  const lower = useDeferredValue(data);
  const { data: library } = useLibrary();
  const typeIndex = useMemo(() => indexQuestionTypes(library?.questionTypes ?? []), [library]);
  const typeTitle = useMemo(() => (id: string) => questionTypeTitle(typeIndex, id), [typeIndex]);

  return (
    <div className="screen-scroll">
      <div className="screen-column progress">
        <ScreenHeader
          title="Progress"
          subtitle="Clarity, rigor and speed over time, by category and question type."
          actions={
            data && data.rounds > 0 ? (
              <span className="progress-count">{plural(data.rounds, 'round')} recorded</span>
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
                  <button type="button" className="btn" onClick={() => void loadProgress(filter)}>
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
        ) : data.rounds === 0 ? (
          <div className="panel">
            <StateMessage kind="empty" icon="progress" title="No progress to show yet — scored rounds appear here">
              Progress is drawn only from rounds you have recorded and scored in Review. There is no sample data.
            </StateMessage>
          </div>
        ) : (
          <>
            <ProgressTrends
              summary={data}
              filter={filter}
              updating={stale}
              onFilterChange={setFilter}
              questionTypeTitle={typeTitle}
            />

            {lower ? (
              <>
                <section className="panel progress-section" aria-labelledby="progress-weakest">
                  <h2 id="progress-weakest">Weakest areas</h2>
                  <p className="progress-note">Lowest average score first, then most flags per round.</p>
                  <WeakestAreas
                    byCategory={lower.weakest.byCategory}
                    byQuestionType={lower.weakest.byQuestionType}
                    questionTypeTitle={typeTitle}
                  />
                </section>

                <section className="panel progress-section" aria-labelledby="progress-baselines">
                  <h2 id="progress-baselines">Personal baselines</h2>
                  <p className="progress-note">
                    Your medians per question type, over your last 50 analysed rounds of each.
                  </p>
                  <BaselinesTable baselines={lower.baselines} questionTypeTitle={typeTitle} />
                </section>

                <section className="panel progress-section" aria-labelledby="progress-actions">
                  <h2 id="progress-actions">What I’ll change</h2>
                  <p className="progress-note">From your most recent postmortems.</p>
                  <ChangeLines />
                </section>
              </>
            ) : null}

            {data.latestSession ? (
              <section className="panel progress-section" aria-label="Time allocation in the most recent session">
                <TimeAllocationView
                  data={data.latestSession}
                  headingLevel="h2"
                  title="Time allocation — most recent session"
                />
              </section>
            ) : null}
          </>
        )}
        {lower && lower.rounds > 0 ? <CoachProgress /> : null}
        {lower || error ? <BelowTheFold onOpenSession={onOpenSession} /> : null}
      </div>
    </div>
  );
}

/**
 * Sections below the charts, mounted once the summary is in (at once on a revisit, as it is kept)
 * and the charts are drawn:
 * their requests then queue behind progress:get on the main side, not ahead of it.
 */
function BelowTheFold({ onOpenSession }: { onOpenSession: (sessionId: string) => Promise<void> }) {
  const recent = useRecentSessions(10);
  return (
    <>
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
    </>
  );
}
