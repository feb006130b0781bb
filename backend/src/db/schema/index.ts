export * from './partners.ts';
export * from './customers.ts';
export * from './devices.ts';
