/**
 * Makes the candidate's spoken answer that Chromium's fake microphone plays in a loop:
 * espeak-ng speech separated by known silences, as 48 kHz mono WAV.
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeWav } from '../support/audio';
import { answerWav } from '../support/fixtures-paths';
import { startSpeechDispatcher } from '../support/speech-dispatcher';

export default async function globalSetup(): Promise<() => void> {
  // Workers inherit this environment, and Chromium finds the voices through it.
  const speech = await startSpeechDispatcher();
  if (speech) process.env.SPEECHD_ADDRESS = speech.address;
  makeAnswer();
  return () => speech?.stop();
}

function makeAnswer(): void {
  if (fs.existsSync(answerWav)) return;
  const work = fs.mkdtempSync(path.join(path.dirname(answerWav), 'work-'));
  composeWav(
    [
      'A hash map stores each key in a bucket chosen by its hash.',
      2,
      'Collisions share a bucket, so lookups scan a short list.',
      2.5,
      'When the table fills up, it doubles and rehashes every key.',
      3,
    ],
    answerWav,
    work,
  );
  fs.rmSync(work, { recursive: true, force: true });
}
