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
  valuesMap: {
    GIVEN: { description: 'La personne a donné son accord.' },
    REFUSED: { description: 'La personne a refusé : rien n’est partagé.' },
    WITHDRAWN: { description: 'La personne a retiré son accord : le partage a cessé.' },
    DEROGATION: {
      description:
        'Jamais l’état d’un consentement enregistré : le partage repose sur une dérogation validée.',
    },
  },
});

export enum ConsentMethod {
  WRITTEN = 'WRITTEN',
  ORAL_BEFORE_WITNESS = 'ORAL_BEFORE_WITNESS',
  LEGAL_REPRESENTATIVE = 'LEGAL_REPRESENTATIVE',
}
registerEnumType(ConsentMethod, {
  name: 'ConsentMethod',
  description: 'Écrit, oral devant témoin, ou par le représentant légal.',
  valuesMap: {
    WRITTEN: { description: 'Par écrit.' },
    ORAL_BEFORE_WITNESS: { description: 'Oralement, devant un témoin dont la qualité est indiquée.' },
    LEGAL_REPRESENTATIVE: { description: 'Par le représentant légal, qui est indiqué.' },
  },
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
registerEnumType(ConsentPurpose, {
  name: 'ConsentPurpose',
  description: 'Finalité du partage.',
  valuesMap: {
    CELL_EXAMINATION: { description: 'Examen de la situation par la cellule.' },
    FOLLOW_UP: { description: 'Accompagnement par une équipe pluridisciplinaire (trinôme).' },
    HANDOFF: { description: 'Passage de relais vers les services qui prendront le suivi.' },
    INFORMATION_SHARING: { description: "Échange d'informations entre les partenaires nommés." },
  },
});

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
  valuesMap: {
    PURPOSES: { description: 'Pourquoi sa situation est partagée.' },
    RECIPIENTS: { description: 'Avec quels partenaires.' },
    DATA_CATEGORIES: { description: 'Quelles informations sont partagées.' },
    DURATION: { description: 'Pour combien de temps.' },
    RIGHT_TO_WITHDRAW: { description: 'Qu’elle peut retirer son accord à tout moment.' },
    RIGHT_OF_ACCESS: { description: 'Qu’elle peut demander à voir et corriger ce qui la concerne.' },
    CONTACT: { description: 'Qui contacter pour cela.' },
  },
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
  valuesMap: {
    INCAPACITY_OR_URGENCY: {
      description:
        'Personne hors d’état d’exprimer sa volonté, ou urgence (art. R1110-3 du code de la santé publique).',
    },
    PERIL: { description: 'Péril grave et imminent (art. 223-6 du code pénal).' },
    VULNERABLE_PERSON_REPORT: {
      description: 'Signalement d’une personne vulnérable (art. 226-14 du code pénal).',
    },
    MAYOR_INFORMATION: {
      description: 'Information du maire (art. L121-6-2 du code de l’action sociale et des familles).',
    },
  },
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
registerEnumType(DerogationStatus, {
  name: 'DerogationStatus',
  description: 'État d’une dérogation : en attente, validée ou refusée.',
  valuesMap: {
    PENDING: {
      description: 'En attente de validation par un second professionnel : n’ouvre encore aucun partage.',
    },
    APPROVED: {
      description:
        'Validée : le partage est ouvert aux partenaires nommés, et l’auteur reçoit l’action d’informer la personne.',
    },
    REJECTED: { description: 'Refusée, avec un motif : rien n’est partagé.' },
  },
});
