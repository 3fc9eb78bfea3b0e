import { registerEnumType } from '@nestjs/graphql';
import { DataCategory } from '@relais/access';

export enum FollowUpKind {
  ASSESSMENT = 'ASSESSMENT',
  HOUSING_SUSTAINMENT = 'HOUSING_SUSTAINMENT',
}
registerEnumType(FollowUpKind, {
  name: 'FollowUpKind',
  description: 'Diagnostic-évaluation, ou maintien dans le logement.',
  valuesMap: {
    ASSESSMENT: {
      description:
        'Diagnostic-évaluation : évaluer, et aider la personne à accéder aux soins de son secteur.',
    },
    HOUSING_SUSTAINMENT: {
      description: 'Maintien dans le logement ou retour à domicile, souvent après une hospitalisation.',
    },
  },
});

export enum RequesterKind {
  PSYCHIATRY = 'PSYCHIATRY',
  HOUSING = 'HOUSING',
  SOCIAL = 'SOCIAL',
  MEDICO_SOCIAL = 'MEDICO_SOCIAL',
  ASSOCIATION = 'ASSOCIATION',
  MUNICIPAL = 'MUNICIPAL',
}
registerEnumType(RequesterKind, {
  name: 'RequesterKind',
  description: 'Qui a demandé l’accompagnement.',
  valuesMap: {
    PSYCHIATRY: { description: 'Une équipe de psychiatrie.' },
    HOUSING: { description: 'Un bailleur.' },
    SOCIAL: { description: 'Un service social (CCAS…).' },
    MEDICO_SOCIAL: { description: 'Un partenaire médico-social.' },
    ASSOCIATION: { description: 'Une association.' },
    MUNICIPAL: { description: 'La mairie.' },
  },
});

export enum FollowUpPhase {
  ORIENTATION = 'ORIENTATION',
  ASSESSMENT = 'ASSESSMENT',
  SUPPORT = 'SUPPORT',
  HANDOFF = 'HANDOFF',
  ENDED = 'ENDED',
}
registerEnumType(FollowUpPhase, {
  name: 'FollowUpPhase',
  description: "Phase de l'accompagnement, franchies une à une dans cet ordre.",
  valuesMap: {
    ORIENTATION: { description: 'Orientation : première phase, au démarrage.' },
    ASSESSMENT: { description: 'Évaluation.' },
    SUPPORT: { description: "Soutien : suppose les trois rôles de l'équipe tenus." },
    HANDOFF: { description: 'Passage de relais vers le droit commun.' },
    ENDED: { description: "Terminé : seulement en terminant l'accompagnement." },
  },
});

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
  valuesMap: {
    PATHWAY_COORDINATOR: { description: 'Coordination du parcours : un·e éducateur·rice spécialisé·e.' },
    FAMILY_SOCIAL_WORKER: { description: 'Technicien·ne de l’intervention sociale et familiale (TISF).' },
    PSYCHIATRIC_PROFESSIONAL: {
      description: 'Professionnel·le de psychiatrie, infirmier·e ou médecin : un professionnel de santé.',
    },
  },
});

export enum ActType {
  HOME_VISIT = 'HOME_VISIT',
  ACCOMPANIED_APPOINTMENT = 'ACCOMPANIED_APPOINTMENT',
  PHONE = 'PHONE',
  PARTNER_MEETING = 'PARTNER_MEETING',
  OTHER = 'OTHER',
}
registerEnumType(ActType, {
  name: 'ActType',
  description: "Type d'acte.",
  valuesMap: {
    HOME_VISIT: { description: 'Visite à domicile.' },
    ACCOMPANIED_APPOINTMENT: { description: 'Accompagnement de la personne à un rendez-vous.' },
    PHONE: { description: 'Appel téléphonique.' },
    PARTNER_MEETING: { description: 'Rencontre avec un partenaire.' },
    OTHER: { description: 'Autre acte.' },
  },
});

export enum NoteVisibility {
  TEAM = 'TEAM',
  HEALTH = 'HEALTH',
}
registerEnumType(NoteVisibility, {
  name: 'NoteVisibility',
  description: "Note lisible par toute l'équipe, ou par les seuls professionnels de santé.",
  valuesMap: {
    TEAM: { description: "Lisible par toute l'équipe (confidentiel social)." },
    HEALTH: {
      description:
        "Lisible par les seuls professionnels de santé de l'équipe (secret médical) ; écrite par l'un d'eux.",
    },
  },
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
  valuesMap: {
    NOT_ASSIGNED: { description: "Personne n'est affecté à ce rôle aujourd'hui." },
    SUSPENDED: { description: 'Le titulaire est suspendu, ou n’est plus membre du territoire.' },
    ROLE_LOST: { description: 'Le titulaire n’a plus le rôle d’accompagnement.' },
    LEFT_ORGANISATION: {
      description: 'Le titulaire a quitté l’organisation pour laquelle il tenait ce rôle.',
    },
    NOT_A_HEALTH_PROFESSIONAL: {
      description: 'Le titulaire du rôle de psychiatrie n’est pas un professionnel de santé.',
    },
  },
});

export enum ObjectiveStatus {
  OPEN = 'OPEN',
  ACHIEVED = 'ACHIEVED',
  ABANDONED = 'ABANDONED',
}
registerEnumType(ObjectiveStatus, {
  name: 'ObjectiveStatus',
  description: 'Objectif en cours, atteint ou abandonné.',
  valuesMap: {
    OPEN: { description: 'En cours.' },
    ACHIEVED: { description: 'Atteint.' },
    ABANDONED: { description: 'Abandonné.' },
  },
});
