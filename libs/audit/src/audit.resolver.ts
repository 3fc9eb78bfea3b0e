import { ParseUUIDPipe } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, gateFields, Principal } from '@relais/access';
import { InputValidationException } from '@relais/graphql';
import { AuditQueryService, AuditEventView } from './audit-query.service';
import { AuditEventFilterInput, AuditEventObject, AUDIT_LINE_VIEW } from './dto/audit.objects';

const uuid = (field: string) =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      new InputValidationException([{ field, message: "L'identifiant n'est pas valide." }]),
  });

function toObject(event: AuditEventView): AuditEventObject {
  return gateFields(AuditEventObject, { ...event, details: JSON.stringify(event.details) }, AUDIT_LINE_VIEW)
    .value;
}

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditQueryService) {}

  @Query(() => [AuditEventObject], {
    description: "Le journal d'audit du territoire, filtré (audit seulement).",
  })
  @Allow('read', 'AuditEvent')
  async auditEvents(
    @CurrentPrincipal() principal: Principal,
    @Args('filter', { description: 'Le territoire et les critères.' }) filter: AuditEventFilterInput,
  ): Promise<AuditEventObject[]> {
    return (await this.audit.listEvents(principal, filter)).map(toObject);
  }

  @Query(() => [AuditEventObject], {
    description: 'Qui a consulté ou modifié ce dossier (coordination et audit).',
  })
  @Allow('readAccessLog', 'AuditEvent')
  async accessLog(
    @CurrentPrincipal() principal: Principal,
    @Args('territoryId', { type: () => ID, description: 'Le territoire.' }, uuid('territoryId'))
    territoryId: string,
    @Args(
      'subjectId',
      {
        type: () => ID,
        description: 'La personne ou l’objet (saisine, situation…) dont on veut le journal.',
      },
      uuid('subjectId'),
    )
    subjectId: string,
  ): Promise<AuditEventObject[]> {
    return (await this.audit.accessLog(principal, territoryId, subjectId)).map(toObject);
  }
}
