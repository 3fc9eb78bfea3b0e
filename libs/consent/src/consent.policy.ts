import {
  Conditions,
  DataCategory,
  definePolicy,
  LegalBasis,
  Principal,
  Role,
  SharingCategory,
  WORKING_ROLES,
} from '@relais/access';
import { parisDate } from '@relais/config';
import { ConsentStatus, DerogationStatus } from './domain/consent.enums';
import { Consent, ConsentException } from './entities';

const CONSENT = {
  basis: LegalBasis.CONSENT,
  explanation: 'La personne a consenti à ce que votre organisation reçoive ces informations.',
};
const DEROGATION = {
  basis: LegalBasis.DEROGATION,
  explanation: 'Une dérogation validée par un second professionnel autorise ce partage sans consentement.',
};
const COORDINATION = {
  basis: LegalBasis.MEMBERSHIP,
  explanation: 'Vous coordonnez la cellule : vous tenez le registre des consentements et des dérogations.',
};
const COLLECTED = {
  basis: LegalBasis.REFERRAL,
  explanation: 'Votre organisation a recueilli ce consentement.',
};
const REQUESTED = {
  basis: LegalBasis.REFERRAL,
  explanation: 'Votre organisation a demandé cette dérogation.',
};
const SECOND_OPINION = {
  basis: LegalBasis.MEMBERSHIP,
  explanation:
    'Professionnel·le de santé ou du social, vous pouvez valider ou refuser une dérogation que vous n’avez pas demandée.',
};

/** Categories that need the person's consent (or a derogation) on top of a relation. */
const CONSENTED_CATEGORIES = [
  DataCategory.IDENTITY,
  DataCategory.SOCIAL_CONFIDENTIAL,
  DataCategory.HEALTH_SECRET,
];

/**
 * A consent in force that names the reader's organisation, by itself or by its kind: two
 * conditions, each a rule of its own (rules are alternatives, and stay SQL-shaped that way).
 */
export function consentsInForceNaming(principal: Principal, extra: Conditions = {}): Conditions[] {
  const inForce = {
    status: ConsentStatus.GIVEN,
    supersededAt: null,
    expiresOn: { $gte: parisDate(principal.now) },
  };
  return [
    { ...inForce, organisationIds: principal.organisationId, ...extra },
    { ...inForce, organisationKinds: principal.organisationKind, ...extra },
  ];
}

function approvedDerogationNaming(principal: Principal, extra: Conditions = {}): Conditions {
  return { status: DerogationStatus.APPROVED, organisationIds: principal.organisationId, ...extra };
}

/**
 * What the person's consent (or an approved derogation) opens to the partners it names, within
 * the sharing matrix: identity and confidential lines never reach bailleurs, town halls or police.
 */
export const consentPolicy = definePolicy({
  name: 'consent',
  subjects: {
    Consent: { entity: Consent, description: 'consentement' },
    ConsentException: { entity: ConsentException, description: 'dérogation au consentement' },
  },
  define(principal, { allow }) {
    const coordinated = principal.clearedTerritoriesWith(Role.COORDINATOR);
    const referring = principal.clearedTerritoriesWith(Role.REFERRER);
    const working = principal.clearedTerritoriesWith(...WORKING_ROLES);

    if (coordinated.length) {
      const inTerritory = { territoryId: { $in: coordinated } };
      allow(['read', 'record', 'withdraw'], 'Consent', inTerritory, COORDINATION);
      allow(['read', 'request'], 'ConsentException', inTerritory, COORDINATION);
    }
    if (referring.length) {
      allow('record', 'Consent', { territoryId: { $in: referring } }, COLLECTED);
      allow(
        ['read', 'withdraw'],
        'Consent',
        { territoryId: { $in: referring }, collectedByOrganisationId: principal.organisationId },
        COLLECTED,
      );
    }
    if (!working.length) return;
    const inWork = { territoryId: { $in: working } };
    allow('request', 'ConsentException', inWork, REQUESTED);
    allow(
      'read',
      'ConsentException',
      { ...inWork, requestedByOrganisationId: principal.organisationId },
      REQUESTED,
    );
    if (principal.sharingCategory !== SharingCategory.NOT_LISTED) {
      allow(
        ['read', 'approve', 'reject'],
        'ConsentException',
        { ...inWork, status: DerogationStatus.PENDING, requestedByUserId: { $ne: principal.userId } },
        SECOND_OPINION,
      );
    }

    // The pseudonym (logistic) for every partner the consent or derogation names.
    for (const naming of consentsInForceNaming(principal)) {
      allow('read', 'Person', { ...inWork, consents: { $elemMatch: naming } }, CONSENT);
    }
    allow(
      'read',
      'Person',
      { ...inWork, consentExceptions: { $elemMatch: approvedDerogationNaming(principal) } },
      DEROGATION,
    );

    // The matrix is the territory's: each territory the user works in gets its own rules.
    for (const territoryId of working) {
      const inTerritory = { territoryId };
      const readable = principal.readableIn(territoryId);
      if (readable.has(DataCategory.IDENTITY)) {
        const identity = { dataCategories: DataCategory.IDENTITY };
        for (const naming of consentsInForceNaming(principal, identity)) {
          allow(
            'read',
            'PersonIdentity',
            { ...inTerritory, 'person.consents': { $elemMatch: naming } },
            CONSENT,
          );
        }
        allow(
          'read',
          'PersonIdentity',
          {
            ...inTerritory,
            'person.consentExceptions': { $elemMatch: approvedDerogationNaming(principal, identity) },
          },
          DEROGATION,
        );
      }
      // Confidential lines of the timeline: each category only where the consent covers it, lines
      // for everyone and lines addressed to this partner alike.
      for (const category of CONSENTED_CATEGORIES.filter((candidate) => readable.has(candidate))) {
        for (const naming of consentsInForceNaming(principal, { dataCategories: category })) {
          for (const audienceOrganisationId of [null, principal.organisationId]) {
            allow(
              'read',
              'SituationEvent',
              {
                ...inTerritory,
                category,
                audienceOrganisationId,
                'situation.circle': { $elemMatch: { organisationId: principal.organisationId } },
                'situation.person.consents': { $elemMatch: naming },
              },
              CONSENT,
            );
          }
        }
      }
    }
  },
});
