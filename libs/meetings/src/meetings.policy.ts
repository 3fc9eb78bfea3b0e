import { definePolicy, LegalBasis, Role, WORKING_ROLES } from '@relais/access';
import { MeetingStatus } from './domain/meeting.enums';
import { AgendaItem, Meeting } from './entities';

const COORDINATION = {
  basis: LegalBasis.MEMBERSHIP,
  explanation: 'Vous coordonnez la cellule : vous préparez ses séances et leur ordre du jour.',
};
const CELL = {
  basis: LegalBasis.MEMBERSHIP,
  explanation: 'Membre de la cellule, vous êtes invité·e permanent·e à ses séances.',
};
const INVITED = {
  basis: LegalBasis.INVITATION,
  explanation: 'Votre organisation est invitée à cette séance pour une situation.',
};

export const meetingsPolicy = definePolicy({
  name: 'meetings',
  subjects: {
    Meeting: { entity: Meeting, description: 'séance de la cellule' },
    AgendaItem: { entity: AgendaItem, description: "point de l'ordre du jour" },
  },
  define(principal, { allow }) {
    const coordinated = principal.clearedTerritoriesWith(Role.COORDINATOR);
    if (coordinated.length) {
      allow(
        ['read', 'plan', 'editAgenda', 'publishAgenda', 'cancel', 'record', 'publishMinutes'],
        'Meeting',
        { territoryId: { $in: coordinated } },
        COORDINATION,
      );
    }
    // Until it is published, the agenda is the coordinator's draft.
    const published = { $ne: MeetingStatus.PLANNED };
    const cell = principal.clearedTerritoriesWith(Role.CELL_MEMBER);
    if (cell.length) {
      allow('read', 'Meeting', { territoryId: { $in: cell }, status: published }, CELL);
    }
    const working = principal.clearedTerritoriesWith(...WORKING_ROLES);
    if (!working.length) return;
    allow(
      'read',
      'Meeting',
      {
        territoryId: { $in: working },
        status: published,
        invitations: { $elemMatch: { organisationId: principal.organisationId } },
      },
      INVITED,
    );
    // A guest examines the situation it is invited for, until the minutes are published.
    allow(
      'read',
      'Situation',
      {
        territoryId: { $in: working },
        invitations: { $elemMatch: { organisationId: principal.organisationId, lapsedAt: null } },
      },
      INVITED,
    );
  },
});
