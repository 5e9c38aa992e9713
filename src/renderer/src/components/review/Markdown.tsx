/**
 * A tiny, safe Markdown renderer for reference answers: paragraphs, headings, bullet and numbered
 * lists, fenced code blocks, inline code, **bold** and *italic*. It builds React elements from text,
 * so nothing in the content is ever interpreted as HTML (no dangerouslySetInnerHTML). Anything it
 * does not understand is shown as the plain text it is.
 */
import type { ReactNode } from 'react';
import './Markdown.css';

type Block =
  | { type: 'paragraph'; text: string }
  | { type: 'heading'; level: number; text: string }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'code'; lang: string; text: string };

const fence = /^\s*(```|~~~)\s*([\w+-]*)\s*$/;
const bullet = /^\s*[-*+]\s+(.*)$/;
const numbered = /^\s*\d+[.)]\s+(.*)$/;
const heading = /^(#{1,6})\s+(.*)$/;

export function parseBlocks(source: string): Block[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const open = fence.exec(line);
    if (open) {
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i]!.trim().startsWith(open[1]!)) body.push(lines[i++]!);
      i++; // the closing fence (or the end)
      blocks.push({ type: 'code', lang: open[2] ?? '', text: body.join('\n') });
      continue;
    }
    if (line.trim() === '') {
      i++;
      continue;
    }
    const h = heading.exec(line);
    if (h) {
      blocks.push({ type: 'heading', level: h[1]!.length, text: h[2]! });
      i++;
      continue;
    }
    const ordered = numbered.test(line);
    if (ordered || bullet.test(line)) {
      const pattern = ordered ? numbered : bullet;
      const items: string[] = [];
      while (i < lines.length) {
        const item = pattern.exec(lines[i]!);
        if (item) items.push(item[1]!);
        else if (lines[i]!.trim() !== '' && /^\s{2,}/.test(lines[i]!) && items.length)
          items[items.length - 1] += ` ${lines[i]!.trim()}`;
        else break;
        i++;
      }
      blocks.push({ type: 'list', ordered, items });
      continue;
    }
    const para: string[] = [];
    while (
      i < lines.length &&
      lines[i]!.trim() !== '' &&
      !fence.test(lines[i]!) &&
      !heading.test(lines[i]!) &&
      !bullet.test(lines[i]!) &&
      !numbered.test(lines[i]!)
    )
      para.push(lines[i++]!.trim());
    blocks.push({ type: 'paragraph', text: para.join(' ') });
  }
  return blocks;
}

/** Inline code first (its content is literal), then **bold** and *italic* / _italic_ in the rest. */
export function renderInline(text: string, keyPrefix = 'i'): ReactNode[] {
  const out: ReactNode[] = [];
  const code = /`([^`]+)`/g;
  let last = 0;
  let n = 0;
  for (let m = code.exec(text); m; m = code.exec(text)) {
    if (m.index > last) out.push(...emphasis(text.slice(last, m.index), `${keyPrefix}-${n++}`));
    out.push(<code key={`${keyPrefix}-c${n++}`}>{m[1]}</code>);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(...emphasis(text.slice(last), `${keyPrefix}-${n++}`));
  return out;
}

function emphasis(text: string, keyPrefix: string): ReactNode[] {
  const out: ReactNode[] = [];
  const pattern = /\*\*(.+?)\*\*|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])/g;
  let last = 0;
  let n = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1] !== undefined)
      out.push(<strong key={`${keyPrefix}-b${n++}`}>{emphasis(m[1], `${keyPrefix}-b${n}`)}</strong>);
    else out.push(<em key={`${keyPrefix}-e${n++}`}>{m[2] ?? m[3]}</em>);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      {parseBlocks(source).map((block, i) => {
        switch (block.type) {
          case 'code':
            return (
              <pre key={i} className="markdown-code" data-lang={block.lang || undefined} tabIndex={0}>
                <code>{block.text}</code>
              </pre>
            );
          case 'heading':
            return (
              <p key={i} className={`markdown-heading markdown-h${Math.min(block.level, 3)}`}>
                {renderInline(block.text, `h${i}`)}
              </p>
            );
          case 'list': {
            const List = block.ordered ? 'ol' : 'ul';
            return (
              <List key={i}>
                {block.items.map((item, j) => (
                  <li key={j}>{renderInline(item, `l${i}-${j}`)}</li>
                ))}
              </List>
            );
          }
          default:
            return <p key={i}>{renderInline(block.text, `p${i}`)}</p>;
        }
      })}
    </div>
  );
}
