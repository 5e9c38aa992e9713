/**
 * Speech and silence under the waveform, from the round's speech analysis: a thin strip, aligned
 * with the waveform, shaded where the candidate (or the interviewer) was talking.
 */
import { useAnalysis } from './useAnalysis';
import './SpeechStrip.css';

type Props = { roundId: string; durationMs: number };

export function SpeechStrip({ roundId, durationMs }: Props) {
  const { analysis } = useAnalysis(roundId);
  if (!analysis || analysis.status !== 'done' || durationMs <= 0) {
    return (
      <div className="speech-strip speech-strip-empty" aria-hidden="true" title="Speech analysis is not ready yet" />
    );
  }
  // Segments and the duration are both ms on the recording's timeline.
  const total = durationMs;
  const talk = analysis.segments.reduce((sum, s) => sum + (s.endMs - s.startMs), 0);
  return (
    <div
      className="speech-strip"
      role="img"
      aria-label={`Speech ${Math.round((talk / total) * 100)} % of the recording, in ${analysis.segments.length} stretches`}
    >
      {analysis.segments.map((s) => (
        <span
          key={`${s.startMs}-${s.endMs}`}
          className="speech-strip-speech"
          style={{ left: `${(s.startMs / total) * 100}%`, width: `${((s.endMs - s.startMs) / total) * 100}%` }}
        />
      ))}
    </div>
  );
}
