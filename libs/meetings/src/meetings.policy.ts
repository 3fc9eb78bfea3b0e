import {
  Conditions,
  DataCategory,
  definePolicy,
  Grant,
  LegalBasis,
  Principal,
  Relation,
  Role,
  WORKING_ROLES,
} from '@relais/access';
import { consentsInForceNaming, DerogationStatus } from '@relais/consent';
import { MeetingStatus } from './domain/meeting.enums';
import { AgendaItem, Meeting } from './entities';

const { LOGISTIC, HOUSING, SOCIAL_CONFIDENTIAL, HEALTH_SECRET, IDENTITY } = DataCategory;

const COORDINATION: Grant = {
  basis: LegalBasis.MEMBERSHIP,
  explanation: 'Vous coordonnez la cellule : vous préparez ses séances et leur ordre du jour.',
  relation: Relation.COORDINATOR,
};
const CELL: Grant = {
  basis: LegalBasis.MEMBERSHIP,
  explanation: 'Membre de la cellule, vous êtes invité·e permanent·e à ses séances.',
  relation: Relation.CELL_MEMBER,
};
const INVITED: Grant = {
  basis: LegalBasis.INVITATION,
  explanation: 'Votre organisation est invitée à cette séance pour une situation.',
  relation: Relation.INVITEE,
};
/** The other items of a meeting a partner is invited to: their case codes, nothing more. */
const INVITED_TO_MEETING: Grant = {
  basis: LegalBasis.INVITATION,
  explanation: 'Votre organisation est invitée à cette séance : vous en voyez l’ordre du jour, par codes.',
  relation: Relation.MEMBERSHIP,
  opens: [LOGISTIC],
};
const CELL_AGENDA: Grant = { ...CELL, opens: [LOGISTIC] };
/** A guest, or someone who was in the room, sees by itself logistics and housing only. */
const ITEM_GUEST: Grant = {
  basis: LegalBasis.INVITATION,
  explanation: 'Votre organisation est invitée à ce point de la séance.',
  relation: Relation.INVITEE,
  opens: [LOGISTIC, HOUSING],
};
const IN_THE_ROOM: Grant = {
  basis: LegalBasis.INVITATION,
  explanation: 'Vous étiez dans la salle quand ce point a été examiné.',
  relation: Relation.INVITEE,
  opens: [LOGISTIC, HOUSING],
};
const WRITING_IN_THE_ROOM: Grant = {
  basis: LegalBasis.INVITATION,
  explanation: 'Vous étiez dans la salle quand ce point a été examiné : vous pouvez y ajouter une note.',
  relation: Relation.INVITEE,
};
const consented = (category: DataCategory): Grant => ({
  basis: LegalBasis.CONSENT,
  explanation:
    'Vous étiez dans la salle et la personne a consenti à ce que votre organisation reçoive ces informations.',
  relation: Relation.CIRCLE,
  opens: [category],
});
const derogated = (category: DataCategory): Grant => ({
  basis: LegalBasis.DEROGATION,
  explanation:
    'Vous étiez dans la salle et une dérogation validée par un second professionnel autorise ce partage.',
  relation: Relation.CIRCLE,
  opens: [category],
});

const COLLECTED: Grant = {
  basis: LegalBasis.REFERRAL,
  explanation: 'Vous étiez dans la salle et vous avez recueilli la réponse de la personne.',
  relation: Relation.COLLECTOR,
};

/** Categories of an item that need the person's consent (or a derogation) on top of being there. */
const CONSENTED_CATEGORIES = [SOCIAL_CONFIDENTIAL, HEALTH_SECRET, IDENTITY];

function approvedDerogationNaming(principal: Principal, extra: Conditions = {}): Conditions {
  return { status: DerogationStatus.APPROVED, organisationIds: principal.organisationId, ...extra };
}

