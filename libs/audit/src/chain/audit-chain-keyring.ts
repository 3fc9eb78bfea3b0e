import { AuditChainKeyConfig } from '@relais/config';
import { createSecretKey } from 'node:crypto';
import { ChainKey } from '../audit-chain';

/**
 * The chain's keys from the configuration: the first signs new links and checkpoints, the others
 * verify what they signed, each found by the id stored beside what it signed. A `KeyObject` is
 * made once per key rather than on every HMAC.
 */
export class AuditChainKeyring {
  readonly current: ChainKey;
  private readonly byId: ReadonlyMap<string, ChainKey>;

  constructor(keys: readonly AuditChainKeyConfig[]) {
    if (!keys.length) throw new Error("La chaîne d'audit n'a aucune clé.");
    const chainKeys = keys.map(({ id, secret }) => ({ id, key: createSecretKey(Buffer.from(secret)) }));
    this.current = chainKeys[0];
    this.byId = new Map(chainKeys.map((key) => [key.id, key]));
  }

  find(id: string): ChainKey | undefined {
    return this.byId.get(id);
  }
}
