import { graphql } from '../graphql/graphql';

/** The territories where I administer: my memberships, of which the page keeps the TERRITORY_ADMIN ones. */
export const MyAdministeredTerritoriesQuery = graphql(`
  query MyAdministeredTerritories {
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

/** A page of the directory, by last then first name, with how many members it holds in all. */
export const TerritoryMembersQuery = graphql(`
  query TerritoryMembers($territoryId: ID!, $first: Int!, $after: String) {
    territoryMembers(territoryId: $territoryId, first: $first, after: $after) {
      totalCount
      edges {
        node {
          user {
            id
            firstName
            lastName
            email
            organisationId
            profession
          }
          membership {
            id
            roles
            status
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

/** A page of the territory's partners, alphabetical. */
export const TerritoryOrganisationsQuery = graphql(`
  query TerritoryOrganisations($territoryId: ID!, $first: Int!, $after: String) {
    organisations(territoryId: $territoryId, first: $first, after: $after) {
      edges {
        node {
          id
          name
          kind
          finess
          siret
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const CreateOrganisationMutation = graphql(`
  mutation CreateOrganisation($input: CreateOrganisationInput!) {
    createOrganisation(input: $input) {
      id
      name
      kind
      finess
      siret
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        id
        firstName
        lastName
      }
      setPasswordLink {
        sentByEmail
        link
        expiresAt
      }
    }
  }
`);

export const IssueSetPasswordLinkMutation = graphql(`
  mutation IssueSetPasswordLink($input: MembershipTargetInput!) {
    issueSetPasswordLink(input: $input) {
      sentByEmail
      link
      expiresAt
    }
  }
`);

export const GrantRoleMutation = graphql(`
  mutation GrantRole($input: GrantRoleInput!) {
    grantRole(input: $input) {
      id
      roles
      status
    }
  }
`);

export const RevokeRoleMutation = graphql(`
  mutation RevokeRole($input: RevokeRoleInput!) {
    revokeRole(input: $input) {
      id
      roles
      status
    }
  }
`);

export const SuspendMembershipMutation = graphql(`
  mutation SuspendMembership($input: MembershipTargetInput!) {
    suspendMembership(input: $input) {
      id
      roles
      status
    }
  }
`);

export const ReactivateMembershipMutation = graphql(`
  mutation ReactivateMembership($input: MembershipTargetInput!) {
    reactivateMembership(input: $input) {
      id
      roles
      status
    }
  }
`);

export const ResetSecondFactorMutation = graphql(`
  mutation ResetSecondFactor($input: ResetSecondFactorInput!) {
    resetSecondFactor(input: $input)
  }
`);

export const TerritoryChartersQuery = graphql(`
  query TerritoryCharters($territoryId: ID!) {
    charters(territoryId: $territoryId) {
      id
      kind
      version
      title
      body
      publishedAt
      current
    }
  }
`);

export const PublishCharterMutation = graphql(`
  mutation PublishCharter($input: PublishCharterInput!) {
    publishCharter(input: $input) {
      id
      kind
      version
      title
      body
      publishedAt
      current
    }
  }
`);

export const ReminderPoliciesQuery = graphql(`
  query ReminderPolicies($territoryId: ID!) {
    reminderPolicies(territoryId: $territoryId) {
      kind
      label
      audience
      enabled
      isDefault
      offsetsDays
      workingDays
      repeatEveryDays
      maxRepeats
    }
  }
`);

export const TuneReminderPolicyMutation = graphql(`
  mutation TuneReminderPolicy($input: TuneReminderPolicyInput!) {
    tuneReminderPolicy(input: $input) {
      kind
      label
      audience
      enabled
      isDefault
      offsetsDays
      workingDays
      repeatEveryDays
      maxRepeats
    }
  }
`);
