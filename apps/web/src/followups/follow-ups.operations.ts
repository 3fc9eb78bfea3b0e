import type { ResultOf } from '../graphql/graphql';
import { graphql } from '../graphql/graphql';

/** One act as the follow-up's page lists it. */
const FollowUpActFields = graphql(`
  fragment FollowUpActFields on FollowUpAct @_unmask {
    id
    type
    occurredOn
    durationMinutes
    presentUserIds
    recordedByName
    note
    noteVisibility
    redactedFields
  }
`);

/** How many acts a page shows: the first comes with the follow-up (FollowUpFields says 20 too). */
export const ACTS_PAGE_SIZE = 20;

/**
 * What a follow-up's page and its visit form read, and what the api sends back after each change:
 * with its 20 latest acts, so that an act just recorded shows at the top.
 */
const FollowUpFields = graphql(
  `
    fragment FollowUpFields on FollowUp @_unmask {
      id
      situationId
      caseCode
      kind
      phase
      startedOn
      plannedEndOn
      renewals
      nextReviewOn
      myReplacement {
        role
        fromOn
        untilOn
      }
      redactedFields
      team {
        role
        userId
        holderName
        organisationId
        replacement
        vacancy
        redactedFields
      }
      objectives {
        id
        text
        status
        redactedFields
      }
      acts(first: 20) {
        edges {
          node {
            ...FollowUpActFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
      indicators {
        acts
        homeShare
        daysSinceLastContact
        redactedFields
      }
    }
  `,
  [FollowUpActFields],
);

/** The acts that follow a page already shown, the most recent first. */
export const FollowUpActsQuery = graphql(
  `
    query FollowUpActs($followUpId: ID!, $first: Int!, $after: String) {
      followUp(followUpId: $followUpId) {
        id
        acts(first: $first, after: $after) {
          edges {
            node {
              ...FollowUpActFields
            }
          }
          pageInfo {
            hasNextPage
            endCursor
          }
        }
      }
    }
  `,
  [FollowUpActFields],
);

/** One follow-up, and who reads it (whether a health-only note is theirs to write). */
export const FollowUpQuery = graphql(
  `
    query FollowUp($followUpId: ID!) {
      followUp(followUpId: $followUpId) {
        ...FollowUpFields
      }
      me {
        id
        sharingCategory
      }
    }
  `,
  [FollowUpFields],
);

export const MoveFollowUpToPhaseMutation = graphql(
  `
    mutation MoveFollowUpToPhase($followUpId: ID!, $phase: FollowUpPhase!) {
      moveFollowUpToPhase(followUpId: $followUpId, phase: $phase) {
        ...FollowUpFields
      }
    }
  `,
  [FollowUpFields],
);

export const SetFollowUpObjectiveStatusMutation = graphql(
  `
    mutation SetFollowUpObjectiveStatus($input: ObjectiveStatusInput!) {
      setFollowUpObjectiveStatus(input: $input) {
        ...FollowUpFields
      }
    }
  `,
  [FollowUpFields],
);

export const RecordFollowUpActMutation = graphql(
  `
    mutation RecordFollowUpAct($input: RecordActInput!) {
      recordFollowUpAct(input: $input) {
        ...FollowUpFields
      }
    }
  `,
  [FollowUpFields],
);

export type FollowUpDetail = ResultOf<typeof FollowUpFields>;
export type TeamSeat = FollowUpDetail['team'][number];
export type FollowUpObjective = FollowUpDetail['objectives'][number];
export type FollowUpAct = ResultOf<typeof FollowUpActFields>;

/** A line of « Mon suivi »: where the follow-up stands and what comes next. */
const MyFollowUpFields = graphql(`
  fragment MyFollowUpFields on FollowUp @_unmask {
    id
    caseCode
    kind
    phase
    plannedEndOn
    nextReviewOn
    myReplacement {
      role
      fromOn
      untilOn
    }
    team {
      role
      userId
      vacancy
    }
    indicators {
      daysSinceLastContact
    }
  }
`);

export const MyFollowUpsQuery = graphql(
  `
    query MyFollowUps($first: Int!, $after: String, $includeEnded: Boolean!) {
      myFollowUps(first: $first, after: $after, includeEnded: $includeEnded) {
        edges {
          node {
            ...MyFollowUpFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [MyFollowUpFields],
);

export type MyFollowUp = ResultOf<typeof MyFollowUpFields>;
