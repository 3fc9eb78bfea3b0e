import { graphql } from '../graphql/graphql';

/**
 * Where an action stands: its new status and, if given, its outcome (left out, the outcome already
 * recorded is kept). The answer carries the action, which refreshes the lists that show it.
 */
export const UpdateActionMutation = graphql(`
  mutation UpdateAction($input: UpdateActionInput!) {
    updateAction(input: $input) {
      id
      status
      dueOn
    }
  }
`);
