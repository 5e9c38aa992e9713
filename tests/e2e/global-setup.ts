/**
 * Makes the candidate's spoken answer that Chromium's fake microphone plays in a loop:
 * espeak-ng speech separated by known silences, as 48 kHz mono WAV, and the live recognizer's test
 * stand-in for it (answerLiveRecognizer: each sentence's text, voiced length and silence before it).
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeWav } from '../support/audio';
import { answerLiveRecognizer, answerWav } from '../support/fixtures-paths';
import { hashMapAnswer, standInJson } from '../support/live-audio';
import { startSpeechDispatcher } from '../support/speech-dispatcher';

export default async function globalSetup(): Promise<() => void> {
  // Workers inherit this environment, and Chromium finds the voices through it.
  const speech = await startSpeechDispatcher();
  if (speech) process.env.SPEECHD_ADDRESS = speech.address;
  makeAnswer();
  return () => speech?.stop();
}

function makeAnswer(): void {
  if (fs.existsSync(answerWav) && fs.existsSync(answerLiveRecognizer)) return;
  const work = fs.mkdtempSync(path.join(path.dirname(answerWav), 'work-'));
  if (!fs.existsSync(answerWav)) composeWav(hashMapAnswer, answerWav, work);
  fs.writeFileSync(
    answerLiveRecognizer,
    JSON.stringify({ utterances: standInJson(hashMapAnswer, work).utterances }, null, 2),
  );
  fs.rmSync(work, { recursive: true, force: true });
}
