import {
  DataCategory,
  definePolicy,
  LegalBasis,
  Relation,
  Role,
  roleCategories,
  WORKING_ROLES,
} from '@relais/access';
import { Person, PersonIdentity, Situation, SituationAction, SituationEvent } from './entities';

const COORDINATION = {
  relation: Relation.COORDINATOR,
  basis: LegalBasis.MEMBERSHIP,
  explanation:
    'Vous coordonnez la cellule de ce territoire : vous suivez chaque situation qui lui est confiée.',
};
// Being in the circle is itself the consent's (or the referral's, or a derogation's) doing; the place
// opens logistics and housing, the confidential side needs the consent in force (refinements).
const CIRCLE = {
  relation: Relation.CIRCLE,
  basis: LegalBasis.CONSENT,
  explanation:
    'Votre organisation fait partie du cercle de cette situation, tel que le consentement le prévoit.',
  // Its place in the circle shows the situation's logistics and housing; the confidential side
  // needs the consent in force (rules of the consent context).
  opens: [DataCategory.LOGISTIC, DataCategory.HOUSING],
};
const ADDRESSED = {
  relation: Relation.ADDRESSEE,
  basis: LegalBasis.SELF,
  explanation: 'Cette action est confiée à votre organisation.',
};

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
      // Following every partner's actions through (the late ones in « À traiter ») is the coordination's alone.
      allow('oversee', 'SituationAction', inTerritory, COORDINATION);
      allow(
        'read',
        'SituationEvent',
        { ...inTerritory, category: { $in: roleCategories(principal.sharingCategory) } },
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
