// Which client speaks to which endpoint: the one client of the dedicated protocol (FriendliAI, or
// the in-process local engine) for every dedicated endpoint, and one client per `kind: "container"`
// endpoint, at its own base URL, with its own token (or none) and no team header. Every one is the
// same FriendliClient (client.ts): the same retries, timeout, abort, error mapping and caps.
import type { Config } from '../config';
import type { EndpointInfo } from '../protocol/studio';
import { createFriendliClient, type FriendliClient, type FriendliClientOptions } from './client';
import { containerNames } from './upstream-errors';

export type ClientFor = (endpoint: EndpointInfo) => FriendliClient;

export function createUpstreams(config: Pick<Config, 'containers' | 'timeoutMs'>, dedicated: FriendliClient, options: Partial<FriendliClientOptions> = {}): ClientFor {
  const containers = new Map(
    Object.entries(config.containers).map(([id, target]) => [
      id,
      createFriendliClient({ timeoutMs: config.timeoutMs, ...options, protocol: 'container', baseUrl: target.baseUrl, token: target.token, names: containerNames(id) }),
    ]),
  );
  return (endpoint) => containers.get(endpoint.id) ?? dedicated;
}

/**
 * What the start-up line says answers (never a token): FriendliAI at its base URL and each
 * container endpoint at its own, e.g. "FriendliAI at https://api.friendli.ai, endpoint ep-1;
 * Friendli Container box at http://localhost:8000".
 */
export function describeUpstreams(config: Pick<Config, 'engine' | 'baseUrl' | 'endpointId' | 'endpoints' | 'containers'>): string {
  if (config.engine === 'local') return 'local (offline preview engine; set FRIENDLI_TOKEN to use FriendliAI)';
  const parts: string[] = [];
  if (config.endpoints.some((e) => e.kind === 'dedicated')) parts.push(`FriendliAI at ${config.baseUrl}${config.endpointId && config.endpoints[0]!.kind === 'dedicated' ? `, endpoint ${config.endpointId}` : ''}`);
  for (const [id, target] of Object.entries(config.containers)) parts.push(`Friendli Container ${id} at ${target.baseUrl}${target.token ? ' (with its token)' : ''}`);
  return parts.join('; ');
}
