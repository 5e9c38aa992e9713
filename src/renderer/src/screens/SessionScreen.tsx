/** Session: the live runner for the session just started or resumed, or recent and unfinished sessions. */
import { useCallback, type ReactNode } from 'react';
import type { SessionView } from '@shared/contract';
import { useRecentSessions } from '../api/sessions';
import { RecentSessions } from '../components/session/RecentSessions';
import { ScreenHeader } from '../components/ui/ScreenHeader';
import { LiveSession } from '../components/session/LiveSession';
import { UnfinishedSessions } from '../components/session/UnfinishedSessions';
import { useUnfinishedSessions } from '../components/session/useUnfinishedSessions';
import { StateMessage } from '../components/ui/StateMessage';
import './SessionScreen.css';

/** A request to resume a session (counted, so asking twice for the same session resumes again). */
export type ResumeRequest = { sessionId: string; request: number };

type Props = {
  session: SessionView | null;
  resume: ResumeRequest | null;
  onCloseSession: () => void;
  onOpenSession: (sessionId: string) => Promise<void>;
  /** Opens the session and resumes it at its next round (also offered on the Library). */
  onResumeSession: (sessionId: string) => Promise<void>;
  onGoToLibrary: () => void;
};

export function SessionScreen({
  session,
  resume,
  onCloseSession,
  onOpenSession,
  onResumeSession,
  onGoToLibrary,
}: Props) {
  const unfinished = useUnfinishedSessions();
  const { reload, close } = unfinished;

  const onClose = useCallback(
    async (sessionId: string) => {
      await close(sessionId);
      if (session?.id === sessionId) onCloseSession();
    },
    [close, session, onCloseSession],
  );

  const recovery = <UnfinishedSessions sessions={unfinished.list} onResume={onResumeSession} onClose={onClose} />;

  if (session) {
    return (
      <LiveSession
        key={session.id}
        session={session}
        resumeRequest={resume?.sessionId === session.id ? resume.request : 0}
        recovery={recovery}
        onCloseSession={onCloseSession}
        onGoToLibrary={onGoToLibrary}
        onPhaseChange={reload}
      />
    );
  }
  return <SessionList recovery={recovery} onOpenSession={onOpenSession} onGoToLibrary={onGoToLibrary} />;
}

function SessionList({
  recovery,
  onOpenSession,
  onGoToLibrary,
}: Pick<Props, 'onOpenSession' | 'onGoToLibrary'> & { recovery: ReactNode }) {
  const recent = useRecentSessions(20);
  return (
    <div className="screen-scroll">
      <div className="screen-column">
        <ScreenHeader title="Session" subtitle="Run a loop, a mock or a whole circuit, out loud and on the clock." />
        {recovery}
        <RecentSessions
          recent={recent}
          onOpen={onOpenSession}
          empty={
            <StateMessage
              kind="empty"
              icon="session"
              title="No sessions yet"
              compact
              action={
                <button type="button" className="btn btn-primary" onClick={onGoToLibrary}>
                  Go to the Library
                </button>
              }
            >
              Pick a loop, mock or circuit in the Library and press Start.
            </StateMessage>
          }
        />
      </div>
    </div>
  );
}
