import { definePolicy, LegalBasis, Role, SharingCategory, WORKING_ROLES } from '@relais/access';
import { consentsInForceNaming } from '@relais/consent';
import { CELL_VISIBLE_STATUSES, ReferralStatus } from './domain/referral-status';
import { Referral } from './entities';

const REFERRED = {
  basis: LegalBasis.REFERRAL,
  explanation: 'Votre organisation a adressé cette saisine.',
};
const COORDINATION = {
  basis: LegalBasis.MEMBERSHIP,
  explanation: 'Vous coordonnez la cellule : vous recevez et instruisez ses saisines.',
};
const CIRCLE = {
  basis: LegalBasis.CONSENT,
  explanation:
    'La personne a consenti à ce que votre organisation, du cercle de sa situation, en reçoive la saisine.',
};
const PRE_REVIEW = {
  basis: LegalBasis.MEMBERSHIP,
  explanation: 'Membre de la cellule, vous participez au pré-examen anonyme des saisines.',
};

/** What the cell sees in the anonymous pre-review: no identity, nothing but the question put to it. */
export const PRE_REVIEW_FIELDS = [
  'id',
  'territoryId',
  'personId',
  'status',
  'urgency',
  'requests',
  'difficultyAreas',
  'servicesInvolved',
  'questionToCell',
  'submittedAt',
];

export const referralsPolicy = definePolicy({
  name: 'referrals',
  subjects: { Referral: { entity: Referral, description: 'saisine' } },
  define(principal, { allow, allowFields }) {
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
      const ours = { territoryId: { $in: referring }, referrerOrganisationId: principal.organisationId };
      allow('create', 'Referral', { territoryId: { $in: referring } }, REFERRED);
      allow(
        ['read', 'update', 'submit', 'withdraw', 'recordConsent', 'requestDerogation'],
        'Referral',
        ours,
        REFERRED,
      );
      // The people the organisation referred, and their identity, which it gave.
      allow(
        'read',
        'Person',
        {
          territoryId: { $in: referring },
          referrals: { $elemMatch: { referrerOrganisationId: principal.organisationId } },
        },
        REFERRED,
      );
      allow(
        'read',
        'PersonIdentity',
        {
          territoryId: { $in: referring },
          'person.referrals': { $elemMatch: { referrerOrganisationId: principal.organisationId } },
        },
        REFERRED,
      );
      // What became of it: the situation's status, never its content (the timeline has its own rules).
      allow(
        'read',
        'Situation',
        {
          territoryId: { $in: referring },
          referrals: { $elemMatch: { referrerOrganisationId: principal.organisationId } },
        },
        REFERRED,
      );
    }

    // Once accepted, the partners of the circle the consent names read the form, within the
    // categories of the consent and of the sharing matrix (masked field by field).
    const working = principal.clearedTerritoriesWith(...WORKING_ROLES);
    if (working.length) {
      for (const naming of consentsInForceNaming(principal)) {
        allow(
          'read',
          'Referral',
          {
            territoryId: { $in: working },
            status: ReferralStatus.ACCEPTED,
            'situation.circle': { $elemMatch: { organisationId: principal.organisationId } },
            'person.consents': { $elemMatch: naming },
          },
          CIRCLE,
        );
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
