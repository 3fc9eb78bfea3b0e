import { EntityManager } from 'typeorm';
import { GENESIS_HASH } from '../audit-chain';

export interface ChainEnd {
  sequence: bigint;
  hash: string;
}

/**
 * Takes the territory's head row lock (creating the head at the genesis the first time): whoever
 * extends the chain holds it until its transaction ends, so links are never written twice.
 */
export async function lockChainHead(manager: EntityManager, territoryId: string): Promise<ChainEnd> {
  const [head] = (await manager.query(
    `INSERT INTO audit_chain_heads (territory_id, sequence, hash) VALUES ($1, 0, $2)
     ON CONFLICT (territory_id) DO UPDATE SET territory_id = EXCLUDED.territory_id
     RETURNING sequence, hash`,
    [territoryId, GENESIS_HASH],
  )) as { sequence: string; hash: string }[];
  return { sequence: BigInt(head.sequence), hash: head.hash };
}

export async function moveChainHead(
  manager: EntityManager,
  territoryId: string,
  end: ChainEnd,
): Promise<void> {
  await manager.query(`UPDATE audit_chain_heads SET sequence = $2, hash = $3 WHERE territory_id = $1`, [
    territoryId,
    end.sequence.toString(),
    end.hash,
  ]);
}
