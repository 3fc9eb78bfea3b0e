import { graphql } from '../graphql/graphql';

/** The most ids one lookup asks for (the api's page size). */
export const NAMES_PER_LOOKUP = 100;

/** The names of the partners a page shows, asked by their ids. */
export const OrganisationNamesQuery = graphql(`
  query OrganisationNames($territoryId: ID!, $ids: [ID!]!) {
    organisations(territoryId: $territoryId, ids: $ids, first: 100) {
      edges {
        node {
          id
          name
          kind
        }
      }
    }
  }
`);

/** The names of the people a page shows, asked by their accounts' ids. */
export const MemberNamesQuery = graphql(`
  query MemberNames($territoryId: ID!, $userIds: [ID!]!) {
    territoryMembers(territoryId: $territoryId, userIds: $userIds, first: 100) {
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
    }
  }
`);
