/**
 * The page a browser tab gets when it has no (valid) access token: a stale tab after the token was
 * rotated, a bookmark of the bare address. Self-contained HTML in the app's look, light or dark by
 * prefers-color-scheme, with no script at all (the CSP allows the inline <style>, as for the app).
 */
export function accessPage(headline: string, port: number, note?: string): string {
  const address = `http://127.0.0.1:${port}/?token=…`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Loop Coach — access expired</title>
<style>
:root {
  color-scheme: light dark;
  --bg: #f6f7f9; --surface: #ffffff; --border: #dfe3ea; --text: #1b1f27; --muted: #5a6272;
  --accent: #3a5ccc; --code-bg: #f1f3f6;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, Cantarell, 'Noto Sans', Arial, sans-serif;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #15171c; --surface: #1c1f26; --border: #2d323c; --text: #e6e8ed; --muted: #a2a9b6;
    --accent: #7b97f5; --code-bg: #181a20; }
}
body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: var(--bg); color: var(--text); }
main { max-width: 34rem; margin: 2rem; padding: 2rem 2.25rem; background: var(--surface);
  border: 1px solid var(--border); border-radius: 12px; box-shadow: 0 4px 16px rgb(20 30 50 / 8%); }
.brand { margin: 0 0 1.25rem; font-size: 0.85rem; font-weight: 600; letter-spacing: 0.04em;
  text-transform: uppercase; color: var(--accent); }
h1 { margin: 0 0 0.75rem; font-size: 1.4rem; line-height: 1.3; }
p, li { line-height: 1.55; color: var(--muted); }
ol { padding-left: 1.25rem; margin: 0.5rem 0 1rem; }
code { font-family: ui-monospace, 'SF Mono', 'DejaVu Sans Mono', Menlo, Consolas, monospace; font-size: 0.9em;
  background: var(--code-bg); border: 1px solid var(--border); border-radius: 6px; padding: 0.1em 0.35em;
  color: var(--text); overflow-wrap: anywhere; }
.kept { margin-bottom: 0; font-size: 0.92rem; }
</style>
</head>
<body>
<main>
<p class="brand">Loop Coach</p>
<h1>${escapeHtml(headline)}</h1>
${note ? `<p>${escapeHtml(note)}</p>\n` : ''}<p>Loop Coach only answers tabs that carry its access token, and this one does not (any more). To get back in:</p>
<ol>
<li>Find the terminal where <code>npm run web</code> is running (start it again if it stopped).</li>
<li>Open the address it printed after <code>open:</code> — it looks like <code>${escapeHtml(address)}</code> — in this tab.</li>
</ol>
<p class="kept">Everything already saved — sessions, recordings, reviews — is kept in the data folder.</p>
</main>
</body>
</html>
`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
