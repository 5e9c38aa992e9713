/** Types of electron-binary.mjs (plain JS so it runs before anything is built or transpiled). */
export type ElectronBinary = { ok: true; executable: string } | { ok: false; reason: string };
export function electronBinary(projectRoot?: string, env?: NodeJS.ProcessEnv): ElectronBinary;
