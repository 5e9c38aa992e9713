import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(__dirname, '..', '..', 'test-results', 'fixtures');
fs.mkdirSync(dir, { recursive: true });

/** The fake microphone's input for E2E tests (made by tests/e2e/global-setup.ts). */
export const answerWav = path.join(dir, 'answer.wav');
