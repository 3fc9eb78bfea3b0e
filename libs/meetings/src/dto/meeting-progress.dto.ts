import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ActionObject } from '@relais/situations';
import { AttendanceObject, DecisionObject, MinutesItemObject } from './minutes.dto';

@ObjectType('MeetingProgressDecision', {
  description: 'Une décision enregistrée sur un point, avec les actions qui en découlent.',
})
export class MeetingProgressDecisionObject {
  @Field(() => DecisionObject, { description: 'La décision, telle que la coordination la lit.' })
  decision!: DecisionObject;

  @Field(() => [ActionObject], {
    description: 'Ses actions : à qui (partenaire, personne) et pour quand.',
  })
  actions!: ActionObject[];
}

@ObjectType('MeetingProgressItem', {
  description: 'Où en est un point de la séance : enregistré ou non, et ce qui l’a été.',
})
export class MeetingProgressItemObject {
  @Field(() => ID, { description: 'Le point de l’ordre du jour.' })
  itemId!: string;

  @Field(() => Int, { description: 'Rang du point dans la séance.' })
  position!: number;

  @Field(() => Date, {
    nullable: true,
    description: 'Quand l’examen du point a été enregistré ; null : pas encore.',
  })
  recordedAt!: Date | null;

  @Field(() => [ID], {
    description: 'Les personnes enregistrées dans la salle pendant ce point ; vide tant qu’il ne l’est pas.',
  })
  presentUserIds!: string[];

  @Field(() => MinutesItemObject, {
    nullable: true,
    description:
      'Ce qui a été enregistré (synthèse, décisions et leurs actions, prochain réexamen), tel que la coordination le lit ; null tant que le point ne l’est pas.',
  })
  record!: MinutesItemObject | null;

  @Field(() => [MeetingProgressDecisionObject], {
    description:
      'Les décisions enregistrées, chacune avec ses actions ; vide tant que le point ne l’est pas.',
  })
  decisions!: MeetingProgressDecisionObject[];
}

@ObjectType('MeetingProgress', {
  description:
    'Ce qui est déjà enregistré d’une séance en cours : les présences et chaque point. Pour la coordination, qui tient la séance.',
})
export class MeetingProgressObject {
  @Field(() => ID, { description: 'La séance.' })
  meetingId!: string;

  @Field({ description: 'Des présences ont été enregistrées pour cette séance.' })
  attendanceRecorded!: boolean;

  @Field(() => [AttendanceObject], {
    description:
      'Les présences enregistrées : la personne, son organisation, présente, excusée ou représentée.',
  })
  attendance!: AttendanceObject[];

  @Field(() => [MeetingProgressItemObject], { description: 'Les points de la séance, dans leur ordre.' })
  items!: MeetingProgressItemObject[];
}
