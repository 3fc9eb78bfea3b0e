import { registerEnumType } from '@nestjs/graphql';

export enum ConsentStatus {
  GIVEN = 'GIVEN',
  REFUSED = 'REFUSED',
  WITHDRAWN = 'WITHDRAWN',
  /** Not a consent row's status: a person's state when sharing rests on an approved derogation. */
  DEROGATION = 'DEROGATION',
}
registerEnumType(ConsentStatus, {
  name: 'ConsentStatus',
  description: 'Consentement donné, refusé, retiré, ou partage fondé sur une dérogation.',
});

export enum ConsentMethod {
  WRITTEN = 'WRITTEN',
  ORAL_BEFORE_WITNESS = 'ORAL_BEFORE_WITNESS',
  LEGAL_REPRESENTATIVE = 'LEGAL_REPRESENTATIVE',
}
registerEnumType(ConsentMethod, {
  name: 'ConsentMethod',
  description: 'Écrit, oral devant témoin, ou par le représentant légal.',
});

export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = {
  WRITTEN: 'par écrit',
  ORAL_BEFORE_WITNESS: 'oralement, devant témoin',
  LEGAL_REPRESENTATIVE: 'par son représentant légal',
};

export enum ConsentPurpose {
  CELL_EXAMINATION = 'CELL_EXAMINATION',
  FOLLOW_UP = 'FOLLOW_UP',
  HANDOFF = 'HANDOFF',
  INFORMATION_SHARING = 'INFORMATION_SHARING',
}
registerEnumType(ConsentPurpose, { name: 'ConsentPurpose', description: 'Finalité du partage.' });

export const CONSENT_PURPOSE_LABELS: Record<ConsentPurpose, string> = {
  CELL_EXAMINATION: 'examen de votre situation par la cellule',
  FOLLOW_UP: 'accompagnement par une équipe pluridisciplinaire',
  HANDOFF: 'passage de relais vers les services qui prendront le suivi',
  INFORMATION_SHARING: "échange d'informations entre les partenaires nommés",
};

/** What the person must have been told before consenting (RGPD art. 13, CSP L1110-4). */
export enum InformationItem {
  PURPOSES = 'PURPOSES',
  RECIPIENTS = 'RECIPIENTS',
  DATA_CATEGORIES = 'DATA_CATEGORIES',
  DURATION = 'DURATION',
  RIGHT_TO_WITHDRAW = 'RIGHT_TO_WITHDRAW',
  RIGHT_OF_ACCESS = 'RIGHT_OF_ACCESS',
  CONTACT = 'CONTACT',
}
registerEnumType(InformationItem, {
  name: 'InformationItem',
  description: 'Information donnée à la personne.',
});

export const INFORMATION_ITEM_LABELS: Record<InformationItem, string> = {
  PURPOSES: 'pourquoi votre situation est partagée',
  RECIPIENTS: 'avec quels partenaires',
  DATA_CATEGORIES: 'quelles informations sont partagées',
  DURATION: 'pour combien de temps',
  RIGHT_TO_WITHDRAW: 'que vous pouvez retirer votre accord à tout moment',
  RIGHT_OF_ACCESS: 'que vous pouvez demander à voir et corriger ce qui vous concerne',
  CONTACT: 'qui contacter pour cela',
};

export enum DerogationGround {
  INCAPACITY_OR_URGENCY = 'INCAPACITY_OR_URGENCY',
  PERIL = 'PERIL',
  VULNERABLE_PERSON_REPORT = 'VULNERABLE_PERSON_REPORT',
  MAYOR_INFORMATION = 'MAYOR_INFORMATION',
}
registerEnumType(DerogationGround, {
  name: 'DerogationGround',
  description: 'Fondement légal de la dérogation.',
});

export const DEROGATION_GROUND_LABELS: Record<DerogationGround, string> = {
  INCAPACITY_OR_URGENCY:
    'Personne hors d’état d’exprimer sa volonté ou urgence (art. R1110-3 du code de la santé publique)',
  PERIL: 'Péril grave et imminent (art. 223-6 du code pénal)',
  VULNERABLE_PERSON_REPORT: 'Signalement d’une personne vulnérable (art. 226-14 du code pénal)',
  MAYOR_INFORMATION: 'Information du maire (art. L121-6-2 du code de l’action sociale et des familles)',
};

export enum DerogationStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(DerogationStatus, { name: 'DerogationStatus' });
