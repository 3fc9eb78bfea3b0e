import { Injectable, Logger } from '@nestjs/common';
import { AccessException, AccessService, asSubject, Principal } from '@relais/access';
import { Clock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { AuditChainProblem, verifyAuditChain } from '../verify-audit-chain';
import { AuditChainKeyring } from './audit-chain-keyring';
import { AuditCheckpoint, checkpointSignature, signCheckpoint } from './audit-checkpoint';
import { AuditCheckpointStore } from './audit-checkpoint.store';
import { AuditEventChainer } from './audit-event.chainer';

export type AuditCheckpointOutcome =
  | { status: 'WRITTEN' | 'UNCHANGED'; checkpoint: AuditCheckpoint }
  | { status: 'EMPTY' }
  | { status: 'REFUSED'; problem: AuditChainProblem; sequence: string };

export interface AuditCheckpointRound {
  written: number;
  unchanged: number;
  refused: number;
  failed: number;
}

/**
 * Seals each territory's chain outside the database: a checkpoint signed with the current key
 * attests the last sequence and head hash. Only a chain that extends the previous checkpoint with
 * valid links is sealed, so a checkpoint never vouches for a rewritten history.
 */
@Injectable()
export class AuditCheckpointService {
  private readonly logger = new Logger('AuditCheckpoints');

  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly keyring: AuditChainKeyring,
    private readonly store: AuditCheckpointStore,
    private readonly clock: Clock,
    private readonly chainer: AuditEventChainer,
  ) {}

  /** The periodic round: every territory, one after the other; a refusal is logged as an error. */
  async checkpointAll(): Promise<AuditCheckpointRound> {
    const round: AuditCheckpointRound = { written: 0, unchanged: 0, refused: 0, failed: 0 };
    for (const territoryId of await this.database.allTerritoryIds()) {
      try {
        const outcome = await this.checkpoint(territoryId);
        if (outcome.status === 'WRITTEN') round.written += 1;
        else if (outcome.status === 'REFUSED') {
          round.refused += 1;
          this.logger.error({
            msg: "Chaîne d'audit non scellée : elle ne prolonge pas le dernier point de contrôle",
            territoryId,
            problem: outcome.problem,
            sequence: outcome.sequence,
          });
        } else round.unchanged += 1;
      } catch (error) {
        round.failed += 1;
        this.logger.error({ err: error, territoryId, msg: "Point de contrôle d'audit non écrit" });
      }
    }
    return round;
  }

  /** On an auditor's demand, between two periodic rounds (before an inspection, say). */
  async checkpointFor(principal: Principal, territoryId: string): Promise<AuditCheckpointOutcome> {
    if (!this.access.can(principal, 'verify', asSubject('AuditEvent', { territoryId }))) {
      throw new AccessException('FORBIDDEN');
    }
    const outcome = await this.checkpoint(territoryId);
    if (outcome.status === 'REFUSED') {
      this.logger.warn({
        msg: "Chaîne d'audit non scellée à la demande : elle ne prolonge pas le dernier point de contrôle",
        territoryId,
        problem: outcome.problem,
        sequence: outcome.sequence,
      });
    }
    return outcome;
  }

  async checkpoint(territoryId: string): Promise<AuditCheckpointOutcome> {
    // The reads waiting to be chained are sealed with the rest, rather than an hour later.
    await this.chainer.chainTerritory(territoryId);
    const stored = await this.store.list(territoryId);
    const trusted = stored
      .map(({ checkpoint }) => checkpoint)
      .filter((checkpoint): checkpoint is AuditCheckpoint => !!checkpoint)
      .filter((checkpoint) => checkpointSignature(this.keyring, checkpoint) === 'VALID')
      .reduce<AuditCheckpoint | undefined>(
        (latest, checkpoint) =>
          !latest || BigInt(checkpoint.sequence) >= BigInt(latest.sequence) ? checkpoint : latest,
        undefined,
      );
    // Only the links written since the last trusted checkpoint are walked (all of them the first time).
    const report = await this.database.run({ territoryIds: [territoryId] }, (manager) =>
      verifyAuditChain(manager, territoryId, {
        keyring: this.keyring,
        after: trusted && { sequence: trusted.sequence, hash: trusted.headHash },
        // A checkpoint attests the chain only; verification reports a changed unchained event.
        unchained: false,
      }),
    );
    if (report.firstBroken) {
      return {
        status: 'REFUSED',
        problem: report.firstBroken.problem,
        sequence: report.firstBroken.sequence ?? report.end.sequence,
      };
    }
    if (report.end.sequence === '0') return { status: 'EMPTY' };
    if (trusted && trusted.sequence === report.end.sequence)
      return { status: 'UNCHANGED', checkpoint: trusted };
    const checkpoint = signCheckpoint(this.keyring.current, {
      territoryId,
      sequence: report.end.sequence,
      headHash: report.end.hash,
      takenAt: this.clock.now().toISOString(),
    });
    // Another writer may have sealed the same sequence a moment before: theirs stays.
    return { status: (await this.store.append(checkpoint)) ? 'WRITTEN' : 'UNCHANGED', checkpoint };
  }
}
