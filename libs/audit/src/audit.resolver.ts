import { Args, Query, Resolver } from '@nestjs/graphql';
import { Allow, CurrentPrincipal, gateFields, Principal } from '@relais/access';
import { Connection, pageOf } from '@relais/graphql';
import { AuditQueryService, AuditEventView } from './audit-query.service';
import { AccessLogArgs, AuditEventConnection, AuditEventsArgs } from './dto/audit-event.connection';
import { AuditEventObject, AUDIT_LINE_VIEW } from './dto/audit.objects';

function toObject(event: AuditEventView): AuditEventObject {
  return gateFields(
    AuditEventObject,
    { ...event, chained: event.sequence !== null, details: JSON.stringify(event.details) },
    AUDIT_LINE_VIEW,
  ).value;
}

/** A page from events read with one more than asked, each placed by its position. */
function toConnection(events: AuditEventView[], first: number): Connection<AuditEventObject> {
  return pageOf(events, first, (event) => [event.position], toObject);
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
