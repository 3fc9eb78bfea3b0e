/** GraphQL documents of the referral journey, shared by the suites that walk it. */
import type { GraphqlClient } from '@relais/testing';

export const REFERRAL_FIELDS = /* GraphQL */ `
  id
  status
  statusLabel
  fhirTaskStatus
  person { id caseCode initials ageBand district pseudonym }
  identity { personId firstName lastName birthDate address phone }
  difficultyAreas
  servicesInvolved
  questionToCell
  description
  housingContext
  healthInformation
  consentStatus
  situationId
  possibleDuplicate { caseCode }
  transitions { fromStatus toStatus reason }
  redactedFields
`;

export const CREATE_REFERRAL = /* GraphQL */ `
  mutation ($input: CreateReferralInput!) { createReferral(input: $input) { ${REFERRAL_FIELDS} } }
`;
export const UPDATE_REFERRAL = /* GraphQL */ `
  mutation ($input: UpdateReferralInput!) { updateReferral(input: $input) { ${REFERRAL_FIELDS} } }
`;
export const SUBMIT_REFERRAL = /* GraphQL */ `
  mutation ($input: SubmitReferralInput!) { submitReferral(input: $input) { ${REFERRAL_FIELDS} } }
`;
export const START_PRE_REVIEW = /* GraphQL */ `
  mutation ($id: ID!) { startReferralPreReview(referralId: $id) { ${REFERRAL_FIELDS} } }
`;
export const ACCEPT_REFERRAL = /* GraphQL */ `
  mutation ($input: AcceptReferralInput!) { acceptReferral(input: $input) { ${REFERRAL_FIELDS} } }
`;
export const REDIRECT_REFERRAL = /* GraphQL */ `
  mutation ($input: RedirectReferralInput!) { redirectReferral(input: $input) { ${REFERRAL_FIELDS} } }
`;
export const REQUEST_CONSENT = /* GraphQL */ `
  mutation ($input: ReferralReasonInput!) { requestReferralConsent(input: $input) { ${REFERRAL_FIELDS} } }
`;
export const WITHDRAW_REFERRAL = /* GraphQL */ `
  mutation ($input: ReferralReasonInput!) { withdrawReferral(input: $input) { ${REFERRAL_FIELDS} } }
`;
export const GET_REFERRAL = /* GraphQL */ `
  query ($id: ID!) { referral(referralId: $id) { ${REFERRAL_FIELDS} } }
`;
export const RECORD_CONSENT = /* GraphQL */ `
  mutation ($id: ID!, $input: ConsentInput!) {
    recordConsent(referralId: $id, input: $input) {
      id
      status
      inForce
      expiresOn
      organisationIds
      purposes
    }
  }
`;
export const WITHDRAW_CONSENT = /* GraphQL */ `
  mutation ($id: ID!) {
    withdrawConsent(consentId: $id) {
      id
      status
      inForce
      withdrawnAt
    }
  }
`;
export const REQUEST_DEROGATION = /* GraphQL */ `
  mutation ($id: ID!, $input: DerogationInput!) {
    requestDerogation(referralId: $id, input: $input) {
      id
      status
      groundLabel
      informPersonBy
    }
  }
`;
export const APPROVE_DEROGATION = /* GraphQL */ `
  mutation ($id: ID!) {
    approveDerogation(derogationId: $id) {
      id
      status
      decidedByUserId
    }
  }
`;
/** A situation as SITUATION reads it, its timeline and actions each one page of a connection. */
export type SituationPages<View extends { timeline: unknown[]; actions?: unknown[] }> = Omit<
  View,
  'timeline' | 'actions'
> & {
  timeline: { edges: { node: View['timeline'][number] }[] };
  actions: { edges: { node: NonNullable<View['actions']>[number] }[] };
};

/** The same situation with its pages as plain lists, as the checks read them. */
export function withHistoryLists<View extends { timeline: unknown[]; actions?: unknown[] }>(
  situation: SituationPages<View>,
): View {
  return {
    ...situation,
    timeline: situation.timeline.edges.map((edge) => edge.node),
    actions: situation.actions.edges.map((edge) => edge.node),
  } as unknown as View;
}

export const SITUATION = /* GraphQL */ `
  query ($id: ID!) {
    situation(situationId: $id) {
      id
      status
      person {
        caseCode
        pseudonym
      }
      identity {
        firstName
        lastName
      }
      circle {
        organisationId
        basis
      }
      timeline(first: 100) {
        edges {
          node {
            kind
            label
            category
            audienceOrganisationId
          }
        }
      }
      actions(first: 100) {
        edges {
          node {
            description
            ownerOrganisationId
            dueOn
            status
            origin
          }
        }
      }
      redactedFields
    }
  }
`;
export const MY_REFERRALS = /* GraphQL */ `
  query ($t: ID!) {
    myOrganisationReferrals(territoryId: $t, first: 100) {
      edges {
        node {
          id
          nextMeetingAt
          caseCode
          pseudonym
          status
          statusLabel
          fhirTaskStatus
          situationStatus
          redirectTarget
          redirectMessage
          actionsForMyOrganisation {
            description
            dueOn
            status
          }
        }
      }
    }
  }
`;

/** « Mes saisines » (its first hundred, the most recent first) as a plain list of its nodes. */
export async function myReferralsOf<Row>(
  client: GraphqlClient,
  territoryId: string,
): Promise<{ myOrganisationReferrals: Row[] }> {
  const { myOrganisationReferrals } = await client.expectData<{
    myOrganisationReferrals: { edges: { node: Row }[] };
  }>(MY_REFERRALS, { t: territoryId });
  return { myOrganisationReferrals: myOrganisationReferrals.edges.map((edge) => edge.node) };
}

export const ALL_INFORMATION = [
  'PURPOSES',
  'RECIPIENTS',
  'DATA_CATEGORIES',
  'DURATION',
  'RIGHT_TO_WITHDRAW',
  'RIGHT_OF_ACCESS',
  'CONTACT',
];
