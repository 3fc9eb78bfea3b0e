import { graphql } from '../graphql/graphql';
import type { ResultOf } from '../graphql/graphql';

/** Where I refer: the territories of my active memberships, with their roles. */
export const ReferrerTerritoriesQuery = graphql(`
  query ReferrerTerritories {
    me {
      id
      memberships {
        id
        status
        roles
        territory {
          id
          name
        }
      }
    }
  }
`);

/**
 * My organisation's referrals with the actions entrusted to us, in one request: « Mes saisines »
 * and « Mes actions » read the same document, so going from one to the other shows at once.
 */
export const MyOrganisationReferralsQuery = graphql(`
  query MyOrganisationReferrals($territoryId: ID!) {
    myOrganisationReferrals(territoryId: $territoryId) {
      id
      caseCode
      pseudonym
      status
      statusLabel
      submittedAt
      decidedAt
      redirectTarget
      redirectMessage
      situationStatus
      nextMeetingAt
      actionsForMyOrganisation {
        id
        description
        dueOn
        status
        origin
        situationId
      }
    }
  }
`);

export type MyReferral = ResultOf<typeof MyOrganisationReferralsQuery>['myOrganisationReferrals'][number];
export type MyAction = MyReferral['actionsForMyOrganisation'][number];

/**
 * One referral as my relation to it lets me read it: the server masks what I may not see (those
 * fields come back null) and the page shows only what comes back.
 */
export const ReferralQuery = graphql(`
  query Referral($referralId: ID!) {
    referral(referralId: $referralId) {
      id
      territoryId
      person {
        id
        caseCode
        pseudonym
      }
      identity {
        firstName
        lastName
        birthDate
        address
        phone
        representativeName
        representativeContact
      }
      status
      statusLabel
      urgency
      requests
      difficultyAreas
      servicesInvolved
      actionsTried
      blockages
      questionToCell
      description
      housingContext
      healthInformation
      submittedAt
      decidedAt
      redirectTarget
      redirectMessage
      situationId
      consentStatus
      transitions {
        fromStatus
        toStatus
        occurredAt
        reason
      }
    }
  }
`);

export type ReferralDetail = ResultOf<typeof ReferralQuery>['referral'];

/**
 * What became of the referral for my organisation (next meeting, our actions), the consents my
 * organisation collected for the person, and the partners' names the consent's scope refers to.
 */
export const ReferralFollowThroughQuery = graphql(`
  query ReferralFollowThrough($territoryId: ID!, $personId: ID!) {
    myOrganisationReferrals(territoryId: $territoryId) {
      id
      nextMeetingAt
      situationStatus
      actionsForMyOrganisation {
        id
        description
        dueOn
        status
        origin
      }
    }
    consents(personId: $personId) {
      id
      referralId
      status
      inForce
      method
      collectedOn
      expiresOn
      purposes
      organisationIds
      organisationKinds
      includesCell
      dataCategories
      wishesToAttend
      withdrawnAt
    }
    organisations(territoryId: $territoryId) {
      id
      name
    }
  }
`);

export type ReferralFollowThrough = ResultOf<typeof ReferralFollowThroughQuery>;
export type ConsentRecord = ReferralFollowThrough['consents'][number];
