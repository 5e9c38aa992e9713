/** A session on the Session screen: its plan and "Begin session", then the rounds, then the summary. */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import type { SessionView } from '@shared/contract';
import { useLibrary } from '../../api/library';
import { useSettings } from '../../api/settings';
import { formatDateTime } from '../../lib/format';
import { indexQuestionTypes, questionTypeTitle } from '../../lib/question-types';
import { Badge } from '../ui/Badge';
import { Icon } from '../ui/Icon';
import { ScreenHeader } from '../ui/ScreenHeader';
import { SessionPlan } from './SessionPlan';
import { ResetScreen } from './ResetScreen';
import { RoundStage } from './RoundStage';
import { RunnerNotices } from './RunnerNotices';
import { SessionComplete } from './SessionComplete';
import { StartProblem } from './StartProblem';
import { useFocusLayout } from './useFocusLayout';
import { useSessionRunner } from './useSessionRunner';
import './LiveSession.css';

type Props = {
  session: SessionView;
  /** Changes when the user asks to resume this session (from an "Unfinished session" banner). */
  resumeRequest: number;
  /** The "Unfinished session" banners, shown before the session begins. */
  recovery: ReactNode;
  onCloseSession: () => void;
  onGoToLibrary: () => void;
  onPhaseChange: () => void;
};

const sourceLabel: Record<SessionView['source']['type'], string> = {
  item: 'Loop or mock',
  circuit: 'Circuit',
  random: 'Random mock',
  items: 'Practice',
};

export function LiveSession({ session, resumeRequest, recovery, onCloseSession, onGoToLibrary, onPhaseChange }: Props) {
  const { runner, state } = useSessionRunner(session);
  const { data: settings } = useSettings();
  const { data: library } = useLibrary();
  const types = indexQuestionTypes(library?.questionTypes ?? []);
  const [focusExitedRound, setFocusExitedRound] = useState<number | null>(null);

  useEffect(() => {
    if (resumeRequest) void runner.resume();
  }, [resumeRequest, runner]);

  const { phase } = state;
  useEffect(() => {
    onPhaseChange();
    // Move focus to the new step's heading so keyboard and screen-reader users follow along.
    if (phase === 'reset') document.getElementById('reset-heading')?.focus();
    if (phase === 'complete') document.getElementById('session-complete-heading')?.focus();
  }, [phase, onPhaseChange]);

  const inRound = phase === 'starting' || phase === 'prompt' || phase === 'answering' || phase === 'finishing';
  const focusWanted = (settings?.focusLayout ?? false) && inRound;
  const focusActive = focusWanted && focusExitedRound !== state.roundIndex;
  const exitFocus = useCallback(() => setFocusExitedRound(state.roundIndex), [state.roundIndex]);
  useFocusLayout(focusActive, exitFocus);

  const round = state.session.rounds[state.roundIndex];
  const started = state.session.status !== 'planned';

  return (
    <div className={`screen-scroll live-session${focusActive ? ' live-session-focus' : ''}`}>
      <div className="screen-column live-session-column">
        <div className="live-session-chrome">
          {phase === 'idle' || phase === 'complete' ? (
            <button type="button" className="btn btn-ghost btn-small session-back" onClick={onCloseSession}>
              <Icon name="back" size={14} />
              All sessions
            </button>
          ) : null}
          <ScreenHeader
            title={state.session.title}
            subtitle={
              <>
                <Badge tone="neutral">{sourceLabel[state.session.source.type]}</Badge>{' '}
                <span>Created {formatDateTime(state.session.createdAt)}</span>
              </>
            }
          />
        </div>

        <RunnerNotices state={state} onRetry={() => runner.retry()} onDismissError={() => runner.dismissError()} />

        {phase === 'idle' ? (
          <>
            {recovery}
            {!started ? (
              <div className="live-session-begin">
                <button
                  type="button"
                  className="btn btn-primary btn-large"
                  disabled={state.pending}
                  onClick={() => void runner.beginSession()}
                >
                  <Icon name="play" size={14} />
                  Begin session
                </button>
                <p className="muted">
                  Each prompt is spoken aloud, then a chime: answer out loud. Your answer is recorded and follow-ups
                  come at their times. Use headphones if you can.
                </p>
              </div>
            ) : null}
            <SessionPlan session={state.session} />
          </>
        ) : null}

        {phase === 'start-problem' && state.startProblem ? (
          <StartProblem
            roundNumber={state.roundIndex + 1}
            message={state.startProblem}
            pending={state.pending}
            onRetry={() => runner.retryStart()}
            onContinueWithout={() => runner.continueWithoutRecording()}
            onEnd={() => void runner.endSession()}
          />
        ) : null}

        {phase === 'reset' && round ? (
          <ResetScreen
            previous={state.session.rounds[state.roundIndex - 1] ?? null}
            next={round}
            total={state.session.rounds.length}
            breakState={state.breakState}
            pending={state.pending}
            onSkipBreak={() => runner.skipBreak()}
            onStart={() => void runner.startRound(state.roundIndex)}
            onEnd={() => void runner.endSession()}
          />
        ) : null}

        {inRound && round ? (
          <RoundStage
            state={state}
            runner={runner}
            typeTitle={questionTypeTitle(types, round.questionType)}
            focusToggle={
              focusWanted ? (
                focusActive ? (
                  <button type="button" className="btn btn-small" onClick={exitFocus} aria-keyshortcuts="Escape">
                    Exit focus
                  </button>
                ) : (
                  <button type="button" className="btn btn-small" onClick={() => setFocusExitedRound(null)}>
                    Focus layout
                  </button>
                )
              ) : null
            }
          />
        ) : null}

        {phase === 'complete' ? (
          <SessionComplete
            session={state.session}
            endedEarly={state.endedEarly}
            onGoToLibrary={onGoToLibrary}
            onAllSessions={onCloseSession}
          />
        ) : null}
      </div>
    </div>
  );
}
