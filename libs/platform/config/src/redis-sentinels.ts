/** Where one sentinel listens. */
export interface RedisSentinelAddress {
  readonly host: string;
  readonly port: number;
}

/** Redis reached through Sentinel: the sentinels name the current master, REDIS_URL gives the rest. */
export interface RedisSentinelConfig {
  readonly addresses: readonly RedisSentinelAddress[];
  /** The name the sentinels monitor the master under (`sentinel monitor <name> …`). */
  readonly masterName: string;
  /** The sentinels' own password (their `requirepass`), distinct from the master's. */
  readonly password: string | undefined;
}

export const DEFAULT_SENTINEL_PORT = 26379;
export const DEFAULT_SENTINEL_MASTER = 'relais';

// A host name, an IPv4 address or a bracketed IPv6 address, then an optional port.
const HOST_PORT = /^(?:\[([0-9A-Fa-f:.]+)\]|([A-Za-z0-9._-]+))(?::(\d{1,5}))?$/;

export type SentinelAddressesParse =
  | { readonly addresses: readonly RedisSentinelAddress[]; readonly problem?: undefined }
  | { readonly addresses?: undefined; readonly problem: string };

/** `hôte:port,hôte:port` — a missing port is Sentinel's usual 26379. */
export function parseSentinelAddresses(text: string): SentinelAddressesParse {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const addresses: RedisSentinelAddress[] = [];
  for (const [index, entry] of entries.entries()) {
    const match = HOST_PORT.exec(entry);
    const port = match?.[3] === undefined ? DEFAULT_SENTINEL_PORT : Number(match[3]);
    if (!match || port < 1 || port > 65_535)
      return {
        problem: `sentinelle n° ${index + 1} : la forme attendue est hôte:port (port entre 1 et 65535), séparées par des virgules`,
      };
    addresses.push({ host: match[1] ?? match[2], port });
  }
  return { addresses };
}
