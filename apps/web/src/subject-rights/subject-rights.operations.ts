import { graphql } from '../graphql/graphql';
import type { ResultOf, VariablesOf } from '../graphql/graphql';

/** The person's requests about her data, most recent first (the coordination's to read). */
export const PersonRequestsQuery = graphql(`
  query PersonRequests($territoryId: ID!, $personId: ID!, $first: Int!, $after: String) {
    dataSubjectRequests(territoryId: $territoryId, personId: $personId, first: $first, after: $after) {
      edges {
        node {
          id
          kind
          receivedOn
          answerBy
          request
          status
          outcome
          answeredOn
          redactedFields
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export type PersonRequest = ResultOf<
  typeof PersonRequestsQuery
>['dataSubjectRequests']['edges'][number]['node'];
export type RequestKind = PersonRequest['kind'];
export type RequestStatus = PersonRequest['status'];

export const RecordRequestMutation = graphql(`
  mutation RecordDataSubjectRequest($input: RecordDataSubjectRequestInput!) {
    recordDataSubjectRequest(input: $input) {
      id
      status
      answerBy
    }
  }
`);

export type RecordRequestInput = VariablesOf<typeof RecordRequestMutation>['input'];

export const StartRequestMutation = graphql(`
  mutation StartDataSubjectRequest($requestId: ID!) {
    startDataSubjectRequest(requestId: $requestId) {
      id
      status
    }
  }
`);

export const AnswerRequestMutation = graphql(`
  mutation AnswerDataSubjectRequest($input: AnswerDataSubjectRequestInput!) {
    answerDataSubjectRequest(input: $input) {
      id
      status
      outcome
      answeredOn
    }
  }
`);

/** One page of the territory's archive, oldest archived first. */
export const ArchivedSituationsQuery = graphql(`
  query ArchivedSituations($territoryId: ID!, $first: Int!, $after: String) {
    archivedSituations(territoryId: $territoryId, first: $first, after: $after) {
      edges {
        node {
          id
          caseCode
          retentionState
          openedAt
          closedAt
          closureReason
          archivedAt
          anonymisedAt
          anonymiseOn
          underLegalHold
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export type ArchivedSituationsPage = ResultOf<typeof ArchivedSituationsQuery>['archivedSituations'];
export type ArchivedSituation = ArchivedSituationsPage['edges'][number]['node'];

/** What the daily retention job would do now (a dry run), and the territory's periods. */
export const RetentionPlanQuery = graphql(`
  query RetentionPlan($territoryId: ID!) {
    retentionPlan(territoryId: $territoryId) {
      computedAt
      steps {
        kind
        situationId
        dueAt
        held
        description
      }
    }
    retentionPolicy(territoryId: $territoryId) {
      activeMonths
      archiveMonths
    }
  }
`);

export type RetentionStep = ResultOf<typeof RetentionPlanQuery>['retentionPlan']['steps'][number];

/** The subject-access export, served to the coordination (same-origin cookie). */
export function personDataPath(territoryId: string, personId: string, format: 'pdf' | 'json'): string {
  return `/documents/territories/${encodeURIComponent(territoryId)}/people/${encodeURIComponent(personId)}/acces-aux-donnees.${format}`;
}

/** The situation's action plan (PPCS) for the regional e-parcours tools. */
export function planPath(territoryId: string, situationId: string): string {
  return `/documents/territories/${encodeURIComponent(territoryId)}/situations/${encodeURIComponent(situationId)}/ppcs.json`;
}
