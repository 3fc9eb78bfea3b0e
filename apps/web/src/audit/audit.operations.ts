import { graphql } from '../graphql/graphql';

export const AuditorTerritoriesQuery = graphql(`
  query AuditorTerritories {
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

export const AuditEventsQuery = graphql(`
  query AuditEvents($filter: AuditEventFilterInput!, $first: Int!, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      edges {
        node {
          id
          sequence
          chained
          occurredAt
          action
          actorUserId
          actorName
          subjectType
          subjectId
          personId
          dataCategories
          details
          requestId
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const AuditChainVerificationQuery = graphql(`
  query AuditChainVerification($territoryId: ID!) {
    auditChainVerification(territoryId: $territoryId) {
      valid
      problem
      checkedEvents
      legacyEvents
      keyIds
      checkpointsCompared
      invalidCheckpoints
      checkpointSequence
      checkpointTakenAt
      firstBrokenSequence
      firstBrokenEventId
    }
  }
`);

export const SealAuditChainMutation = graphql(`
  mutation SealAuditChain($territoryId: ID!) {
    sealAuditChain(territoryId: $territoryId) {
      status
      problem
      sequence
      keyId
      takenAt
    }
  }
`);
