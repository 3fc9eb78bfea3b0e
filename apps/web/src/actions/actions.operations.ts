import { graphql } from '../graphql/graphql';
import type { ResultOf } from '../graphql/graphql';

/**
 * One page of the actions the cell entrusted to my organisation, whoever referred the situation:
 * in the statuses asked, by due date, after the cursor of the page before.
 */
export const MyOrganisationActionsQuery = graphql(`
  query MyOrganisationActions(
    $territoryId: ID!
    $status: [ActionStatus!]
    $order: ActionOrder!
    $first: Int!
    $after: String
  ) {
    myOrganisationActions(
      territoryId: $territoryId
      status: $status
      order: $order
      first: $first
      after: $after
    ) {
      edges {
        node {
          id
          caseCode
          situationId
          description
          dueOn
          status
          origin
          outcome
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export type ActionPage = ResultOf<typeof MyOrganisationActionsQuery>['myOrganisationActions'];
export type OrganisationAction = ActionPage['edges'][number]['node'];

/**
 * Where an action stands: its new status and its outcome (left out, the outcome already recorded
 * is kept; empty, it is erased). The answer carries the action, which refreshes the lists that
 * show it.
 */
export const UpdateActionMutation = graphql(`
  mutation UpdateAction($input: UpdateActionInput!) {
    updateAction(input: $input) {
      id
      status
      dueOn
      outcome
    }
  }
`);
