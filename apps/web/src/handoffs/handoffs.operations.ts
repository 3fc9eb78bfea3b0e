import { graphql } from '../graphql/graphql';
import type { ResultOf, VariablesOf } from '../graphql/graphql';

/** What a hand-off says, as the gate lets me read it (masked fields are null and named). */
export const HandoffFields = graphql(`
  fragment HandoffFields on Handoff {
    id
    situationId
    caseCode
    followUpId
    status
    proposedAt
    answeredAt
    declineReason
    receivingOrganisationId
    receivingOrganisationName
    proposedByOrganisationId
    proposedByOrganisationName
    remindersSentAt
    referentName
    cmpFollowUpStatus
    firstAppointmentOn
    socialReferent
    evictionProcedureState
    rightsOpened
    residualRisks
    contacts
    personAgreed
    redactedFields
  }
`);

export type HandoffView = ResultOf<typeof HandoffFields>;

/** The follow-up a hand-off is proposed from: its case code, situation and where it stands. */
export const HandoffFollowUpQuery = graphql(`
  query HandoffFollowUp($followUpId: ID!) {
    followUp(followUpId: $followUpId) {
      id
      caseCode
      situationId
      phase
    }
  }
`);

export type HandoffFollowUp = ResultOf<typeof HandoffFollowUpQuery>['followUp'];

/** The situation's hand-offs I may see (a follow-up's section keeps its own). */
export const SituationHandoffsQuery = graphql(
  `
    query SituationHandoffs($situationId: ID!) {
      handoffs(situationId: $situationId) {
        ...HandoffFields
      }
    }
  `,
  [HandoffFields],
);

export const ProposeHandoffMutation = graphql(
  `
    mutation ProposeHandoff($input: ProposeHandoffInput!) {
      proposeHandoff(input: $input) {
        ...HandoffFields
      }
    }
  `,
  [HandoffFields],
);

export type ProposeHandoffInput = VariablesOf<typeof ProposeHandoffMutation>['input'];

export const AnswerHandoffMutation = graphql(
  `
    mutation AnswerHandoff($input: AnswerHandoffInput!) {
      answerHandoff(input: $input) {
        ...HandoffFields
      }
    }
  `,
  [HandoffFields],
);

/** Ends the follow-up: without a reason, the api allows it once every hand-off is answered. */
export const EndFollowUpMutation = graphql(`
  mutation EndFollowUpHandedOver($followUpId: ID!) {
    endFollowUp(followUpId: $followUpId) {
      id
      phase
    }
  }
`);

/** The hand-off's document, served to those who may read the hand-off (same-origin cookie). */
export function handoffDocumentPath(handoffId: string): string {
  return `/documents/handoffs/${encodeURIComponent(handoffId)}/passage-de-relais.pdf`;
}

/** The follow-up's page (« Mon suivi », apps/web/src/followups/). */
export function followUpPath(followUpId: string): string {
  return `/suivis/${encodeURIComponent(followUpId)}`;
}

/** Where a team proposes a hand-off from its follow-up. */
export function proposeHandoffPath(followUpId: string): string {
  return `/suivis/${encodeURIComponent(followUpId)}/relais`;
}

/**
 * The territory's partners a hand-off could go to, each said allowed or not by the person's consent
 * in force (the check `proposeHandoff` makes), with the reason when not.
 */
export const HandoffRecipientsQuery = graphql(`
  query HandoffRecipients($situationId: ID!, $first: Int!, $after: String) {
    handoffRecipients(situationId: $situationId, first: $first, after: $after) {
      edges {
        node {
          organisationId
          name
          kind
          allowed
          reason
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** The hand-offs proposed to my organisation: those to answer first (oldest first), then the answered. */
export const IncomingHandoffsQuery = graphql(
  `
    query IncomingHandoffs($status: HandoffStatus, $first: Int!, $after: String) {
      incomingHandoffs(status: $status, first: $first, after: $after) {
        edges {
          node {
            ...HandoffFields
          }
        }
        pageInfo {
          hasNextPage
          endCursor
        }
      }
    }
  `,
  [HandoffFields],
);

/** The list of hand-offs received (« Relais reçus ») and one of them. */
export const incomingPaths = {
  list: '/relais-recus',
  handoff: (handoffId: string) => `/relais-recus/${encodeURIComponent(handoffId)}`,
};

/** One hand-off I may read (proposed by or to my organisation), as the gate lets me read it. */
export const HandoffQuery = graphql(
  `
    query Handoff($handoffId: ID!) {
      handoff(handoffId: $handoffId) {
        ...HandoffFields
      }
    }
  `,
  [HandoffFields],
);
