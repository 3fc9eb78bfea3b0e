import { graphql } from '../graphql/graphql';

/** The partners whose name holds `search` (all of them, page by page, without it), alphabetical. */
export const OrganisationSearchQuery = graphql(`
  query OrganisationSearch($territoryId: ID!, $search: String, $first: Int!) {
    organisations(territoryId: $territoryId, search: $search, first: $first) {
      edges {
        node {
          id
          name
          kind
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);

/** The people whose first or last name holds `search`, with their partner's id. */
export const MemberSearchQuery = graphql(`
  query MemberSearch($territoryId: ID!, $search: String, $first: Int!) {
    territoryMembers(territoryId: $territoryId, search: $search, first: $first) {
      edges {
        node {
          user {
            id
            firstName
            lastName
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
