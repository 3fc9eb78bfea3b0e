import { definePolicy, LegalBasis, Relation, Role, WORKING_ROLES } from '@relais/access';
import { parisDate } from '@relais/config';
import { Handoff, HandoffStatus } from '@relais/situations';
import { FollowUp, FollowUpAct } from './entities';

const COORDINATION = {
  basis: LegalBasis.MEMBERSHIP,
  explanation: 'Vous coordonnez la cellule : vous confiez les accompagnements et en suivez le déroulement.',
  relation: Relation.COORDINATOR,
};
const TEAM = {
  basis: LegalBasis.CONSENT,
  explanation: "Vous faites partie de l'équipe d'accompagnement, avec l'accord de la personne.",
  relation: Relation.TEAM_MEMBER,
};

const HANDED = {
  basis: LegalBasis.CONSENT,
  explanation: 'La personne a accepté que son suivi soit relayé à votre organisation.',
  relation: Relation.HANDOFF_PARTY,
};
const PROPOSED = {
  basis: LegalBasis.SELF,
  explanation: 'Votre organisation a proposé ce passage de relais.',
  relation: Relation.HANDOFF_PARTY,
};

export const followupsPolicy = definePolicy({
  name: 'followups',
  subjects: {
    FollowUp: { entity: FollowUp, description: 'accompagnement en trinôme' },
    FollowUpAct: { entity: FollowUpAct, description: "acte d'accompagnement" },
    Handoff: { entity: Handoff, description: 'passage de relais' },
  },
  define(principal, { allow }) {
    const coordinated = principal.clearedTerritoriesWith(Role.COORDINATOR);
    if (coordinated.length) {
      const inTerritory = { territoryId: { $in: coordinated } };
      allow(['read', 'start', 'assign', 'move', 'renew', 'end'], 'FollowUp', inTerritory, COORDINATION);
      allow('read', 'FollowUpAct', inTerritory, COORDINATION);
      allow(['read', 'propose'], 'Handoff', inTerritory, COORDINATION);
      // Chasing the answers of every receiving partner is the coordination's alone.
      allow('oversee', 'Handoff', inTerritory, COORDINATION);
    }
    const practising = principal.clearedTerritoriesWith(Role.FOLLOWUP_PRACTITIONER);
    if (practising.length) {
      // A seat counts while it is not over: the titular's (no end), a replacement under way or to
      // come — not a replacement whose period has ended. Two rules, not an `$or`, so that each stays
      // SQL-shaped (as the consent in force is).
      const today = parisDate(principal.now);
      for (const seat of [
        { userId: principal.userId, untilOn: null },
        { userId: principal.userId, untilOn: { $gte: today } },
      ]) {
        const inTeam = { $elemMatch: seat };
        allow(
          ['read', 'move', 'recordAct', 'end'],
          'FollowUp',
          { territoryId: { $in: practising }, team: inTeam },
          TEAM,
        );
        // A team member reads the acts; a note is as secret as its audience (the gate files a health
        // note under health secret too), and the sharing matrix keeps those from the social workers.
        allow('read', 'FollowUpAct', { territoryId: { $in: practising }, 'followUp.team': inTeam }, TEAM);
      }
      allow('propose', 'Handoff', { territoryId: { $in: practising } }, TEAM);
    }
    const working = principal.clearedTerritoriesWith(...WORKING_ROLES);
    if (!working.length) return;
    allow(
      'read',
      'Handoff',
      { territoryId: { $in: working }, proposedByOrganisationId: principal.organisationId },
      PROPOSED,
    );
    allow(
      'read',
      'Handoff',
      { territoryId: { $in: working }, receivingOrganisationId: principal.organisationId },
      HANDED,
    );
    allow(
      'answer',
      'Handoff',
      {
        territoryId: { $in: working },
        receivingOrganisationId: principal.organisationId,
        status: HandoffStatus.PROPOSED,
      },
      HANDED,
    );
  },
});
