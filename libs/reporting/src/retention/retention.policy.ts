import { definePolicy, LegalBasis, Relation, Role } from '@relais/access';
import { SituationRetentionState } from '@relais/situations';
import { LegalHold, RetentionPolicySetting } from './entities';

const GOVERNANCE = {
  basis: LegalBasis.MEMBERSHIP,
  relation: Relation.MEMBERSHIP,
  explanation: 'Vous coordonnez ou administrez le territoire : vous suivez ses durées de conservation.',
};
const ARCHIVE = {
  basis: LegalBasis.MEMBERSHIP,
  relation: Relation.COORDINATOR,
  explanation:
    'Vous coordonnez la cellule de ce territoire : vous seule ou seul consultez ses situations archivées, sur demande.',
};

const OUT_OF_ACTIVE_BASE = { $in: [SituationRetentionState.ARCHIVED, SituationRetentionState.ANONYMISED] };

/**
 * Who reads and changes the retention periods and legal holds; and what leaves the active base.
 * An archived situation, and what belongs to it, is refused to every reading rule of every
 * context (`forbid`, compiled into each list's SQL as NOT …); the coordination reads it through
 * `readArchived` alone. This policy is registered after the contexts it restricts (its module
 * imports them), so in memory too the refusal comes before their grants.
 */
export const retentionPolicy = definePolicy({
  name: 'retention',
  subjects: {
    RetentionPolicy: { entity: RetentionPolicySetting, description: 'durées de conservation du territoire' },
    LegalHold: { entity: LegalHold, description: 'gel juridique' },
  },
  define(principal, { allow, forbid }) {
    const coordinated = principal.clearedTerritoriesWith(Role.COORDINATOR);
    const administered = principal.clearedTerritoriesWith(Role.TERRITORY_ADMIN);
    const governing = principal.clearedTerritoriesWith(Role.COORDINATOR, Role.TERRITORY_ADMIN);
    if (governing.length) {
      allow('read', 'RetentionPolicy', { territoryId: { $in: governing } }, GOVERNANCE);
      allow(['read', 'place', 'lift'], 'LegalHold', { territoryId: { $in: governing } }, GOVERNANCE);
    }
    if (administered.length) {
      allow('update', 'RetentionPolicy', { territoryId: { $in: administered } }, GOVERNANCE);
    }
    if (coordinated.length) {
      // The dry run names situations by case code: the coordination's, like the archive.
      allow('plan', 'RetentionPolicy', { territoryId: { $in: coordinated } }, GOVERNANCE);
      allow(
        'readArchived',
        'Situation',
        { territoryId: { $in: coordinated }, retentionState: OUT_OF_ACTIVE_BASE },
        ARCHIVE,
      );
    }

    forbid('read', 'Situation', { retentionState: OUT_OF_ACTIVE_BASE });
    const belongsToArchived = { 'situation.retentionState': OUT_OF_ACTIVE_BASE };
    const outsideCoordination = { ...belongsToArchived, territoryId: { $nin: coordinated } };
    forbid('oversee', 'SituationAction', belongsToArchived);
    // The coordination still finds an archived situation's action by id, to be told it is read-only.
    forbid('read', 'SituationAction', outsideCoordination);
    forbid('read', 'SituationEvent', belongsToArchived);
    forbid('read', 'Referral', belongsToArchived);
    forbid('read', 'FollowUp', belongsToArchived);
    forbid(['read', 'oversee'], 'Handoff', belongsToArchived);
    // The minutes of a past meeting keep the item for the coordination, and for no one else.
    forbid('read', 'AgendaItem', outsideCoordination);
  },
});
