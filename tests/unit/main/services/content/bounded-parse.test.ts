/**
 * Issue 22, D2: a content file shaped to make the YAML parser work hard is refused with one clear
 * message naming what was wrong, and the parser's error output is bounded, while every other file
 * still loads. Speed is the bench's (content_worst_file_ms); these check behaviour only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, parseContentFile } from '../../../../../src/main/services/content/load';
import { loopYaml } from '../../../../support/content-files';
import { hostileContentFiles } from '../../../../support/hostile-content';
import { builtinContentDir, tempDir, writeFiles } from '../../../../support/temp';

const goodLoop = loopYaml('still-loads');

/** What each refused shape's first problem must name. */
const expected: Record<string, RegExp> = {
  'anchor-line.yaml': /more than 100 anchors \(&name\) at line 1, column \d+$/,
  'alias-bomb.yaml': /more than 100 aliases/,
  'many-aliases.yaml': /more than 100 anchors/,
  'many-tags.yaml': /more than 100 tags/,
  'deep-flow.yaml': /nested more than 32 levels deep/,
  'deep-block.yaml': /nested more than 32 levels deep at line 33,/,
  'deep-compact-seq.yaml': /more than 20,000 YAML tokens at line \d+, column \d+; split the file into smaller ones$/,
  'many-errors.yaml': /^YAML syntax error at line 1, column \d+: /,
  'many-closers.yaml': /more than 20,000 YAML tokens at line \d+, column \d+; split the file into smaller ones$/,
  'huge-flow-seq.yaml': /more than 20,000 YAML tokens at line \d+, column \d+; split the file into smaller ones$/,
  'huge-flow-map.yaml': /more than 20,000 YAML tokens at line \d+, column \d+; split the file into smaller ones$/,
  'many-keys.yaml': /more than 20,000 YAML tokens at line \d+, column \d+; split the file into smaller ones$/,
  'long-key.yaml': /at most 1024 chars/,
  'long-explicit-key.yaml': /expected string/,
  'many-documents.yaml': /more than 20,000 YAML tokens at line \d+, column \d+; split the file into smaller ones$/,
  'escapes.yaml': /Invalid discriminator value/,
  'not-utf8.yaml': /not UTF-8 text \(an invalid byte on line 2, byte 16 of the file\); save it as UTF-8/,
  'utf16.yaml': /UTF-16 text; save it as UTF-8/,
  'nul-bytes.yaml': /not text \(a NUL byte on line 1, byte 1 of the file\)/,
  'over-limit.yaml': /larger than 524288 bytes/,
};

describe('bounded content parsing', () => {
  it("refuses issue 22's line of anchors with one message, and loads the rest", async () => {
    const userDir = tempDir();
    writeFiles(userDir, { 'a.yaml': `x: ${'&a '.repeat(2000)}1\n`, 'good.yaml': goodLoop });
    const content = await loadContent({ builtinDir: builtinContentDir, userDir });
    const problems = content.problems.filter((p) => p.file === 'a.yaml');
    expect(problems).toEqual([
      { file: 'a.yaml', origin: 'user', field: '', message: 'more than 100 anchors (&name) at line 1, column 304' },
    ]);
    expect(content.items.get('still-loads')?.origin).toBe('user');
  });

  it('lists the first ten syntax errors of a file with position and reason, and counts the rest', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'broken.yaml': '- a: b: c\n'.repeat(500) });
    const result = await parseContentFile(path.join(dir, 'broken.yaml'));
    if (result.ok) throw new Error('expected problems');
    expect(result.problems).toHaveLength(11);
    result.problems.slice(0, 10).forEach((p, i) => {
      expect(p.message).toBe(`YAML syntax error at line ${i + 1}, column 6: Nested mappings are not allowed in compact mappings`);
    });
    expect(result.problems[10]!.message).toBe('490 more YAML syntax errors (only the first 10 are listed)');
    writeFiles(dir, { 'eleven.yaml': '- a: b: c\n'.repeat(11) });
    const eleven = await parseContentFile(path.join(dir, 'eleven.yaml'));
    expect(!eleven.ok && eleven.problems[10]).toEqual({ field: '', message: '1 more YAML syntax error (only the first 10 are listed)' });
  });

  it('keeps every error message short, however long the line it is on', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'long.yaml': `x: ${'] '.repeat(5000)}\n` });
    const result = await parseContentFile(path.join(dir, 'long.yaml'));
    if (result.ok) throw new Error('expected problems');
    expect(result.problems.length).toBeLessThanOrEqual(11);
    for (const p of result.problems) expect(p.message.length).toBeLessThan(300);
  });

  it('loads or refuses every hostile shape with a message naming what was wrong', async () => {
    const dir = tempDir();
    for (const shape of hostileContentFiles()) {
      fs.writeFileSync(path.join(dir, shape.name), shape.bytes);
      const result = await parseContentFile(path.join(dir, shape.name));
      if (shape.loads) {
        expect(result.ok, `${shape.name}: ${result.ok ? '' : result.problems[0]?.message}`).toBe(true);
        continue;
      }
      if (result.ok) throw new Error(`${shape.name} loaded`);
      expect(result.problems[0]?.message, shape.name).toMatch(expected[shape.name]!);
      expect(result.problems.length, shape.name).toBeLessThanOrEqual(11);
    }
  });

  it('refuses a mapping of more than 1,000 keys, and an alias bomb under the alias limit', async () => {
    const dir = tempDir();
    const bomb = ['kind: mock', 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 5; i++) bomb.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    writeFiles(dir, {
      'keys.yaml': Array.from({ length: 1001 }, (_, i) => `k${i}: v\n`).join(''),
      'bomb.yaml': `${bomb.join('\n')}\n`,
    });
    const keys = await parseContentFile(path.join(dir, 'keys.yaml'));
    expect(!keys.ok && keys.problems).toEqual([{ field: '', message: 'a mapping with more than 1,000 keys at line 1, column 1' }]);
    const expanded = await parseContentFile(path.join(dir, 'bomb.yaml'));
    expect(!expanded.ok && expanded.problems).toEqual([
      { field: '', message: 'YAML could not be read: Excessive alias count indicates a resource exhaustion attack' },
    ]);
  });

  it('refuses a file with a second document, naming where it starts', async () => {
    const dir = tempDir();
    writeFiles(dir, { 'two.yaml': `${goodLoop}---\n${goodLoop}` });
    const result = await parseContentFile(path.join(dir, 'two.yaml'));
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          field: '',
          message: 'a second YAML document (--- starts one) at line 12, column 1; put each in its own file',
        },
      ],
    });
  });

  it('reads a UTF-8 file with a byte-order mark and a few anchors and aliases as before', async () => {
    const dir = tempDir();
    const withAlias = goodLoop.replace('expectedPoints: [fixed capacity array]', 'expectedPoints: &points [fixed capacity array]');
    writeFiles(dir, { 'bom.yaml': `\uFEFF${withAlias}` });
    const result = await parseContentFile(path.join(dir, 'bom.yaml'));
    expect(result.ok && result.data.kind === 'loop' && result.data.rounds[0]!.expectedPoints).toEqual(['fixed capacity array']);
  });
});
