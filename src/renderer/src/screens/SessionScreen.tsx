/** Session: the plan of the session just started (the live runner comes next), or recent sessions. */
import type { SessionView } from '../../../shared/contract';
import { useRecentSessions } from '../api/sessions';
import { Badge } from '../components/Badge';
import { Icon } from '../components/Icon';
import { RecentSessions } from '../components/RecentSessions';
import { ScreenHeader } from '../components/ScreenHeader';
import { SessionPlan } from '../components/SessionPlan';
import { StateMessage } from '../components/StateMessage';
import { formatDateTime } from '../lib/format';
import './SessionScreen.css';

type Props = {
  session: SessionView | null;
  onCloseSession: () => void;
  onOpenSession: (sessionId: string) => Promise<void>;
  onGoToLibrary: () => void;
};

const sourceLabel: Record<SessionView['source']['type'], string> = {
  item: 'Loop or mock',
  circuit: 'Circuit',
  random: 'Random mock',
};

export function SessionScreen({ session, onCloseSession, onOpenSession, onGoToLibrary }: Props) {
  if (session) {
    return (
      <div className="screen-scroll">
        <div className="screen-column">
          <button type="button" className="btn btn-ghost btn-small session-back" onClick={onCloseSession}>
            <Icon name="back" size={14} />
            All sessions
          </button>
          <ScreenHeader
            title={session.title}
            subtitle={
              <>
                <Badge tone="neutral">{sourceLabel[session.source.type]}</Badge>{' '}
                <span>Created {formatDateTime(session.createdAt)}</span>
              </>
            }
          />
          <div className="session-note" role="note">
            <Icon name="session" />
            <p>
              <strong>The live runner is not built yet.</strong> This is the session’s plan; the next version speaks
              each prompt, records your answer and asks the follow-ups at their times.
            </p>
          </div>
          <SessionPlan session={session} />
        </div>
      </div>
    );
  }
  return <SessionList onOpenSession={onOpenSession} onGoToLibrary={onGoToLibrary} />;
}

function SessionList({ onOpenSession, onGoToLibrary }: Pick<Props, 'onOpenSession' | 'onGoToLibrary'>) {
  const recent = useRecentSessions(20);
  return (
    <div className="screen-scroll">
      <div className="screen-column">
        <ScreenHeader title="Session" subtitle="Run a loop, a mock or a whole circuit, out loud and on the clock." />
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
