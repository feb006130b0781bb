#!/usr/bin/env node
// Copies the agent's downloads (what the console links as /downloads/<file>) into the static assets
// the Worker serves (wrangler.toml [assets]): pwa/dist/downloads/. Run by `npm run build` after the
// PWA and the agent are built; the Node server serves the same files from agent/dist directly.
// Usage: node scripts/agent-downloads.mjs [assets folder, default pwa/dist]
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const AGENT_DIST = join(ROOT, 'agent/dist');
export const PWA_DIST = join(ROOT, 'pwa/dist');
/** The files the console links: the single-file agent for Node (agent/scripts/build.mjs). */
export const AGENT_DOWNLOADS = ['parc-agent.mjs'];

/** Copies every built download into `<assets>/downloads/`; throws naming what is not built. */
export function copyAgentDownloads(assets = PWA_DIST, agentDist = AGENT_DIST) {
  if (!existsSync(assets)) throw new Error(`${assets} is missing: build the PWA first (npm run build -w @parc/pwa).`);
  const missing = AGENT_DOWNLOADS.filter((file) => !existsSync(join(agentDist, file)));
  if (missing.length > 0) throw new Error(`${missing.join(', ')} not built in ${agentDist}: run npm run build -w @parc/agent.`);
  mkdirSync(join(assets, 'downloads'), { recursive: true });
  for (const file of AGENT_DOWNLOADS) copyFileSync(join(agentDist, file), join(assets, 'downloads', file));
  return AGENT_DOWNLOADS.map((file) => join(assets, 'downloads', file));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    for (const path of copyAgentDownloads(process.argv[2] ?? PWA_DIST)) console.log(`copied ${path}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
