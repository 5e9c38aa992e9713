/**
 * Live listening on the round screen: a quiet "Listening" line while the interviewer hears the
 * answer, the one-time notice when the machine falls behind, and (a practice aid, only with the
 * setting on) which expected points were heard so far, by number and confidence: the points' texts
 * are not on the page during a round.
 */
import { useSyncExternalStore } from 'react';
import type { LivePointCoverage } from '@shared/contract';
import { useSettings } from '../../api/settings';
import { liveBehindMessage, liveDisplay } from '../../session/browser/live-store';
import { Notice } from './Notice';
import './LiveListening.css';

const confidenceWords: Record<LivePointCoverage['confidence'], string> = {
  clear: 'clear',
  mentioned: 'mentioned',
  'not-heard': 'not heard',
};

export function LiveListening({ roundId }: { roundId: string }) {
  const live = useSyncExternalStore(liveDisplay.subscribe, liveDisplay.get);
  const { data: settings } = useSettings();
  if (live.roundId !== roundId) return null;
  if (live.state === 'behind') {
    return (
      <Notice tone="info" role="status">
        {liveBehindMessage}
      </Notice>
    );
  }
  if (live.state !== 'listening') return null;
  const showCoverage = settings?.showLiveCoverage ?? false;
  return (
    <section className="live-listening" aria-labelledby="live-listening-heading">
      <p className="live-listening-status" role="status" id="live-listening-heading">
        <span className="live-listening-dot" aria-hidden="true" />
        Listening
      </p>
      {showCoverage ? (
        <div className="live-coverage">
          <h3 className="live-coverage-title" id="live-coverage-heading">
            Expected points heard
          </h3>
          {live.coverage.length === 0 ? (
            <p className="live-coverage-empty">Nothing heard yet.</p>
          ) : (
            <ul className="live-coverage-list" aria-labelledby="live-coverage-heading">
              {live.coverage.map((point) => (
                <li key={point.index} className="live-coverage-point" data-confidence={point.confidence}>
                  <span className="live-coverage-mark" aria-hidden="true" />
                  Point {point.index + 1}: {confidenceWords[point.confidence]}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </section>
  );
}
