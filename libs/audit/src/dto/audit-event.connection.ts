import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { AfterCursor, ConnectionType, CursorShape } from '@relais/graphql';
import { Type } from 'class-transformer';
import { IsInt, IsUUID, Max, Min, ValidateNested } from 'class-validator';
import { AuditEventFilterInput, AuditEventObject } from './audit.objects';

/** A place in the journal: the event's position, the order events were written in. */
export const AUDIT_EVENT_CURSOR: CursorShape = [(value) => /^[1-9][0-9]{0,18}$/.test(value)];

export const AuditEventConnection = ConnectionType(AuditEventObject, {
  name: 'AuditEvent',
  description: "Une page du journal d'audit, les événements les plus récents d'abord.",
  nodeDescription: "Un événement du journal d'audit",
});

/** A page size and where the page starts, shared by the journal and the access log. */
@ArgsType()
class AuditPageArgs {
  @Field(() => Int, {
    defaultValue: 50,
    description: "Nombre d'événements par page (1 à 200), les plus récents d'abord.",
  })
  @IsInt({ message: "Le nombre d'événements est un nombre entier." })
  @Min(1, { message: 'Demandez au moins un événement.' })
  @Max(200, { message: 'Au plus 200 événements par page.' })
  first!: number;

  @AfterCursor(AUDIT_EVENT_CURSOR, {
    description:
      'Pour la page suivante : le endCursor de la page reçue ; absent, la liste commence au plus récent.',
  })
  after?: string | null;
}

/** The auditor's journal of a territory, filtered, a page at a time. */
@ArgsType()
export class AuditEventsArgs extends AuditPageArgs {
  @Field(() => AuditEventFilterInput, { description: 'Le territoire et les critères.' })
  @ValidateNested()
  @Type(() => AuditEventFilterInput)
  filter!: AuditEventFilterInput;
}

/** "Who saw this file", a page at a time. */
@ArgsType()
export class AccessLogArgs extends AuditPageArgs {
  @Field(() => ID, { description: 'Le territoire.' })
  @IsUUID('all', { message: "L'identifiant n'est pas valide." })
  territoryId!: string;

  @Field(() => ID, { description: 'La personne ou l’objet (saisine, situation…) dont on veut le journal.' })
  @IsUUID('all', { message: "L'identifiant n'est pas valide." })
  subjectId!: string;
}
