import { graphql } from '../graphql/graphql';
import type { ResultOf } from '../graphql/graphql';

/** A referral as the inbox lists it: anonymous (case code and pseudonym, never the identity). */
export const InboxReferralFields = graphql(`
  fragment InboxReferral on Referral @_unmask {
    id
    status
    statusLabel
    submittedAt
    urgency
    referrerKind
    questionToCell
    person {
      id
      caseCode
      pseudonym
    }
    possibleDuplicate {
      id
      caseCode
      pseudonym
    }
  }
`);

/**
 * One page of the derogations awaiting approval, the longest waiting first, with how many wait in
 * all (the section's heading).
 */
export const PendingDerogationsQuery = graphql(`
  query PendingDerogations($territoryId: ID!, $first: Int!, $after: String) {
    derogations(territoryId: $territoryId, status: PENDING, first: $first, after: $after) {
      edges {
        node {
          id
          personId
          referralId
          ground
          groundLabel
          justification
          informPersonBy
          requestedAt
          organisationIds
          status
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
      totalCount
    }
  }
`);

export type DerogationPage = ResultOf<typeof PendingDerogationsQuery>['derogations'];
export type InboxDerogation = DerogationPage['edges'][number]['node'];

/**
 * One page of the referrals sent or in pre-review, the longest waiting first, read anonymously: no
 * identity is asked for here. The person's identity is read on the referral's own page, where the
 * api allows it.
 */
export const ReferralsToReviewQuery = graphql(
  `
    query ReferralsToReview($territoryId: ID!, $first: Int!, $after: String) {
      referralsToReview(territoryId: $territoryId, first: $first, after: $after) {
        edges {
          node {
            ...InboxReferral
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [InboxReferralFields],
);

export type InboxReferral = ResultOf<
  typeof ReferralsToReviewQuery
>['referralsToReview']['edges'][number]['node'];

/** One page of the territory's late actions, the longest late first. */
export const OverdueActionsQuery = graphql(`
  query OverdueActions($territoryId: ID!, $first: Int!, $after: String) {
    overdueActions(territoryId: $territoryId, first: $first, after: $after) {
      edges {
        node {
          id
          caseCode
          situationId
          description
          ownerOrganisationId
          dueOn
          status
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export type OverdueAction = ResultOf<typeof OverdueActionsQuery>['overdueActions']['edges'][number]['node'];

/** One page of the hand-offs still waiting for their receiver's answer, the longest waiting first. */
export const HandoffsAwaitingAnswerQuery = graphql(`
  query HandoffsAwaitingAnswer($territoryId: ID!, $first: Int!, $after: String) {
    handoffsAwaitingAnswer(territoryId: $territoryId, first: $first, after: $after) {
      edges {
        node {
          id
          caseCode
          situationId
          proposedByOrganisationId
          receivingOrganisationId
          proposedAt
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export type AwaitingHandoff = ResultOf<
  typeof HandoffsAwaitingAnswerQuery
>['handoffsAwaitingAnswer']['edges'][number]['node'];

export const StartPreReviewMutation = graphql(`
  mutation StartReferralPreReview($referralId: ID!) {
    startReferralPreReview(referralId: $referralId) {
      id
      status
    }
  }
`);

export const AcceptReferralMutation = graphql(`
  mutation AcceptReferral($input: AcceptReferralInput!) {
    acceptReferral(input: $input) {
      id
      status
      situationId
    }
  }
`);

export const RedirectReferralMutation = graphql(`
  mutation RedirectReferral($input: RedirectReferralInput!) {
    redirectReferral(input: $input) {
      id
      status
    }
  }
`);

export const RequestReferralConsentMutation = graphql(`
  mutation RequestReferralConsent($input: ReferralReasonInput!) {
    requestReferralConsent(input: $input) {
      id
      status
    }
  }
`);

export const ApproveDerogationMutation = graphql(`
  mutation ApproveDerogation($derogationId: ID!) {
    approveDerogation(derogationId: $derogationId) {
      id
      status
    }
  }
`);

export const RejectDerogationMutation = graphql(`
  mutation RejectDerogation($derogationId: ID!, $note: String!) {
    rejectDerogation(derogationId: $derogationId, note: $note) {
      id
      status
    }
  }
`);

/**
 * A referral for its pre-review, without the person's identity: what the cell examines
 * anonymously, its history, and what the inbox lists.
 */
export const InboxReferralDetailQuery = graphql(
  `
    query InboxReferralDetail($referralId: ID!) {
      referral(referralId: $referralId) {
        ...InboxReferral
        territoryId
        requests
        difficultyAreas
        servicesInvolved
        actionsTried
        blockages
        description
        housingContext
        healthInformation
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
  `,
  [InboxReferralFields],
);

export type InboxReferralDetail = ResultOf<typeof InboxReferralDetailQuery>['referral'];

/** The person's identity, read only when the coordinator asks for it (the read is audited). */
export const ReferralIdentityQuery = graphql(`
  query ReferralIdentity($referralId: ID!) {
    referral(referralId: $referralId) {
      id
      identity {
        firstName
        lastName
        birthDate
        address
        phone
        representativeName
        representativeContact
      }
    }
  }
`);

/**
 * One page of the situations whose review is due by `today` (marked « à réexaminer » or their
 * review date reached, never closed), the next review soonest first: the Situations list's query.
 */
export const ReviewsDueQuery = graphql(`
  query ReviewsDue($territoryId: ID!, $today: String!, $first: Int!, $after: String) {
    situations(territoryId: $territoryId, filter: { reviewDueBy: $today }, first: $first, after: $after) {
      edges {
        node {
          id
          status
          statusLabel
          nextReviewOn
          nextStep
          person {
            id
            caseCode
            pseudonym
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export type ReviewDue = ResultOf<typeof ReviewsDueQuery>['situations']['edges'][number]['node'];
