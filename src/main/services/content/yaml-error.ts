/**
 * A YAML syntax error as one complete sentence for a content problem: where (line and column, from
 * the parser's position) and why (the parser's reason). The yaml package's own message ends with
 * "at line N, column M:" followed by a code excerpt; cut at the first line, that left a dangling colon.
 */
import type { YAMLError } from 'yaml';

export function formatYamlError(error: Pick<YAMLError, 'message' | 'linePos'>): string {
  const firstLine = error.message.split('\n')[0] ?? '';
  // The reason without the position suffix (" at line 4, column 1:") the parser appends.
  const reason = firstLine.replace(/\s+at line \d+, column \d+:?\s*$/, '').replace(/[\s:]+$/, '') || 'unreadable YAML';
  const start = error.linePos?.[0];
  return start ? `YAML syntax error at line ${start.line}, column ${start.col}: ${reason}` : `YAML syntax error: ${reason}`;
}
