/** Random and hostile values for fuzzing the contract: traversal strings, prototype keys, odd numbers. */
export { seededRandom as prng } from '../../bench/seed-history';

export const hostileStrings = [
  '../../../../etc/passwd',
  '..\\..\\..\\Windows\\win.ini',
  '/etc/passwd',
  'recordings/../../secret.txt',
  '%2e%2e%2f%2e%2e%2fsecret.txt',
  'a\u0000b',
  '',
  ' ',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  "'; DROP TABLE sessions; --",
  '😀'.repeat(50),
  'x'.repeat(70_000),
  '00000000-0000-4000-8000-000000000000',
  'lru-cache',
  'file:///etc/passwd',
  'app://loop-coach/../../etc',
];

export const hostileNumbers = [
  0,
  -1,
  1,
  2 ** 31,
  -(2 ** 53),
  Number.MAX_SAFE_INTEGER,
  1e308,
  -0,
  0.5,
  NaN,
  Infinity,
  -Infinity,
];

export function hostileValue(random: () => number, depth = 0): unknown {
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  switch (Math.floor(random() * (depth > 3 ? 6 : 9))) {
    case 0:
      return pick(hostileStrings);
    case 1:
      return pick(hostileNumbers);
    case 2:
      return pick([true, false, null, undefined]);
    case 3:
      return new Uint8Array(Math.floor(random() * 64)).map(() => Math.floor(random() * 256));
    case 4:
      return random().toString(36).slice(2);
    case 5:
      return Math.floor(random() * 2000) - 1000;
    case 6:
      return Array.from({ length: Math.floor(random() * 5) }, () => hostileValue(random, depth + 1));
    case 7: {
      const obj: Record<string, unknown> = {};
      for (let i = 0; i < Math.floor(random() * 5); i++) {
        setOwn(
          obj,
          pick([...hostileStrings.slice(0, 12), 'id', 'roundId', 'sessionId', 'data']),
          hostileValue(random, depth + 1),
        );
      }
      return obj;
    }
    default:
      return JSON.parse(
        '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
      ) as unknown;
  }
}

/** A valid input with one field replaced by something hostile. */
export function mutate(valid: Record<string, unknown>, random: () => number): unknown {
  const keys = Object.keys(valid);
  const copy: Record<string, unknown> = { ...valid };
  if (keys.length === 0 || random() < 0.2)
    setOwn(copy, hostileStrings[Math.floor(random() * 12)]!, hostileValue(random));
  else setOwn(copy, keys[Math.floor(random() * keys.length)]!, hostileValue(random));
  return copy;
}

/** An own property even for "__proto__", as JSON.parse and structured clone deliver it. */
function setOwn(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
