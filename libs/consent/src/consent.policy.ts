import {
  Conditions,
  DataCategory,
  definePolicy,
  LegalBasis,
  Principal,
  Relation,
  Role,
  SharingCategory,
  WORKING_ROLES,
} from '@relais/access';
import { ConsentCoverage, consentInForceConditions } from './domain/consent-in-force';
import { DerogationStatus } from './domain/consent.enums';
import { Consent, ConsentException } from './entities';

const CONSENT = {
  basis: LegalBasis.CONSENT,
  relation: Relation.CIRCLE,
  explanation: 'La personne a consenti à ce que votre organisation reçoive ces informations.',
};
const DEROGATION = {
  basis: LegalBasis.DEROGATION,
  relation: Relation.CIRCLE,
  explanation: 'Une dérogation validée par un second professionnel autorise ce partage sans consentement.',
};
const COORDINATION = {
  basis: LegalBasis.MEMBERSHIP,
  relation: Relation.COORDINATOR,
  explanation: 'Vous coordonnez la cellule : vous tenez le registre des consentements et des dérogations.',
};
const COLLECTED = {
  basis: LegalBasis.REFERRAL,
  relation: Relation.COLLECTOR,
  explanation: 'Votre organisation a recueilli ce consentement.',
};
const REQUESTED = {
  basis: LegalBasis.REFERRAL,
  relation: Relation.COLLECTOR,
  explanation: 'Vous avez demandé cette dérogation.',
};
const SECOND_OPINION = {
  basis: LegalBasis.MEMBERSHIP,
  relation: Relation.SECOND_OPINION,
  explanation:
    'Professionnel·le de santé ou du social en lien avec la personne, vous pouvez valider ou refuser une dérogation que vous n’avez pas demandée.',
};
const DECIDED = {
  basis: LegalBasis.MEMBERSHIP,
  relation: Relation.SECOND_OPINION,
  explanation: 'Vous avez validé ou refusé cette dérogation.',
};

/**
 * The reader's organisation is related to the person of the row (a `ConsentException`): in the
 * circle of one of the person's situations, or the author of one of the person's referrals. Each
 * path is a condition of its own (alternatives are separate rules).
 */
function relatedToThePerson(principal: Principal): Conditions[] {
  return [
    { 'person.situations.circle': { $elemMatch: { organisationId: principal.organisationId } } },
    { 'person.referrals': { $elemMatch: { referrerOrganisationId: principal.organisationId } } },
  ];
}

/** What naming a partner opens of the person row itself: the pseudonym. */
const PSEUDONYM = [DataCategory.LOGISTIC];

/** Categories that need the person's consent (or a derogation) on top of a relation. */
const CONSENTED_CATEGORIES = [
  DataCategory.IDENTITY,
  DataCategory.SOCIAL_CONFIDENTIAL,
  DataCategory.HEALTH_SECRET,
];

export type ConsentNaming = Omit<ConsentCoverage, 'organisation'> & {
  /** Same as `category` (the column's name), kept for the policies written with it. */
  readonly dataCategories?: DataCategory;
};

/**
 * A consent in force that names the reader's organisation, by itself or by its kind, for the
 * purpose and category asked: two conditions, each a rule of its own (rules are alternatives, and
 * stay SQL-shaped that way). The definition is `consentInForceConditions`, judged on the request's
 * Paris day.
 */
export function consentsInForceNaming(principal: Principal, coverage: ConsentNaming = {}): Conditions[] {
  const { dataCategories, ...rest } = coverage;
  return consentInForceConditions(principal.now, {
    category: dataCategories,
    ...rest,
    organisation: { id: principal.organisationId, kind: principal.organisationKind },
  });
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
  define(principal, { allow, refine }) {
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
    allow('read', 'ConsentException', { ...inWork, requestedByUserId: principal.userId }, REQUESTED);
    if (principal.sharingCategory !== SharingCategory.NOT_LISTED) {
      // Only the professionals related to the person weigh a derogation, and read its
      // justification: their organisation is in the circle of one of the person's situations (the
      // follow-up teams' organisations join it) or referred the person.
      const pending = {
        ...inWork,
        status: DerogationStatus.PENDING,
        requestedByUserId: { $ne: principal.userId },
      };
      for (const related of relatedToThePerson(principal)) {
        allow(['read', 'approve', 'reject'], 'ConsentException', { ...pending, ...related }, SECOND_OPINION);
      }
      allow('read', 'ConsentException', { ...inWork, decidedByUserId: principal.userId }, DECIDED);
    }

    // The pseudonym (logistic) for every partner the consent or derogation names.
    for (const naming of consentsInForceNaming(principal)) {
      allow(
        'read',
        'Person',
        { ...inWork, consents: { $elemMatch: naming } },
        { ...CONSENT, opens: PSEUDONYM },
      );
    }
    allow(
      'read',
      'Person',
      { ...inWork, consentExceptions: { $elemMatch: approvedDerogationNaming(principal) } },
      { ...DEROGATION, opens: PSEUDONYM },
    );

    // The matrix is the territory's: each territory the user works in gets its own rules.
    for (const territoryId of working) {
      const inTerritory = { territoryId };
      const readable = principal.readableIn(territoryId);
      if (readable.has(DataCategory.IDENTITY)) {
        const identity = { category: DataCategory.IDENTITY };
        for (const naming of consentsInForceNaming(principal, identity)) {
          allow(
            'read',
            'PersonIdentity',
            { ...inTerritory, 'person.consents': { $elemMatch: naming } },
            { ...CONSENT, opens: [DataCategory.IDENTITY] },
          );
        }
        allow(
          'read',
          'PersonIdentity',
          {
            ...inTerritory,
            'person.consentExceptions': {
              $elemMatch: approvedDerogationNaming(principal, { dataCategories: DataCategory.IDENTITY }),
            },
          },
          { ...DEROGATION, opens: [DataCategory.IDENTITY] },
        );
      }
      // The situation's confidential side (who else is in the circle…) for a partner of the circle,
      // each category only while the consent or an approved derogation covers it: a withdrawal
      // takes it away on the next request, the circle's place staying.
      const inCircle = { circle: { $elemMatch: { organisationId: principal.organisationId } } };
      for (const category of CONSENTED_CATEGORIES.filter((candidate) => readable.has(candidate))) {
        for (const naming of consentsInForceNaming(principal, { category })) {
          refine(
            'read',
            'Situation',
            { ...inTerritory, ...inCircle, 'person.consents': { $elemMatch: naming } },
            { ...CONSENT, opens: [category] },
          );
        }
        refine(
          'read',
          'Situation',
          {
            ...inTerritory,
            ...inCircle,
            'person.consentExceptions': {
              $elemMatch: approvedDerogationNaming(principal, { dataCategories: category }),
            },
          },
          { ...DEROGATION, opens: [category] },
        );
      }
      // Confidential lines of the timeline: each category only where the consent covers it, lines
      // for everyone and lines addressed to this partner alike.
      for (const category of CONSENTED_CATEGORIES.filter((candidate) => readable.has(candidate))) {
        for (const naming of consentsInForceNaming(principal, { category })) {
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
              { ...CONSENT, opens: [category] },
            );
          }
        }
      }
    }
  },
});
