/**
 * `--smoke-test`: what an installed app must manage before it shows a window — open the data
 * folder, bring its database up to the newest migration, load the built-in content — then stop.
 * The packaged app runs it in CI after installing (exit 0, or 1 with the reason); a unit test runs
 * it under Node against a real temp folder. Paths come in as arguments; nothing here needs Electron.
 */
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { createLoopCoach, type AppOptions, type LoopCoach } from './app';

export type SmokeTestOptions = Pick<
  AppOptions,
  'dataDir' | 'builtinContentDir' | 'contentSnapshotFile' | 'migrationsDir' | 'transport' | 'version' | 'now'
> & { launchAnalysis?: AppOptions['launchAnalysis'] };

export type SmokeTestResult = {
  ok: boolean;
  /** One line for the terminal: what was checked, or what failed. */
  line: string;
};

export async function runSmokeTest(options: SmokeTestOptions): Promise<SmokeTestResult> {
  let app: LoopCoach | null = null;
  try {
    app = await createLoopCoach(options);
    const known = readMigrationFiles({ migrationsFolder: options.migrationsDir }).length;
    const applied = (app.db.$client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number }).n;
    if (applied !== known) throw new Error(`the database has ${applied} of the app's ${known} migrations`);
    const content = app.content();
    const broken = content.problems.filter((p) => p.origin === 'builtin');
    if (broken.length > 0) {
      const first = broken[0]!;
      throw new Error(
        `the built-in content has ${broken.length} problem(s); first: ${first.file}` +
          `${first.field ? ` (${first.field})` : ''}: ${first.message}`,
      );
    }
    if (content.items.size === 0) throw new Error(`no loop or mock was loaded from ${options.builtinContentDir}`);
    return {
      ok: true,
      line:
        `Loop Coach ${options.version} smoke test passed: data folder ${app.paths.dataDir}, database at ` +
        `migration ${applied} of ${known}, ${content.items.size} loops and mocks and ${content.circuits.size} ` +
        'circuits loaded.',
    };
  } catch (error) {
    return { ok: false, line: `Loop Coach smoke test failed: ${(error as Error).message}` };
  } finally {
    app?.close();
  }
}
