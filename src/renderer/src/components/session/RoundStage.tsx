/** The running round: status, prompt, timer, follow-ups, level meter, partner panel and controls. */
import type { ReactNode } from 'react';
import type { RunnerState } from '../../session/engine/runner-state';
import type { SessionRunner } from '../../session/engine/session-runner';
import { FollowUpLog } from './FollowUpLog';
import { LevelMeter } from './LevelMeter';
import { LiveListening } from './LiveListening';
import { PartnerPanel } from './PartnerPanel';
import { PromptPanel } from './PromptPanel';
import { followUpModes } from '../../session/engine/follow-up-modes';
import { roundTitle } from './ResetScreen';
import { RoundTimer } from './RoundTimer';
import { SessionControls } from './SessionControls';
import './RoundStage.css';

type Props = {
  state: RunnerState;
  runner: SessionRunner;
  typeTitle: string;
  focusToggle: ReactNode;
};

function statusText(state: RunnerState): string {
  if (state.phase === 'finishing') return 'Saving the round…';
  if (state.paused) return 'Paused';
  if (state.phase === 'starting') return 'Getting the microphone ready…';
  if (state.phase === 'prompt') return state.voiceMissing ? 'Read the question' : 'Listen to the question';
  return 'Answer now';
}

export function RoundStage({ state, runner, typeTitle, focusToggle }: Props) {
  const round = state.session.rounds[state.roundIndex]!;
  const total = state.session.rounds.length;
  const answering = state.phase === 'answering';
  const elapsedMs = state.answerCueMs === null ? 0 : Math.max(0, state.clockMs - state.answerCueMs);
  const status = statusText(state);
  const controlsDisabled = state.pending || (state.phase !== 'prompt' && state.phase !== 'answering');

  return (
    <div className="round-stage">
      <div className="round-stage-head">
        <div className="round-stage-title">
          <span className="round-stage-count">
            Round {round.index + 1} of {total} · {typeTitle}
          </span>
          <h2 className="round-stage-name">{roundTitle(round)}</h2>
        </div>
        <p className="round-stage-status" role="status" data-status={answering && !state.paused ? 'answer' : 'wait'}>
          <span className="round-stage-status-dot" aria-hidden="true" />
          {status}
        </p>
        {focusToggle}
      </div>
      <div className="round-stage-grid">
        <div className="round-stage-main">
          <PromptPanel heading={state.phase === 'starting' ? 'Prompt (coming up)' : 'Prompt'} prompt={round.prompt} />
          <FollowUpLog asked={state.asked} total={round.followUps.length} />
        </div>
        <div className="round-stage-side">
          <RoundTimer elapsedMs={elapsedMs} budgetSeconds={round.budgetSeconds} running={state.answerCueMs !== null} />
          <LevelMeter
            level={state.level}
            recording={state.recording}
            paused={state.paused}
            notSaving={state.notSaving !== null}
          />
          <LiveListening roundId={round.id} />
          {followUpModes[state.session.followUpMode].partnerPanel ? (
            <PartnerPanel
              plannedLeft={state.plannedLeft}
              enabled={answering && !state.paused && !state.pending}
              onAskNext={() => runner.askNextPlanned()}
              onAskAdhoc={(text) => runner.askAdhoc(text)}
            />
          ) : null}
        </div>
      </div>
      <SessionControls
        paused={state.paused}
        lastRound={round.index === total - 1}
        disabled={controlsDisabled}
        onTogglePause={() => void runner.togglePause()}
        onNext={() => void runner.finishRound('done')}
        onSkip={() => void runner.finishRound('skipped')}
        onEnd={() => void runner.endSession()}
      />
    </div>
  );
}
