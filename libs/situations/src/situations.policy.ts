import { DataCategory, definePolicy, LegalBasis, Role, SharingCategory, WORKING_ROLES } from '@relais/access';
import { Person, PersonIdentity, Situation, SituationAction, SituationEvent } from './entities';

const COORDINATION = {
  basis: LegalBasis.MEMBERSHIP,
  explanation:
    'Vous coordonnez la cellule de ce territoire : vous suivez chaque situation qui lui est confiée.',
};
const CIRCLE = {
  basis: LegalBasis.CONSENT,
  explanation:
    'Votre organisation fait partie du cercle de cette situation, tel que le consentement le prévoit.',
};
const ADDRESSED = {
  basis: LegalBasis.SELF,
  explanation: 'Cette action est confiée à votre organisation.',
};

/**
 * The categories the coordinator reads about the situations of the cell: everything but health,
 * which stays with health professionals (a coordinator who is one reads it too).
 */
export function coordinatorCategories(sharingCategory: SharingCategory): DataCategory[] {
  return Object.values(DataCategory).filter(
    (category) => category !== DataCategory.HEALTH_SECRET || sharingCategory === SharingCategory.HEALTH,
  );
}

/**
 * The coordinator's view of the people and situations of the cell, and the circle's view of a
 * situation. The relations that bring other partners in (referral, consent, derogation) are
 * declared by the contexts that own them (referrals, consent).
 */
export const situationsPolicy = definePolicy({
  name: 'situations',
  subjects: {
    Person: { entity: Person, description: 'personne (code et pseudonyme)' },
    PersonIdentity: { entity: PersonIdentity, description: 'identité de la personne' },
    Situation: { entity: Situation, description: 'situation' },
    SituationEvent: { entity: SituationEvent, description: 'ligne de l’historique d’une situation' },
    SituationAction: { entity: SituationAction, description: 'action' },
  },
  define(principal, { allow }) {
    const coordinated = principal.clearedTerritoriesWith(Role.COORDINATOR);
    if (coordinated.length) {
      const inTerritory = { territoryId: { $in: coordinated } };
      allow('read', 'Person', inTerritory, COORDINATION);
      allow('read', 'PersonIdentity', inTerritory, COORDINATION);
      allow(['read', 'close'], 'Situation', inTerritory, COORDINATION);
      allow(['read', 'update'], 'SituationAction', inTerritory, COORDINATION);
      allow(
        'read',
        'SituationEvent',
        { ...inTerritory, category: { $in: coordinatorCategories(principal.sharingCategory) } },
        COORDINATION,
      );
    }

    const working = principal.clearedTerritoriesWith(...WORKING_ROLES);
    if (!working.length) return;
    const inCircle = {
      territoryId: { $in: working },
      circle: { $elemMatch: { organisationId: principal.organisationId } },
    };
    allow('read', 'Situation', inCircle, CIRCLE);
    allow(
      ['read', 'update'],
      'SituationAction',
      { territoryId: { $in: working }, ownerOrganisationId: principal.organisationId },
      ADDRESSED,
    );
    // What any partner of the circle reads of the timeline: logistics and housing, and lines about
    // its own actions. Confidential lines need the consent (declared by the consent context).
    for (const audienceOrganisationId of [null, principal.organisationId]) {
      allow(
        'read',
        'SituationEvent',
        {
          territoryId: { $in: working },
          category: { $in: [DataCategory.LOGISTIC, DataCategory.HOUSING] },
          audienceOrganisationId,
          'situation.circle': { $elemMatch: { organisationId: principal.organisationId } },
        },
        CIRCLE,
      );
    }
  },
});
