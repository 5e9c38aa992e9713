/**
 * One content file's text → its YAML value, with the parser's work bounded (issue 22, D2). The yaml
 * package's cost grows with the number of tokens, and some shapes cost far more than their size:
 * with `prettyErrors` every error on a long line copied that line (a 120 KB line of anchors took
 * 30 s), alias lookups are quadratic in the anchors and aliases, duplicate-key checks in the keys of
 * a mapping, and composing recurses once per nesting level. So the file is lexed once with every
 * count capped as it goes (a file is refused at the first token past a cap, before the parser does
 * the rest), the parsed tree is checked for depth, documents and mapping sizes before it is
 * composed, and only the first few errors are given a position and rendered.
 */
import type { CST, LineCounter } from 'yaml';
import { formatYamlError } from './yaml-error';

/** Far above any hand-written content file (the largest built-in one has under 900 tokens). */
export const YAML_LIMITS = {
  tokens: 20_000,
  depth: 32,
  anchors: 100,
  aliases: 100,
  tags: 100,
  mappingKeys: 1_000,
  /** Errors given a line and column and listed; the rest are counted. */
  listedErrors: 10,
  messageChars: 200,
} as const;

export type YamlProblem = { field: string; message: string };
export type YamlReadResult = { ok: true; value: unknown } | { ok: false; problems: YamlProblem[] };

const count = (n: number) => n.toLocaleString('en-US');

export async function readYaml(text: string): Promise<YamlReadResult> {
  // Loaded on first use: a start whose files all match the snapshot needs no parser.
  const yaml = await import('yaml');
  const lines = new yaml.LineCounter();
  // "what was found, where[; what to do]": the position is that of the token past the limit.
  const refuse = (offset: number, what: string, advice?: string): YamlReadResult => ({
    ok: false,
    problems: [{ field: '', message: `${what} ${where(lines, offset)}${advice ? `; ${advice}` : ''}` }],
  });

  const parser = new yaml.Parser(lines.addNewLine);
  lines.addNewLine(0);
  const tokens: CST.Token[] = [];
  const seen = { tokens: 0, anchors: 0, aliases: 0, tags: 0 };
  let flowDepth = 0;
  for (const lexeme of new yaml.Lexer().lex(text)) {
    if (++seen.tokens > YAML_LIMITS.tokens) {
      return refuse(parser.offset, `more than ${count(YAML_LIMITS.tokens)} YAML tokens`, 'split the file into smaller ones');
    }
    switch (yaml.CST.tokenType(lexeme)) {
      case 'anchor':
        if (++seen.anchors > YAML_LIMITS.anchors) return refuse(parser.offset, `more than ${YAML_LIMITS.anchors} anchors (&name)`);
        break;
      case 'alias':
        if (++seen.aliases > YAML_LIMITS.aliases) return refuse(parser.offset, `more than ${YAML_LIMITS.aliases} aliases (*name)`);
        break;
      case 'tag':
        if (++seen.tags > YAML_LIMITS.tags) return refuse(parser.offset, `more than ${YAML_LIMITS.tags} tags (!name)`);
        break;
      case 'flow-map-start':
      case 'flow-seq-start':
        if (++flowDepth > YAML_LIMITS.depth) return refuse(parser.offset, `nested more than ${YAML_LIMITS.depth} levels deep`);
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        flowDepth = Math.max(0, flowDepth - 1);
        break;
    }
    for (const token of parser.next(lexeme)) tokens.push(token);
  }
  for (const token of parser.end()) tokens.push(token);

  const shape = checkShape(tokens);
  if (shape) return refuse(shape.offset, shape.what, shape.advice);

  const composer = new yaml.Composer({ uniqueKeys: true });
  const [doc] = Array.from(composer.compose(tokens, true, text.length));
  if (!doc) return { ok: false, problems: [{ field: '', message: 'the file holds no YAML document' }] };
  if (doc.errors.length > 0) {
    const listed = doc.errors.slice(0, YAML_LIMITS.listedErrors).map((error) => ({
      field: '',
      message: formatYamlError({
        message: error.message.slice(0, YAML_LIMITS.messageChars),
        linePos: error.pos[0] >= 0 ? [lines.linePos(error.pos[0])] : undefined,
      }),
    }));
    const more = doc.errors.length - listed.length;
    if (more > 0) {
      const errors = more === 1 ? 'error' : 'errors';
      listed.push({ field: '', message: `${count(more)} more YAML syntax ${errors} (only the first ${listed.length} are listed)` });
    }
    return { ok: false, problems: listed };
  }
  try {
    // maxAliasCount guards against "billion laughs" alias bombs in hand-edited files.
    return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) };
  } catch (error) {
    return { ok: false, problems: [{ field: '', message: `YAML could not be read: ${(error as Error).message}` }] };
  }
}

function where(lines: LineCounter, offset: number): string {
  const { line, col } = lines.linePos(offset);
  return line > 0 ? `at line ${line}, column ${col}` : 'at the start';
}

/** The first document past one, collection nested too deep or mapping with too many keys; walked without recursion. */
function checkShape(tokens: CST.Token[]): { offset: number; what: string; advice?: string } | null {
  const documents = tokens.filter((token) => token.type === 'document');
  if (documents.length > 1) {
    return {
      offset: documents[1]!.offset,
      what: 'a second YAML document (--- starts one)',
      advice: 'put each in its own file',
    };
  }
  const stack: { token: CST.Token; depth: number }[] = documents.flatMap((d) => (d.value ? [{ token: d.value, depth: 0 }] : []));
  while (stack.length > 0) {
    const { token, depth } = stack.pop()!;
    if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'flow-collection') continue;
    if (depth + 1 > YAML_LIMITS.depth) return { offset: token.offset, what: `nested more than ${YAML_LIMITS.depth} levels deep` };
    const isMap = token.type === 'block-map' || (token.type === 'flow-collection' && token.start.type === 'flow-map-start');
    if (isMap && token.items.length > YAML_LIMITS.mappingKeys) {
      return { offset: token.offset, what: `a mapping with more than ${count(YAML_LIMITS.mappingKeys)} keys` };
    }
    for (const item of token.items) {
      if ('key' in item && item.key) stack.push({ token: item.key, depth: depth + 1 });
      if (item.value) stack.push({ token: item.value, depth: depth + 1 });
    }
  }
  return null;
}
