export * from './partners.ts';
export * from './customers.ts';
export * from './devices.ts';
export * from './links.ts';
export * from './meters.ts';
