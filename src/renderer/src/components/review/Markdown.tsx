/**
 * Reference answers as Markdown: CommonMark with GFM tables (remark-gfm) and TeX math between `$…$`
 * or `$$…$$` (remark-math, typeset by KaTeX as MathML, which Chromium draws natively: no fonts, no
 * stylesheet, no inline styles). Raw HTML in the content is dropped (skipHtml), never interpreted.
 * Links do not navigate: the app opens no external pages, so a link shows its text and its address.
 */
import ReactMarkdown, { type Components } from 'react-markdown';
import rehypeKatex from 'rehype-katex';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import './Markdown.css';

/** Headings stay paragraphs in the review's outline (the panel has its own heading). */
const heading =
  (level: number): Components['h1'] =>
  ({ children }) => <p className={`markdown-heading markdown-h${Math.min(level, 3)}`}>{children}</p>;

const components: Components = {
  h1: heading(1),
  h2: heading(2),
  h3: heading(3),
  h4: heading(4),
  h5: heading(5),
  h6: heading(6),
  a: ({ href, children }) => (
    <span className="markdown-link">
      {children}
      {href && href !== String(children) ? <span className="markdown-url"> ({href})</span> : null}
    </span>
  ),
  img: ({ alt, src }) => (
    <span className="markdown-link">
      {alt || 'image'}
      {typeof src === 'string' && src ? <span className="markdown-url"> ({src})</span> : null}
    </span>
  ),
  pre: ({ children }) => (
    <pre className="markdown-code" tabIndex={0}>
      {children}
    </pre>
  ),
  table: ({ children }) => (
    <div className="markdown-table" tabIndex={0}>
      <table>{children}</table>
    </div>
  ),
};

const remarkPlugins = [remarkGfm, remarkMath];
// MathML only: KaTeX's HTML output needs its stylesheet and web fonts.
const rehypePlugins: NonNullable<Parameters<typeof ReactMarkdown>[0]['rehypePlugins']> = [
  [rehypeKatex, { output: 'mathml', throwOnError: false, strict: false }],
];

export function Markdown({ source }: { source: string }) {
  return (
    <div className="markdown">
      <ReactMarkdown skipHtml remarkPlugins={remarkPlugins} rehypePlugins={rehypePlugins} components={components}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
