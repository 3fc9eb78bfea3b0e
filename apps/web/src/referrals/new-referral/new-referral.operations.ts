import { graphql } from '../../graphql/graphql';
import type { ResultOf, VariablesOf } from '../../graphql/graphql';

/** Who is writing, in which territories it may refer, and whether it may write health information. */
export const NewReferralContextQuery = graphql(`
  query NewReferralContext {
    me {
      id
      firstName
      lastName
      sharingCategory
      organisation {
        name
      }
      memberships {
        id
        status
        roles
        territory {
          id
          name
          settings {
            consentValidityMonths
          }
        }
      }
    }
  }
`);

/** Everything the form reads back from a draft, through the api's field gate. */
export const DraftReferralFields = graphql(`
  fragment DraftReferralFields on Referral {
    id
    status
    territoryId
    redactedFields
    urgency
    requests
    difficultyAreas
    servicesInvolved
    actionsTried
    blockages
    questionToCell
    description
    housingContext
    healthInformation
    person {
      id
      caseCode
      ageBand
      district
    }
    identity {
      firstName
      lastName
      birthDate
      address
      phone
      protectionMeasure
      representativeName
      representativeContact
      redactedFields
    }
  }
`);

export const DraftReferralQuery = graphql(
  `
    query DraftReferral($referralId: ID!) {
      referral(referralId: $referralId) {
        ...DraftReferralFields
      }
    }
  `,
  [DraftReferralFields],
);

export const CreateReferralMutation = graphql(
  `
    mutation CreateReferral($input: CreateReferralInput!) {
      createReferral(input: $input) {
        ...DraftReferralFields
      }
    }
  `,
  [DraftReferralFields],
);

export const UpdateReferralMutation = graphql(
  `
    mutation UpdateReferral($input: UpdateReferralInput!) {
      updateReferral(input: $input) {
        ...DraftReferralFields
      }
    }
  `,
  [DraftReferralFields],
);

export const SubmitReferralMutation = graphql(`
  mutation SubmitReferral($input: SubmitReferralInput!) {
    submitReferral(input: $input) {
      id
      status
      statusLabel
      submittedAt
    }
  }
`);

export const ConsentFields = graphql(`
  fragment ConsentFields on Consent {
    id
    referralId
    status
    method
    collectedOn
    expiresOn
    inForce
    witnessOrRepresentative
    informationGiven
    wishesToAttend
    purposes
    organisationIds
    organisationKinds
    includesCell
    dataCategories
    redactedFields
  }
`);

/** The person's consents the reader may see, newest first. */
export const PersonConsentsQuery = graphql(
  `
    query PersonConsents($personId: ID!) {
      consents(personId: $personId) {
        ...ConsentFields
      }
    }
  `,
  [ConsentFields],
);

export const RecordConsentMutation = graphql(
  `
    mutation RecordConsent($referralId: ID!, $input: ConsentInput!) {
      recordConsent(referralId: $referralId, input: $input) {
        ...ConsentFields
      }
    }
  `,
  [ConsentFields],
);

export const ConsentReceiptQuery = graphql(`
  query ConsentReceipt($consentId: ID!) {
    consentReceipt(consentId: $consentId)
  }
`);

/** The receipt page reaches the consent through its referral: the person, then her consents. */
export const ReceiptReferralQuery = graphql(`
  query ReceiptReferral($referralId: ID!) {
    referral(referralId: $referralId) {
      id
      status
      person {
        id
        caseCode
      }
    }
  }
`);

export type CreateReferralInput = VariablesOf<typeof CreateReferralMutation>['input'];
export type UpdateReferralInput = VariablesOf<typeof UpdateReferralMutation>['input'];
export type SubmitReferralInput = VariablesOf<typeof SubmitReferralMutation>['input'];
export type ConsentInput = VariablesOf<typeof RecordConsentMutation>['input'];
export type PersonInput = CreateReferralInput['person'];
export type ReferralFormInput = CreateReferralInput['form'];

export type DifficultyArea = ReferralFormInput['difficultyAreas'][number];
export type ReferralRequest = ReferralFormInput['requests'][number];
export type Urgency = ReferralFormInput['urgency'];
export type ProtectionMeasure = PersonInput['protectionMeasure'];
export type AgeBand = NonNullable<PersonInput['ageBand']>;
export type ConsentMethod = ConsentInput['method'];
export type ConsentPurpose = ConsentInput['purposes'][number];
export type DataCategory = ConsentInput['dataCategories'][number];
export type InformationItem = ConsentInput['informationGiven'][number];
export type OrganisationKind = ConsentInput['organisationKinds'][number];

export type NewReferralContext = ResultOf<typeof NewReferralContextQuery>['me'];
/** A partner a consent names, as the directory names it. */
export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
}
export type RecordedConsent = ResultOf<typeof ConsentFields>;
