#!/usr/bin/env node
// Runs the TypeScript CLI in this process through the tsx installed with the workspace (Node 20 cannot
// run .ts itself). In-process, so a service manager's SIGTERM reaches the daemon and its exit code comes back.
// Installed agents run the single bundled file dist/parc-agent.mjs instead (npm run build -w @parc/agent).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
