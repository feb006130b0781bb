import agentPackage from '../package.json' with { type: 'json' };

export const AGENT_VERSION: string = (agentPackage as { version?: string }).version ?? '0.0.0';
