/** The time-allocation maths lives in src/shared (the main side computes it for session:allocation). */
export { secondTicks, timeAllocation, type TimeAllocation } from '@shared/time-allocation';
