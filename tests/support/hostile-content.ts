/**
 * Content files shaped to make a YAML parser work hard, each just under the size limit: the shapes
 * issue 22 (D2) and the fuzz test found. The bench times loading each (content_worst_file_ms); the
 * tests check each is loaded or refused with a message naming what was wrong.
 */
import { Lexer } from 'yaml';
import { MAX_CONTENT_FILE_BYTES } from '../../src/main/services/content/files';
import { YAML_LIMITS } from '../../src/main/services/content/yaml-read';

/** Fills up to just under the limit with `unit`, between `head` and `tail`. */
function fill(head: string, unit: string, tail = '', limit = MAX_CONTENT_FILE_BYTES - 64): string {
  const count = Math.floor((limit - head.length - tail.length) / unit.length);
  return head + unit.repeat(count) + tail;
}

const validItem = (kind: 'loop' | 'mock', id: string, rounds: string) => `kind: ${kind}
id: ${id}
title: A ${kind} near the limits
category: Coding
rounds:
${rounds}`;

const round = (i: number, prompt = '') => `  - questionType: implementation
    prompt: ${prompt}Round ${i}. Implement a ring buffer with push and pop, and tell me its complexity.
    budgetSeconds: 300
    expectedPoints: [fixed capacity array, head and tail indices]
    followUps:
      - { text: What happens when it is full?, atSeconds: 120, jitterSeconds: 5 }
`;

const tokenCount = (text: string) => {
  let n = 0;
  for (const _ of new Lexer().lex(text)) n++;
  return n;
};

/** The most rounds a loop can hold and still be under the token limit. */
function nearLimitLoop(): string {
  const perRound = tokenCount(round(1));
  const rounds = Array.from({ length: Math.floor((YAML_LIMITS.tokens - 100) / perRound) }, (_, i) => round(i));
  return validItem('loop', 'near-limit-loop', rounds.join(''));
}

/** A mock whose prompt is one long paragraph: few tokens, nearly the size limit. */
function longProseMock(): string {
  const sentence = 'Explain why a ring buffer needs a head and a tail index. ';
  const prompt = sentence.repeat(Math.floor((MAX_CONTENT_FILE_BYTES - 1000) / sentence.length));
  return validItem('mock', 'long-prose-mock', round(0, prompt));
}

/** "Billion laughs": each level names the one before it ten times. */
function aliasBomb(levels: number): string {
  const lines = ['kind: mock', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < levels; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\n`;
}

export type HostileContent = { name: string; bytes: Buffer; loads: boolean };

export function hostileContentFiles(): HostileContent[] {
  const text = (name: string, body: string, loads = false): HostileContent => ({
    name,
    bytes: Buffer.from(body),
    loads,
  });
  const distinctAnchors = Array.from({ length: 40_000 }, (_, i) => `&a${i} x, *a${i}`).join(', ');
  return [
    // D2: every anchor after the first is an error, each on one 500 KB line.
    text('anchor-line.yaml', fill('x: ', '&a ', '1\n')),
    text('alias-bomb.yaml', aliasBomb(12)),
    text('many-aliases.yaml', `kind: mock\nx: [${distinctAnchors.slice(0, MAX_CONTENT_FILE_BYTES - 200)}]\n`),
    text('many-tags.yaml', fill('x: ', '!t ', '1\n')),
    text('deep-flow.yaml', `x: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`),
    text('deep-block.yaml', Array.from({ length: 700 }, (_, i) => `${' '.repeat(i)}a:`).join('\n') + ' 1\n'),
    text('deep-compact-seq.yaml', fill('x:\n', '- ', '1\n')),
    // Just under the token limit, so every error is found: only the first few are listed.
    text('many-errors.yaml', '- a: b: c\n'.repeat(Math.floor(YAML_LIMITS.tokens / tokenCount('- a: b: c\n')) - 10)),
    text('many-closers.yaml', fill('x: ', '] ')),
    text('huge-flow-seq.yaml', fill('kind: mock\nx: [', '1, ', '1]\n')),
    text('huge-flow-map.yaml', fill('kind: mock\nx: {', 'k: v, ', 'k: v}\n')),
    text('many-keys.yaml', `kind: mock\n${Array.from({ length: 50_000 }, (_, i) => `k${i}: v`).join('\n')}\n`),
    text('long-key.yaml', fill('kind: mock\n', 'k', ': v\n')),
    text('long-explicit-key.yaml', fill('kind: mock\n? ', 'k', '\n: v\n')),
    text('many-documents.yaml', fill('', '---\na: 1\n')),
    text('escapes.yaml', fill('x: "', '\\x41', '"\n')),
    {
      name: 'not-utf8.yaml',
      bytes: Buffer.concat([Buffer.from('kind: mock\nid: '), Buffer.alloc(1000, 0xff)]),
      loads: false,
    },
    {
      name: 'utf16.yaml',
      bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('kind: mock\nid: x\n', 'utf16le')]),
      loads: false,
    },
    { name: 'nul-bytes.yaml', bytes: Buffer.alloc(MAX_CONTENT_FILE_BYTES - 64, 0), loads: false },
    { name: 'over-limit.yaml', bytes: Buffer.alloc(MAX_CONTENT_FILE_BYTES + 1, 0x61), loads: false },
    text('near-limit-loop.yaml', nearLimitLoop(), true),
    text('long-prose.yaml', longProseMock(), true),
  ];
}
