/**
 * `npm run analyze -- FILE [--json]`: speech segments and the metrics that need no session context,
 * for any audio file ffmpeg can read (webm, wav, ogg, mp3, m4a…).
 */
import fs from 'node:fs';
import { analyzeAudioFile } from '../src/main/services/analysis/analyze-file';
import { computeAudioMetrics } from '../src/shared/metrics';
import { BadInput, cliMain, parseCli, resolveFromUser } from './cli-args';

const seconds = (ms: number | null) => (ms === null ? '—' : `${(ms / 1000).toFixed(2)} s`);

async function main() {
  const usage = 'usage: npm run analyze -- FILE [--json]';
  const { values, positionals } = parseCli(process.argv.slice(2), { json: { type: 'boolean' } }, usage);
  const json = values.json ?? false;
  const [file] = positionals;
  if (!file) throw new BadInput(usage);
  const full = resolveFromUser(file);
  if (!fs.existsSync(full)) throw new Error(`no such file: ${full}`);
  const { segments, durationMs } = await analyzeAudioFile(full);
  const metrics = computeAudioMetrics(segments, durationMs);
  if (json) {
    console.log(JSON.stringify({ file: full, segments, ...metrics }, null, 2));
    return;
  }
  console.log(`${full}`);
  console.log(`  duration        ${seconds(metrics.durationMs)}`);
  console.log(`  first speech    ${seconds(metrics.firstSpeechMs)}`);
  console.log(
    `  talk time       ${seconds(metrics.talkTimeMs)} (${Math.round(metrics.speechRatio * 100)} % of the recording)`,
  );
  console.log(`  longest run     ${seconds(metrics.longestRunMs)} without a pause of 1 s or more`);
  console.log(
    `  pauses          ${metrics.pauses.short} under 0.2 s, ${metrics.pauses.medium} of 0.2–1 s, ${metrics.pauses.long} over 1 s`,
  );
  console.log(`  speech segments (${segments.length}):`);
  for (const s of segments)
    console.log(`    ${(s.startMs / 1000).toFixed(2).padStart(8)} – ${(s.endMs / 1000).toFixed(2).padStart(8)} s`);
}

cliMain('analyze', main);
