/** The live recognizer's test stand-in: which known utterance a heard one is, and its file's checks. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readStandIn, standInText } from '../../../../../src/main/services/live/stand-in';
import { tempDir } from '../../../../support/temp';

// The E2E answer's figures: the first two sentences are as long as each other; their silences differ.
const known = readStandInFrom({
  utterances: [
    { text: 'one', durationMs: 3270, gapBeforeMs: 3337 },
    { text: 'two', durationMs: 3277, gapBeforeMs: 2373 },
    { text: 'three', durationMs: 3562, gapBeforeMs: 2834 },
  ],
});

function readStandInFrom(json: unknown) {
  const file = path.join(tempDir(), 'stand-in.json');
  fs.writeFileSync(file, JSON.stringify(json));
  return readStandIn(file);
}

describe('the live recognizer stand-in', () => {
  it('names an utterance by its length and the silence before it, whichever way the VAD jitters', () => {
    expect(standInText(known, { durationMs: 3300, gapBeforeMs: 2400, silenceAtLeastMs: 2400 })).toBe('two');
    expect(standInText(known, { durationMs: 3240, gapBeforeMs: 3300, silenceAtLeastMs: 3300 })).toBe('one');
    expect(standInText(known, { durationMs: 3500, gapBeforeMs: 2900, silenceAtLeastMs: 2900 })).toBe('three');
  });

  it('before any utterance, a known silence shorter than the one heard rules a candidate out', () => {
    // 3 s of quiet since listening began: it cannot be "two" (2.37 s after the sentence before it).
    expect(standInText(known, { durationMs: 3290, gapBeforeMs: null, silenceAtLeastMs: 3000 })).toBe('one');
  });

  it('refuses an unreadable or malformed list with a message naming the file', () => {
    const dir = tempDir();
    expect(() => readStandIn(path.join(dir, 'missing.json'))).toThrow(/missing\.json could not be read/);
    expect(() => readStandInFrom({ utterances: [] })).toThrow(/stand-in .* is not valid/);
    expect(() => readStandInFrom({ utterances: [{ text: 'x', durationMs: -1, gapBeforeMs: 0 }] })).toThrow(
      /durationMs/,
    );
  });
});
