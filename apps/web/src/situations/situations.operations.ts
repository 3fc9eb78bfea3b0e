import { graphql } from '../graphql/graphql';
import type { ResultOf } from '../graphql/graphql';

/** The territories where I work on situations, and my roles there (the access log is the coordination's). */
export const SituationTerritoriesQuery = graphql(`
  query SituationTerritories {
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

/** One page of the territory's situations I may read, for the criteria, after the page before. */
export const SituationsQuery = graphql(`
  query Situations($territoryId: ID!, $filter: SituationFilterInput, $first: Int!, $after: String) {
    situations(territoryId: $territoryId, filter: $filter, first: $first, after: $after) {
      edges {
        node {
          id
          person {
            id
            caseCode
            pseudonym
          }
          status
          statusLabel
          nextReviewOn
          referrerKinds
          openActionCount
          nextActionDueOn
          nextStep
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export type SituationsPage = ResultOf<typeof SituationsQuery>['situations'];
export type SituationLine = SituationsPage['edges'][number]['node'];

/**
 * A situation as my relation to it lets the server send it: identity (or not), circle, timeline,
 * actions, the ids of the follow-ups I may read; with the hand-offs I may see. Partners are given
 * by id: each section asks the directory for the names of those it shows.
 */
export const SituationQuery = graphql(`
  query Situation($situationId: ID!) {
    situation(situationId: $situationId) {
      id
      territoryId
      person {
        id
        caseCode
        pseudonym
        district
      }
      identity {
        firstName
        lastName
        birthDate
        address
        phone
        protectionMeasure
        representativeName
        representativeContact
        redactedFields
      }
      status
      statusLabel
      openedAt
      closedAt
      closureReason
      nextReviewOn
      circle {
        organisationId
        basis
        addedAt
      }
      redactedFields
    }
    handoffs(situationId: $situationId) {
      id
      status
      receivingOrganisationId
      proposedByOrganisationId
      proposedAt
      answeredAt
      firstAppointmentOn
      declineReason
      redactedFields
    }
  }
`);

export type SituationDetail = ResultOf<typeof SituationQuery>['situation'];

/** A page of the situation's timeline, the most recent line first. */
export const SituationTimelineQuery = graphql(`
  query SituationTimeline($situationId: ID!, $first: Int!, $after: String) {
    situation(situationId: $situationId) {
      id
      timeline(first: $first, after: $after) {
        edges {
          node {
            id
            kind
            label
            category
            actorOrganisationId
            occurredAt
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

/** A page of the situation's actions I may see, the first due first. */
export const SituationActionsQuery = graphql(`
  query SituationActions($situationId: ID!, $first: Int!, $after: String) {
    situation(situationId: $situationId) {
      id
      actions(first: $first, after: $after) {
        edges {
          node {
            id
            description
            ownerOrganisationId
            dueOn
            status
            outcome
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  }
`);

export type TimelineLine = ResultOf<
  typeof SituationTimelineQuery
>['situation']['timeline']['edges'][number]['node'];
export type SituationActionLine = ResultOf<
  typeof SituationActionsQuery
>['situation']['actions']['edges'][number]['node'];
export type SituationHandoff = ResultOf<typeof SituationQuery>['handoffs'][number];

/** The person's consents I may see (the coordination, the referring partner). */
export const PersonConsentsQuery = graphql(`
  query PersonConsents($personId: ID!) {
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

export type PersonConsent = ResultOf<typeof PersonConsentsQuery>['consents'][number];

/** A follow-up in short: its kind, phase and dates, and its team's organisations. */
/** The situation's follow-ups I may read (a situation has a handful: one page is enough). */
export const SituationFollowUpsQuery = graphql(`
  query SituationFollowUps($situationId: ID!) {
    situationFollowUps(situationId: $situationId, first: 20) {
      edges {
        node {
          id
          kind
          phase
          startedOn
          plannedEndOn
          team {
            role
            holderName
            organisationId
          }
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

/** « Pourquoi puis-je voir ceci ? » */
export const AccessBasisQuery = graphql(`
  query AccessBasis($subjectId: ID!, $subjectType: String!) {
    accessBasis(subjectId: $subjectId, subjectType: $subjectType) {
      basis
      explanation
    }
  }
`);

/** « Qui a consulté ce dossier ? » : the person's file, most recent first. */
export const AccessLogQuery = graphql(`
  query AccessLog($subjectId: ID!, $territoryId: ID!, $first: Int!, $after: String) {
    accessLog(subjectId: $subjectId, territoryId: $territoryId, first: $first, after: $after) {
      edges {
        node {
          id
          sequence
          chained
          occurredAt
          action
          actorName
          actorUserId
          subjectType
          dataCategories
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
