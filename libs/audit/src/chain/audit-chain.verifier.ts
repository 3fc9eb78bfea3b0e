import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditChainReport, verifyAuditChain } from '../verify-audit-chain';
import { AuditChainKeyring } from './audit-chain-keyring';
import { AuditCheckpointStore } from './audit-checkpoint.store';

/** A territory's whole chain, checked with the configured keys against every stored checkpoint. */
@Injectable()
export class AuditChainVerifier {
  constructor(
    private readonly keyring: AuditChainKeyring,
    private readonly store: AuditCheckpointStore,
  ) {}

  async verify(manager: EntityManager, territoryId: string): Promise<AuditChainReport> {
    const checkpoints = await this.store.list(territoryId);
    return verifyAuditChain(manager, territoryId, { keyring: this.keyring, checkpoints });
  }
}
