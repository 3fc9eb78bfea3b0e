import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, Principal } from '@relais/access';
import { InputValidationException } from '@relais/graphql';
import { AuditQueryService } from '../audit-query.service';
import {
  AuditChainProblemKind,
  AuditChainReportObject,
  AuditCheckpointResultObject,
  AuditCheckpointStatus,
} from './audit-chain.objects';
import { AuditCheckpointService } from './audit-checkpoint.service';

const territoryIdPipe = new ParseUUIDPipe({
  exceptionFactory: () =>
    new InputValidationException([{ field: 'territoryId', message: "L'identifiant n'est pas valide." }]),
});

@Resolver()
export class AuditChainResolver {
  constructor(
    private readonly audit: AuditQueryService,
    private readonly checkpoints: AuditCheckpointService,
  ) {}

  @Query(() => AuditChainReportObject, {
    description:
      "Vérifie l'intégrité de la chaîne d'audit du territoire : chaque maillon avec sa clé, et la chaîne contre chaque point de contrôle signé conservé hors de la base (audit seulement).",
  })
  @Allow('verify', 'AuditEvent')
  async auditChainVerification(
    @CurrentPrincipal() principal: Principal,
    @Args('territoryId', { type: () => ID, description: 'Le territoire.' }, territoryIdPipe)
    territoryId: string,
  ): Promise<AuditChainReportObject> {
    const report = await this.audit.verifyChain(principal, territoryId);
    return {
      valid: report.valid,
      checkedEvents: report.checkedEvents,
      firstBrokenSequence: report.firstBroken?.sequence ?? null,
      firstBrokenEventId: report.firstBroken?.eventId ?? null,
      problem: (report.firstBroken?.problem as AuditChainProblemKind | undefined) ?? null,
      legacyEvents: report.legacyEvents,
      keyIds: report.keyIds,
      checkpointSequence: report.checkpoint?.sequence ?? null,
      checkpointTakenAt: report.checkpoint?.takenAt ?? null,
      checkpointsCompared: report.checkpointsCompared,
      invalidCheckpoints: report.invalidCheckpoints,
      unchainedEvents: report.unchainedEvents,
    };
  }

  @Mutation(() => AuditCheckpointResultObject, {
    description:
      "Scelle maintenant la chaîne d'audit du territoire : écrit hors de la base un point de contrôle signé, si la chaîne prolonge le précédent par des maillons valides (audit seulement).",
  })
  @Allow('verify', 'AuditEvent')
  async sealAuditChain(
    @CurrentPrincipal() principal: Principal,
    @Args('territoryId', { type: () => ID, description: 'Le territoire.' }, territoryIdPipe)
    territoryId: string,
  ): Promise<AuditCheckpointResultObject> {
    const outcome = await this.checkpoints.checkpointFor(principal, territoryId);
    switch (outcome.status) {
      case 'WRITTEN':
      case 'UNCHANGED':
        return {
          status: AuditCheckpointStatus[outcome.status],
          sequence: outcome.checkpoint.sequence,
          takenAt: new Date(outcome.checkpoint.takenAt),
          keyId: outcome.checkpoint.keyId,
          problem: null,
        };
      case 'EMPTY':
        return {
          status: AuditCheckpointStatus.EMPTY,
          sequence: null,
          takenAt: null,
          keyId: null,
          problem: null,
        };
      case 'REFUSED':
        return {
          status: AuditCheckpointStatus.REFUSED,
          sequence: outcome.sequence,
          takenAt: null,
          keyId: null,
          problem: outcome.problem as AuditChainProblemKind,
        };
    }
  }
}
