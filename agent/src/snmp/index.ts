export { identifyHost, type Gate, type IdentifiedHost, type IdentityPlan } from './identify-host.ts';
export { toSessionCredentials } from './credentials.ts';
export { readPrinter, STANDARD_SUBTREES } from './read-printer.ts';
export { SnmpFailure, type Credentials, type SnmpFailureReason, type Target } from './session.ts';
