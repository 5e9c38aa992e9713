/** Words heard in a round: word metrics and expected-point coverage (pure; see docs/metrics.md). */
export * from './tokens';
export * from './habits';
export * from './metrics';
export * from './baselines';
export * from './coverage';
