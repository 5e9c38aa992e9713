/**
 * Reference answers rendered to HTML as React renders them: GFM tables, TeX math as MathML, raw HTML
 * dropped, links shown as text with their address and never as something that navigates.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { Markdown } from '../../../../../src/renderer/src/components/review/Markdown';
import { builtinContentDir } from '../../../../support/temp';

const html = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe('reference answer Markdown', () => {
  it('renders a GFM table with its header and cells', () => {
    const out = html('| Loss | Gradient |\n| --- | --- |\n| cross-entropy | `p - y` |\n| MSE | small when saturated |');
    expect(out).toContain('<table>');
    expect(out).toMatch(/<th[^>]*>Loss<\/th>/);
    expect(out).toMatch(/<td[^>]*><code>p - y<\/code><\/td>/);
    expect(out.match(/<tr>/g)).toHaveLength(3);
  });

  it('typesets inline and display math as MathML, with the TeX kept as its annotation', () => {
    const out = html('With $p = \\sigma(z)$:\n\n$$\n\\frac{\\partial L}{\\partial z} = p - y\n$$');
    const maths = out.match(/<math[^>]*>/g) ?? [];
    expect(maths).toHaveLength(2);
    expect(maths[1]).toContain('display="block"');
    expect(out).toContain('<mi>σ</mi>');
    expect(out).toContain('<mfrac>');
    expect(out).toContain('<annotation encoding="application/x-tex">p = \\sigma(z)</annotation>');
    // MathML only: no KaTeX HTML layer that would need its stylesheet and fonts.
    expect(out).not.toContain('katex-html');
  });

  it('shows a formula KaTeX cannot parse as its source instead of failing the panel', () => {
    const out = html('Broken: $\\frac{1}{$ and on.');
    expect(out).toContain('and on.');
    expect(out).toContain('\\frac{1}{');
  });

  it('drops raw HTML instead of rendering it', () => {
    const out = html(
      'Before <script>alert(1)</script> <img src=x onerror="alert(2)"> <b>bold</b>\n\n<div onclick="x()">block</div>\n\nafter',
    );
    expect(out).not.toMatch(/<script|<img|<b>|<div onclick|onerror|onclick/);
    expect(out).toContain('after');
  });

  it('shows links as text with their address, never as a link', () => {
    const out = html(
      'See [the paper](https://arxiv.org/abs/1706.03762), [bad](javascript:alert(1)), <https://example.com> and ![chart](https://example.com/x.png).',
    );
    expect(out).not.toMatch(/<a[\s>]|href=|<img|javascript:/);
    expect(out).toContain('the paper<span class="markdown-url"> (https://arxiv.org/abs/1706.03762)</span>');
    expect(out).toContain('https://example.com');
    expect(out).toContain('chart<span class="markdown-url"> (https://example.com/x.png)</span>');
  });

  it('keeps what the old renderer did: bold, italic, lists, code blocks, headings as paragraphs', () => {
    const out = html(
      '# Title\n\n**Core idea.** *hashing*\n\n- one\n- two\n\n1. first\n\n```python\nreturn hash(key) % n\n```',
    );
    expect(out).toContain('<p class="markdown-heading markdown-h1">Title</p>');
    expect(out).toContain('<strong>Core idea.</strong> <em>hashing</em>');
    expect(out).toMatch(/<ul>\s*<li>one<\/li>\s*<li>two<\/li>\s*<\/ul>/);
    expect(out).toMatch(/<ol>\s*<li>first<\/li>\s*<\/ol>/);
    expect(out).toContain(
      '<pre class="markdown-code" tabindex="0"><code class="language-python">return hash(key) % n\n</code></pre>',
    );
  });
});

describe('the built-in reference answers', () => {
  /** Every referenceAnswer anywhere in the built-in content files. */
  function referenceAnswers(): { file: string; text: string }[] {
    const found: { file: string; text: string }[] = [];
    const walk = (value: unknown, file: string): void => {
      if (Array.isArray(value)) value.forEach((v) => walk(v, file));
      else if (value && typeof value === 'object')
        for (const [key, v] of Object.entries(value)) {
          if (key === 'referenceAnswer' && typeof v === 'string') found.push({ file, text: v });
          else walk(v, file);
        }
    };
    for (const file of fs.readdirSync(builtinContentDir, { recursive: true, encoding: 'utf8' }))
      if (file.endsWith('.yaml')) walk(parse(fs.readFileSync(path.join(builtinContentDir, file), 'utf8')), file);
    return found;
  }

  it('all typeset without a TeX error, and the converted ones hold their formulas and table', () => {
    const answers = referenceAnswers();
    expect(answers.length).toBeGreaterThan(50);
    const rendered = new Map(answers.map(({ file, text }) => [path.basename(file), html(text)]));
    for (const [file, out] of rendered) expect(out, file).not.toMatch(/katex-error|<merror/);
    expect(rendered.get('log-sum-exp-trick.yaml')).toMatch(/<math[^>]*display="block"/);
    expect(rendered.get('loop-cross-entropy-vs-mse.yaml')).toContain('<mfrac>');
    expect(rendered.get('breadth-attention-sqrt-dk-scaling.yaml')).toContain('<msqrt>');
    expect(rendered.get('in-batch-vs-hard-negatives.yaml')).toContain('<table>');
    expect(rendered.get('adam-bias-correction.yaml')).toContain('<munderover>');
    expect(rendered.get('breadth-cohens-kappa.yaml')).toContain('<table>');
    expect(rendered.get('breadth-softmax-cross-entropy-gradient.yaml')).toMatch(/<math[^>]*display="block"/);
  });
});
