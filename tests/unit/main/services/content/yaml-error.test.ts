/** A YAML syntax error in a content file reads as one complete sentence: line, column and reason. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, parseContentFile } from '../../../../../src/main/services/content/load';
import { builtinContentDir, tempDir, writeFiles } from '../../../../support/temp';

async function problemFor(body: string): Promise<string> {
  const dir = tempDir();
  writeFiles(dir, { 'broken.yaml': body });
  const result = await parseContentFile(path.join(dir, 'broken.yaml'));
  if (result.ok) throw new Error('expected a YAML problem');
  expect(result.problems).toHaveLength(1);
  return result.problems[0]!.message;
}

describe('content problems from YAML syntax errors', () => {
  it('name the line, the column and the reason, with no dangling colon', async () => {
    // An unquoted colon in a title: the parser points at column 8, where the value starts.
    const message = await problemFor('kind: mock\nid: my-mock\ntitle: Broken: here\n');
    expect(message).toBe('YAML syntax error at line 3, column 8: Nested mappings are not allowed in compact mappings');
  });

  it('for an unclosed flow sequence and a repeated key too', async () => {
    expect(await problemFor('kind: mock\nid: x\ntags: [a, b\n')).toBe(
      'YAML syntax error at line 4, column 1: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
    expect(await problemFor('kind: mock\nid: x\nid: y\n')).toBe(
      'YAML syntax error at line 3, column 1: Map keys must be unique',
    );
    expect(await problemFor('kind: mock\nid: x\ntitle: "a" b\n')).toBe(
      'YAML syntax error at line 3, column 12: Unexpected scalar at node end',
    );
  });

  it('reach the Library as the file’s problem, ending in the reason', async () => {
    const userDir = tempDir();
    writeFiles(userDir, { 'syntax.yaml': 'kind: mock\nid: my-mock\ntitle: Broken: here\n' });
    const content = await loadContent({ builtinDir: builtinContentDir, userDir });
    const [problem] = content.problems.filter((p) => p.file === 'syntax.yaml');
    expect(problem?.message).toMatch(/^YAML syntax error at line 3, column \d+: \S.*[^:\s]$/);
  });
});
