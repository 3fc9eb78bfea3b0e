import {
  DataCategory,
  definePolicy,
  Grant,
  LegalBasis,
  Relation,
  Role,
  SharingCategory,
  WORKING_ROLES,
} from '@relais/access';
import { consentsInForceNaming } from '@relais/consent';
import { CELL_VISIBLE_STATUSES, ReferralStatus } from './domain/referral-status';
import { Referral } from './entities';

const WRITTEN: Grant = {
  basis: LegalBasis.REFERRAL,
  explanation: 'Vous avez rédigé cette saisine.',
  relation: Relation.REFERRING_USER,
};
const REFERRED: Grant = {
  basis: LegalBasis.REFERRAL,
  explanation: 'Votre organisation a adressé cette saisine : vous en suivez le devenir, pas le contenu.',
  relation: Relation.REFERRING_ORGANISATION,
  opens: [DataCategory.LOGISTIC],
};
const COORDINATION: Grant = {
  basis: LegalBasis.MEMBERSHIP,
  explanation: 'Vous coordonnez la cellule : vous recevez et instruisez ses saisines.',
  relation: Relation.COORDINATOR,
};
const CIRCLE_EXPLANATION =
  'La personne a consenti à ce que votre organisation, du cercle de sa situation, en reçoive la saisine.';
const circle = (opens: DataCategory[]): Grant => ({
  basis: LegalBasis.CONSENT,
  explanation: CIRCLE_EXPLANATION,
  relation: Relation.CIRCLE,
  opens,
});
const PRE_REVIEW: Grant = {
  basis: LegalBasis.MEMBERSHIP,
  explanation: 'Membre de la cellule, vous participez au pré-examen anonyme des saisines.',
  relation: Relation.CELL_MEMBER,
};

/**
 * What the cell reads beyond logistics in the anonymous pre-review: the question put to it, never
 * the person's story. `identity` is listed because its own rules decide it (a consent naming the
 * reader's organisation); for everyone else it stays masked.
 */
const PRE_REVIEW_FIELDS = ['difficultyAreas', 'servicesInvolved', 'questionToCell', 'identity'];

/** The categories a consent may name beyond logistics: each opens the referral's fields of it. */
const CONSENTED_CATEGORIES = [
  DataCategory.IDENTITY,
  DataCategory.HOUSING,
  DataCategory.SOCIAL_CONFIDENTIAL,
  DataCategory.HEALTH_SECRET,
];

export const referralsPolicy = definePolicy({
  name: 'referrals',
  subjects: { Referral: { entity: Referral, description: 'saisine' } },
  define(principal, { allow, allowFields, refine }) {
    const coordinated = principal.clearedTerritoriesWith(Role.COORDINATOR);
    if (coordinated.length) {
      allow(
        ['read', 'review', 'accept', 'redirect', 'requestConsent', 'recordConsent', 'requestDerogation'],
        'Referral',
        // Drafts stay with their author until submitted.
        { territoryId: { $in: coordinated }, status: { $ne: ReferralStatus.DRAFT } },
        COORDINATION,
      );
    }

    const referring = principal.clearedTerritoriesWith(Role.REFERRER);
    if (referring.length) {
      const inTerritory = { territoryId: { $in: referring } };
      const ours = { ...inTerritory, referrerOrganisationId: principal.organisationId };
      allow('create', 'Referral', inTerritory, REFERRED);
      // The organisation's referral: a colleague may carry the draft through; reading its content
      // stays with its author (the anonymous pre-review holds for everyone else).
      allow(
        ['update', 'submit', 'withdraw', 'recordConsent', 'requestDerogation'],
        'Referral',
        ours,
        REFERRED,
      );
      allow('read', 'Referral', { ...ours, referrerUserId: principal.userId }, WRITTEN);
      allow('read', 'Referral', { ...ours, referrerUserId: { $ne: principal.userId } }, REFERRED);
      // The people the user referred, and their identity, which the user gave.
      const written = { referrerOrganisationId: principal.organisationId, referrerUserId: principal.userId };
      allow('read', 'Person', { ...inTerritory, referrals: { $elemMatch: written } }, WRITTEN);
      allow(
        'read',
        'PersonIdentity',
        { ...inTerritory, 'person.referrals': { $elemMatch: written } },
        WRITTEN,
      );
      // What became of it: the situation's status, never its content (the timeline has its own rules).
      allow(
        'read',
        'Situation',
        {
          ...inTerritory,
          referrals: { $elemMatch: { referrerOrganisationId: principal.organisationId } },
        },
        REFERRED,
      );
    }

    // Once accepted, the partners of the circle the consent names read the form: its logistics,
    // and each category the consent names (the sharing matrix narrows them further).
    const working = principal.clearedTerritoriesWith(...WORKING_ROLES);
    if (working.length) {
      const accepted = {
        territoryId: { $in: working },
        status: ReferralStatus.ACCEPTED,
        'situation.circle': { $elemMatch: { organisationId: principal.organisationId } },
      };
      for (const naming of consentsInForceNaming(principal)) {
        allow(
          'read',
          'Referral',
          { ...accepted, 'person.consents': { $elemMatch: naming } },
          circle([DataCategory.LOGISTIC]),
        );
      }
      for (const category of CONSENTED_CATEGORIES) {
        for (const naming of consentsInForceNaming(principal, { category })) {
          refine(
            'read',
            'Referral',
            { ...accepted, 'person.consents': { $elemMatch: naming } },
            circle([category]),
          );
        }
      }
    }

    const cell = principal.clearedTerritoriesWith(Role.CELL_MEMBER);
    if (cell.length) {
      const inReview = { territoryId: { $in: cell }, status: { $in: [...CELL_VISIBLE_STATUSES] } };
      allowFields('read', 'Referral', PRE_REVIEW_FIELDS, inReview, PRE_REVIEW);
      // A health or social professional of the cell may ask to share without consent (peril…).
      if (principal.sharingCategory !== SharingCategory.NOT_LISTED) {
        allow('requestDerogation', 'Referral', inReview, PRE_REVIEW);
      }
      allow(
        'read',
        'Person',
        {
          territoryId: { $in: cell },
          referrals: { $elemMatch: { status: { $in: [...CELL_VISIBLE_STATUSES] } } },
        },
        PRE_REVIEW,
      );
    }
  },
});
