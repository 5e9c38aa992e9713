/** Types of smoke-launch.mjs (plain JS, run by CI against an installed app). */
export function packagedExecutable(projectRoot?: string, platform?: NodeJS.Platform): string | null;
export function smokeLaunch(executable: string): number;
