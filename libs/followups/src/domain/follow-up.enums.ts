import { registerEnumType } from '@nestjs/graphql';
import { DataCategory } from '@relais/access';

export enum FollowUpKind {
  ASSESSMENT = 'ASSESSMENT',
  HOUSING_SUSTAINMENT = 'HOUSING_SUSTAINMENT',
}
registerEnumType(FollowUpKind, {
  name: 'FollowUpKind',
  description: 'Diagnostic-évaluation, ou maintien dans le logement.',
});

export enum RequesterKind {
  PSYCHIATRY = 'PSYCHIATRY',
  HOUSING = 'HOUSING',
  SOCIAL = 'SOCIAL',
  MEDICO_SOCIAL = 'MEDICO_SOCIAL',
  ASSOCIATION = 'ASSOCIATION',
  MUNICIPAL = 'MUNICIPAL',
}
registerEnumType(RequesterKind, { name: 'RequesterKind', description: 'Qui a demandé l’accompagnement.' });

export enum FollowUpPhase {
  ORIENTATION = 'ORIENTATION',
  ASSESSMENT = 'ASSESSMENT',
  SUPPORT = 'SUPPORT',
  HANDOFF = 'HANDOFF',
  ENDED = 'ENDED',
}
registerEnumType(FollowUpPhase, { name: 'FollowUpPhase', description: "Phase de l'accompagnement." });

export const PHASE_ORDER: readonly FollowUpPhase[] = [
  FollowUpPhase.ORIENTATION,
  FollowUpPhase.ASSESSMENT,
  FollowUpPhase.SUPPORT,
  FollowUpPhase.HANDOFF,
  FollowUpPhase.ENDED,
];

/** Forward one phase at a time; ENDED only through ending the follow-up. */
export function canMoveToPhase(from: FollowUpPhase, to: FollowUpPhase): boolean {
  return to !== FollowUpPhase.ENDED && PHASE_ORDER.indexOf(to) === PHASE_ORDER.indexOf(from) + 1;
}

export enum TeamRole {
  PATHWAY_COORDINATOR = 'PATHWAY_COORDINATOR',
  FAMILY_SOCIAL_WORKER = 'FAMILY_SOCIAL_WORKER',
  PSYCHIATRIC_PROFESSIONAL = 'PSYCHIATRIC_PROFESSIONAL',
}
registerEnumType(TeamRole, {
  name: 'TeamRole',
  description: 'Coordination du parcours (éducateur·rice), TISF, professionnel·le de psychiatrie.',
});

export enum ActType {
  HOME_VISIT = 'HOME_VISIT',
  ACCOMPANIED_APPOINTMENT = 'ACCOMPANIED_APPOINTMENT',
  PHONE = 'PHONE',
  PARTNER_MEETING = 'PARTNER_MEETING',
  OTHER = 'OTHER',
}
registerEnumType(ActType, { name: 'ActType', description: "Type d'acte." });

export enum NoteVisibility {
  TEAM = 'TEAM',
  HEALTH = 'HEALTH',
}
registerEnumType(NoteVisibility, {
  name: 'NoteVisibility',
  description: "Note lisible par toute l'équipe, ou par les seuls professionnels de santé.",
});

/** A note is as secret as its audience: the team's notes are confidential, health notes secret. */
export const NOTE_CATEGORY: Record<NoteVisibility, DataCategory> = {
  TEAM: DataCategory.SOCIAL_CONFIDENTIAL,
  HEALTH: DataCategory.HEALTH_SECRET,
};

export enum VacancyReason {
  NOT_ASSIGNED = 'NOT_ASSIGNED',
  SUSPENDED = 'SUSPENDED',
  ROLE_LOST = 'ROLE_LOST',
  LEFT_ORGANISATION = 'LEFT_ORGANISATION',
  NOT_A_HEALTH_PROFESSIONAL = 'NOT_A_HEALTH_PROFESSIONAL',
}
registerEnumType(VacancyReason, {
  name: 'VacancyReason',
  description: 'Pourquoi un rôle de l’équipe est vacant.',
});

export enum ObjectiveStatus {
  OPEN = 'OPEN',
  ACHIEVED = 'ACHIEVED',
  ABANDONED = 'ABANDONED',
}
registerEnumType(ObjectiveStatus, {
  name: 'ObjectiveStatus',
  description: 'Objectif en cours, atteint ou abandonné.',
});
