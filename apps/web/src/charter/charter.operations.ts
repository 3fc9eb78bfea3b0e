import { graphql } from '../graphql/graphql';

/** The versions in force in the territory (the cell's rules, the confidentiality charter). */
export const ChartersQuery = graphql(`
  query Charters($territoryId: ID!) {
    charters(territoryId: $territoryId) {
      id
      kind
      title
      body
      version
      publishedAt
      acceptedByMe
    }
  }
`);

export const AcceptCharterMutation = graphql(`
  mutation AcceptCharter($charterId: ID!) {
    acceptCharter(charterId: $charterId) {
      id
      acceptedByMe
    }
  }
`);