/**
 * Meetings, and what each reader is to an item of their agenda: the coordinator; a guest of the
 * item or someone who was in the room (logistics and housing); in the room with the person's
 * consent (or a derogation) naming the reader's organisation, each category it covers; the cell and
 * the meeting's other guests, the case code.
 */
export const meetingsPolicy = definePolicy({
  name: 'meetings',
  subjects: {
    Meeting: { entity: Meeting, description: 'séance de la cellule' },
    AgendaItem: { entity: AgendaItem, description: "point de l'ordre du jour" },
  },
  define(principal, { allow, refine }) {
    const coordinated = principal.clearedTerritoriesWith(Role.COORDINATOR);
    if (coordinated.length) {
      const inTerritory = { territoryId: { $in: coordinated } };
      allow(
        ['read', 'plan', 'editAgenda', 'publishAgenda', 'cancel', 'record', 'publishMinutes'],
        'Meeting',
        inTerritory,
        COORDINATION,
      );
      allow(['read', 'addNote'], 'AgendaItem', inTerritory, COORDINATION);
    }
    // Until it is published, the agenda is the coordinator's draft.
    const published = { $ne: MeetingStatus.PLANNED };
    const cell = principal.clearedTerritoriesWith(Role.CELL_MEMBER);
    if (cell.length) {
      allow('read', 'Meeting', { territoryId: { $in: cell }, status: published }, CELL);
      allow('read', 'AgendaItem', { territoryId: { $in: cell }, 'meeting.status': published }, CELL_AGENDA);
    }
    const working = principal.clearedTerritoriesWith(...WORKING_ROLES);
    if (!working.length) return;
    const inWork = { territoryId: { $in: working } };
    const guest = { organisationId: principal.organisationId };
    const wasThere = { disclosures: { $elemMatch: { userId: principal.userId } } };
    allow('read', 'Meeting', { ...inWork, status: published, invitations: { $elemMatch: guest } }, INVITED);
    allow(
      'read',
      'AgendaItem',
      { ...inWork, 'meeting.status': published, 'meeting.invitations': { $elemMatch: guest } },
      INVITED_TO_MEETING,
    );
    allow(
      'read',
      'AgendaItem',
      { ...inWork, 'meeting.status': published, invitations: { $elemMatch: guest } },
      ITEM_GUEST,
    );
    allow('read', 'AgendaItem', { ...inWork, ...wasThere }, IN_THE_ROOM);
    // Writing a restricted note: the categories the writer may write are those it may read there,
    // within the sharing matrix (health notes by health professionals).
    allow('addNote', 'AgendaItem', { ...inWork, ...wasThere }, WRITING_IN_THE_ROOM);
    // A guest examines the situation it is invited for, until the minutes are published.
    allow(
      'read',
      'Situation',
      { ...inWork, invitations: { $elemMatch: { ...guest, lapsedAt: null } } },
      ITEM_GUEST,
    );

    // What was said in the room stays with those who were there, and only within what the
    // person's consent in force (or an approved derogation) gives their organisation, category by
    // category: a withdrawal closes it on the next request. The sharing matrix bounds it after.
    for (const category of CONSENTED_CATEGORIES) {
      for (const naming of consentsInForceNaming(principal, { category })) {
        refine(
          'read',
          'AgendaItem',
          { ...inWork, ...wasThere, 'situation.person.consents': { $elemMatch: naming } },
          consented(category),
        );
      }
      refine(
        'read',
        'AgendaItem',
        {
          ...inWork,
          ...wasThere,
          'situation.person.consentExceptions': {
            $elemMatch: approvedDerogationNaming(principal, { dataCategories: category }),
          },
        },
        derogated(category),
      );
    }
    // The professional who collected the person's answer keeps what was said in the room about her,
    // even after a refusal or a withdrawal (the design's « collecting referrer »): by role, as an author.
    refine(
      'read',
      'AgendaItem',
      {
        ...inWork,
        ...wasThere,
        'situation.person.consents': { $elemMatch: { collectedByUserId: principal.userId } },
      },
      COLLECTED,
    );
  },
});
