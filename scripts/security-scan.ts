/**
 * `npm run security:scan [-- DIR]`: Electronegativity's static scan of the Electron code; any finding
 * fails. A finding reviewed and accepted carries an `eng-disable` comment with its reason beside it.
 */
import path from 'node:path';
import { cliMain, parseCli, projectRoot } from './cli-args';
import { scan } from './electronegativity';

cliMain('security:scan', async () => {
  const { positionals } = parseCli(process.argv.slice(2), {}, 'usage: npm run security:scan [-- DIR]');
  const input = path.resolve(projectRoot, positionals[0] ?? 'src');
  const issues = await scan(input);
  if (issues.length === 0) {
    console.log(`Electronegativity: 0 findings in ${path.relative(projectRoot, input) || '.'}`);
    return;
  }
  console.error(`Electronegativity: ${issues.length} finding(s):`);
  for (const i of issues) {
    console.error(
      `  ${i.id} (${i.severity.name}, ${i.confidence.name}) ${i.file}:${i.location?.line ?? 0} — ${i.description}`,
    );
  }
  process.exitCode = 1;
});
