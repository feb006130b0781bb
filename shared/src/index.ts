export * from './errors.ts';
export * from './meters/counters.ts';
