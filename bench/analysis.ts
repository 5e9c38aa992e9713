/** Speech analysis of a 60-minute recording: processing time ÷ audio duration (lower is faster). */
import { analyzeAudioFile } from '../src/main/services/analysis/analyze-file';
import { longRecording } from './fixtures';
import { round, type Bench } from './figure';

export const analysisBench: Bench = {
  name: 'analysis',
  figures: ['analysis_rtf_60min'],
  async run() {
    const webm = longRecording(60);
    const started = performance.now();
    const { durationMs, segments } = await analyzeAudioFile(webm);
    const seconds = (performance.now() - started) / 1000;
    return [
      {
        name: 'analysis_rtf_60min',
        value: round(seconds / (durationMs / 1000), 4),
        unit: 'x',
        note: `${seconds.toFixed(1)} s for ${(durationMs / 60000).toFixed(0)} min, ${segments.length} segments`,
      },
    ];
  },
};
