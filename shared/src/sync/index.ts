export * from './merge.ts';
export * from './batch.ts';
export * from './queue.ts';
