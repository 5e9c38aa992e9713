/**
 * `npm run -s transcribe -- FILE --model DIR [--reference TXT] [--json]`: transcribes any audio file
 * ffmpeg reads with an installed model (DIR is `<data folder>/models/<model id>`, holding its
 * installed.json; every file's size and SHA-256 are checked first), on the speech the detector
 * finds, and prints the transcript with times. With --reference, a plain-text file of what was
 * really said, it prints the word error rate: how a user measures a model's accuracy on their own
 * recordings.
 */
import fs from 'node:fs';
import path from 'node:path';
import { transcribeAudioFile } from '../src/main/services/analysis/transcribe';
import { ModelVerifier } from '../src/main/services/transcription/model-files';
import { wordErrorRate } from '../src/main/services/transcription/wer';
import { transcriptText } from '../src/shared/transcript';
import { BadInput, cliMain, parseCli, resolveFromUser } from './cli-args';

const USAGE = 'usage: npm run -s transcribe -- FILE --model DIR [--reference TXT] [--json]';
const clock = (ms: number) => `${Math.floor(ms / 60000)}:${((ms % 60000) / 1000).toFixed(1).padStart(4, '0')}`;

cliMain('transcribe', async () => {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    { json: { type: 'boolean' }, model: { type: 'string' }, reference: { type: 'string' } },
    USAGE,
  );
  const { json = false, model: modelArg, reference: referenceArg } = values;
  const [file] = positionals;
  if (!file || !modelArg) throw new BadInput(USAGE);
  const audio = resolveFromUser(file);
  if (!fs.existsSync(audio)) throw new Error(`no such file: ${audio}`);
  const modelDir = resolveFromUser(modelArg);
  const model = await new ModelVerifier(path.dirname(modelDir)).verify(path.basename(modelDir));
  const reference = referenceArg ? fs.readFileSync(resolveFromUser(referenceArg), 'utf8') : null;

  const started = performance.now();
  const segments = await transcribeAudioFile({ file: audio, family: model.family, files: model.files, speech: null });
  const seconds = (performance.now() - started) / 1000;
  const text = transcriptText(segments);
  const wer = reference === null ? null : wordErrorRate(reference, text);
  if (json) {
    console.log(JSON.stringify({ file: audio, modelId: model.modelId, seconds, segments, text, wer }, null, 2));
    return;
  }
  console.log(`${audio} — ${model.modelId} (${seconds.toFixed(1)} s)`);
  for (const s of segments) console.log(`  [${clock(s.startMs)} – ${clock(s.endMs)}] ${s.text}`);
  if (wer) {
    console.log(
      `\nWER ${(wer.wer * 100).toFixed(1)} % over ${wer.referenceWords} reference words ` +
        `(${wer.substitutions} substituted, ${wer.deletions} missed, ${wer.insertions} inserted)`,
    );
  }
});
