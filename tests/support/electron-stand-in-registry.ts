/**
 * One stand-in per process, however many times the module is evaluated (vi.resetModules, a fresh
 * import of the preload or the entry): every copy shares the same registrations and singletons.
 */
const registry = ((globalThis as Record<symbol, Record<string, unknown>>)[
  Symbol.for('loop-coach.electron-stand-in')
] ??= {});
export function shared<T>(name: string, make: () => T): T {
  return (registry[name] ??= make()) as T;
}
