/**
 * `npm run content:check [-- --dir DIR]`: validates the built-in content (or DIR on its own, or DIR
 * on top of the built-in content with --with-builtin), prints counts per kind and every problem
 * with its file and field (an expected point the coverage matcher can never reach is one), and exits
 * 1 on any problem.
 */
import path from 'node:path';
import { shippedPaths } from '../src/main/services/app-root';
import { loadContent } from '../src/main/services/content/load';
import type { ItemSpec } from '../src/shared/content';
import { expectedPointsOf } from '../src/shared/words';
import { unreachablePoints } from '../src/shared/words/coverage-reach';
import { cliMain, parseCli } from './cli-args';

async function main() {
  // --with-builtin says what a --dir check always does (DIR is checked on top of the built-in content).
  const { values } = parseCli(
    process.argv.slice(2),
    { dir: { type: 'string' }, 'with-builtin': { type: 'boolean' } },
    'usage: npm run content:check [-- --dir DIR]',
  );
  const builtinDir = shippedPaths(path.resolve(__dirname, '..')).builtinContentDir;
  let sources: { builtinDir: string; userDir?: string };
  if (values.dir !== undefined) {
    const dir = values.dir;
    // A user's folder is checked against the built-in library, so its ids and references resolve.
    sources = { builtinDir, userDir: path.resolve(dir) };
  } else {
    sources = { builtinDir };
  }
  const content = await loadContent(sources);
  const count = (kind: string, origin?: string) =>
    [...content.items.values()].filter((i) => i.kind === kind && (!origin || i.origin === origin)).length;
  const circuits = (origin?: string) =>
    [...content.circuits.values()].filter((c) => !origin || c.origin === origin).length;
  const scope = sources.userDir ? 'user' : undefined;
  console.log(
    `Checked ${content.fileCount} file(s)${sources.userDir ? ` (built-in + ${sources.userDir})` : ` in ${builtinDir}`}`,
  );
  console.log(`  loops:          ${count('loop', scope)}`);
  console.log(`  mocks:          ${count('mock', scope)}`);
  console.log(`  circuits:       ${circuits(scope)}`);
  console.log(`  question types: ${content.questionTypes.size}`);
  console.log(`  rubric:         ${content.rubric ? 'yes' : 'MISSING'}`);
  const problems = [...content.problems];
  // A point the coverage matcher can never call clearly covered is a content mistake, not a hard question.
  for (const item of content.items.values()) {
    if (scope && item.origin !== scope) continue;
    item.rounds.forEach((round, r) => {
      const problem = (field: string, message: string) =>
        problems.push({ file: item.file, field: `rounds.${r}.${field}`, message, origin: item.origin });
      for (const u of unreachablePoints(expectedPointsOf(round), round.prompt)) {
        problem(`expectedPoints.${u.index}.cues`, u.why);
        // The adaptive mode asks a probe until its point is clearly covered: here, always.
        if (round.expectedPointProbes[u.index] !== null)
          problem(
            `expectedPoints.${u.index}.probe`,
            `expected point ${u.index + 1} can never be clearly covered, so its probe would be asked in every round: fix its cues`,
          );
        round.followUps.forEach((f, i) => {
          const k = f.probes?.indexOf(u.index + 1) ?? -1;
          if (k >= 0)
            problem(
              `followUps.${i}.probes.${k}`,
              `expected point ${u.index + 1} can never be clearly covered, so this follow-up could never be skipped: fix its cues`,
            );
        });
      }
    });
  }
  const probes = probeCounts([...content.items.values()].filter((i) => !scope || i.origin === scope));
  console.log(`  follow-ups that name the points they probe: ${probes.followUps.named} of ${probes.followUps.all}`);
  console.log(`  points with cues that have a probe question: ${probes.points.named} of ${probes.points.all}`);
  if (!content.rubric)
    problems.push({ file: 'rubric.yaml', field: '', message: 'no rubric file was found', origin: 'builtin' });
  if (problems.length === 0) {
    console.log('No problems found.');
    return;
  }
  console.error(`\n${problems.length} problem(s):`);
  for (const p of problems) {
    const where =
      p.origin === 'user' && sources.userDir ? path.join(sources.userDir, p.file) : path.join(builtinDir, p.file);
    console.error(`  ${where}${p.field ? ` — ${p.field}` : ''}: ${p.message}`);
  }
  process.exitCode = 1;
}

/** How much of the content the adaptive mode can use: follow-ups naming their points, cued points with a probe. */
function probeCounts(items: ItemSpec[]) {
  const rounds = items.flatMap((i) => i.rounds);
  const followUps = rounds.flatMap((r) => r.followUps);
  const cued = rounds.flatMap((r) => r.expectedPointProbes.filter((_, p) => r.expectedPointCues[p]!.length > 0));
  return {
    followUps: { named: followUps.filter((f) => f.probes).length, all: followUps.length },
    points: { named: cued.filter((p) => p !== null).length, all: cued.length },
  };
}

cliMain('content:check', main);
