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

/** What « Mes saisines » shows of a referral of my organisation, and the actions entrusted to us. */
export const MyReferralFields = graphql(`
  fragment MyReferralLine on MyReferral @_unmask {
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
    actionsForMyOrganisationCount
  }
`);

/** One page of my organisation's referrals, the most recent first, with how many there are in all. */
export const MyOrganisationReferralsQuery = graphql(
  `
    query MyOrganisationReferrals($territoryId: ID!, $first: Int!, $after: String) {
      myOrganisationReferrals(territoryId: $territoryId, first: $first, after: $after) {
        edges {
          node {
            ...MyReferralLine
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
        totalCount
      }
    }
  `,
  [MyReferralFields],
);

export type MyReferral = ResultOf<
  typeof MyOrganisationReferralsQuery
>['myOrganisationReferrals']['edges'][number]['node'];
export type MyAction = MyReferral['actionsForMyOrganisation'][number];

/**
 * My organisation's referrals about the people who carry these case codes (the most recent first),
 * for « Mes actions » to lead from an action to the referral about the same person.
 */
export const MyReferralCaseCodesQuery = graphql(`
  query MyReferralCaseCodes($territoryId: ID!, $caseCodes: [String!]!, $first: Int!, $after: String) {
    myOrganisationReferrals(territoryId: $territoryId, caseCodes: $caseCodes, first: $first, after: $after) {
      edges {
        node {
          id
          caseCode
          pseudonym
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

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
 * What became of this referral for my organisation (next meeting, our actions), the consents my
 * organisation collected for the person (the partners its scope names are asked by their ids).
 */
export const ReferralFollowThroughQuery = graphql(`
  query ReferralFollowThrough($territoryId: ID!, $referralId: ID!, $personId: ID!) {
    myOrganisationReferrals(territoryId: $territoryId, referralId: $referralId, first: 1) {
      edges {
        node {
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
          actionsForMyOrganisationCount
        }
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
  }
`);

export type ReferralFollowThrough = ResultOf<typeof ReferralFollowThroughQuery>;
export type ConsentRecord = ReferralFollowThrough['consents'][number];
