/**
 * Speech and silence under the waveform, from the round's speech analysis: a thin strip, aligned
 * with the waveform, shaded where the candidate (or the interviewer) was talking.
 */
import { useAnalysis } from '../analysis/useAnalysis';
import './SpeechStrip.css';

type Props = { roundId: string; durationMs: number };

export function SpeechStrip({ roundId, durationMs }: Props) {
  const { analysis } = useAnalysis(roundId);
  if (!analysis || analysis.status !== 'done' || durationMs <= 0) {
    return (
      <div className="speech-strip speech-strip-empty" aria-hidden="true" title="Speech analysis is not ready yet" />
    );
  }
  const total = durationMs / 1000;
  const talk = analysis.segments.reduce((sum, s) => sum + (s.end - s.start), 0);
  return (
    <div
      className="speech-strip"
      role="img"
      aria-label={`Speech ${Math.round((talk / total) * 100)} % of the recording, in ${analysis.segments.length} stretches`}
    >
      {analysis.segments.map((s) => (
        <span
          key={`${s.start}-${s.end}`}
          className="speech-strip-speech"
          style={{ left: `${(s.start / total) * 100}%`, width: `${((s.end - s.start) / total) * 100}%` }}
        />
      ))}
    </div>
  );
}
