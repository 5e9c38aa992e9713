import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(__dirname, '..', '..', 'test-results', 'fixtures');
fs.mkdirSync(dir, { recursive: true });

/** The fake microphone's input for E2E tests (made by tests/e2e/global-setup.ts). */
export const answerWav = path.join(dir, 'answer.wav');
/**
 * The live recognizer's test stand-in for answerWav (made beside it by global-setup.ts). E2E specs
 * that want live listening pass it to their server as LOOP_COACH_LIVE_RECOGNIZER and select a model.
 */
export const answerLiveRecognizer = path.join(dir, 'answer.live.json');
