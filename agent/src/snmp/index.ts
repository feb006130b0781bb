export { readPrinter, STANDARD_SUBTREES } from './read-printer.ts';
export { SnmpFailure, type Credentials, type SnmpFailureReason, type Target } from './session.ts';
