import { definePolicy, LegalBasis, Relation, Role } from '@relais/access';
import { DataSubjectRequest } from './entities';

const COORDINATION = {
  basis: LegalBasis.MEMBERSHIP,
  explanation:
    'Vous coordonnez la cellule, responsable de la réponse aux droits des personnes (RGPD, articles 15 à 21).',
  relation: Relation.COORDINATOR,
};

/**
 * The person's rights are answered by the coordination of her territory alone: it records and
 * answers her requests, exports what Relais holds about her, and hands over a situation's plan.
 */
export const subjectRightsPolicy = definePolicy({
  name: 'subject-rights',
  subjects: {
    DataSubjectRequest: { entity: DataSubjectRequest, description: 'demande d’une personne sur ses données' },
  },
  define(principal, { allow }) {
    const coordinated = principal.clearedTerritoriesWith(Role.COORDINATOR);
    if (!coordinated.length) return;
    allow(
      ['read', 'record', 'answer', 'exportPersonData', 'exportPlan'],
      'DataSubjectRequest',
      { territoryId: { $in: coordinated } },
      COORDINATION,
    );
  },
});
