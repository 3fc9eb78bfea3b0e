import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, gateFields, Principal } from '@relais/access';
import { Connection, pageOf } from '@relais/graphql';
import { AuditLine, AuditQueryService } from './audit-query.service';
import { AccessLogArgs, AuditEventConnection, AuditEventsArgs } from './dto/audit-event.connection';
import { AuditEventObject, AUDIT_LINE_VIEW } from './dto/audit.objects';

/** A line as the schema shows it, through the gate: its fields only (its position is its cursor). */
function toObject(line: AuditLine): AuditEventObject {
  return gateFields(
    AuditEventObject,
    {
      id: line.id,
      territoryId: line.territoryId,
      sequence: line.sequence,
      chained: line.sequence !== null,
      occurredAt: line.occurredAt,
      actorUserId: line.actorUserId,
      actorName: line.actorName,
      requestId: line.requestId,
      action: line.action,
      subjectType: line.subjectType,
      subjectId: line.subjectId,
      personId: line.personId,
      dataCategories: line.dataCategories,
      details: JSON.stringify(line.details),
    },
    AUDIT_LINE_VIEW,
  ).value;
}

/** A page from lines read with one more than asked, each placed by its position. */
function toConnection(lines: AuditLine[], first: number): Connection<AuditEventObject> {
  return pageOf(lines, first, (line) => [line.position], toObject);
}

@Resolver()
export class AuditResolver {
  constructor(private readonly audit: AuditQueryService) {}

  @Query(() => AuditEventConnection, {
    description:
      "Le journal d'audit du territoire, filtré, les événements les plus récents d'abord, page par page (audit seulement).",
  })
  @Allow('read', 'AuditEvent')
  async auditEvents(
    @CurrentPrincipal() principal: Principal,
    @Args() args: AuditEventsArgs,
  ): Promise<Connection<AuditEventObject>> {
    return toConnection(await this.audit.listEvents(principal, args.filter, args), args.first);
  }

  @Query(() => AuditEventConnection, {
    description:
      'Qui a consulté ou modifié ce dossier, le plus récent d’abord, page par page (coordination et audit).',
  })
  @Allow('readAccessLog', 'AuditEvent')
  async accessLog(
    @CurrentPrincipal() principal: Principal,
    @Args() args: AccessLogArgs,
  ): Promise<Connection<AuditEventObject>> {
    return toConnection(
      await this.audit.accessLog(principal, args.territoryId, args.subjectId, args),
      args.first,
    );
  }
}
