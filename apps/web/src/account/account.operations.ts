import { graphql } from '../graphql/graphql';

/** Who I am, as the account page shows it: my details, my territories and my roles there. */
export const MyAccountQuery = graphql(`
  query MyAccount {
    me {
      id
      firstName
      lastName
      email
      profession
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
        }
        cell {
          name
        }
      }
    }
  }
`);

/** Public: the link's token is the only credential. */
export const SetPasswordMutation = graphql(`
  mutation SetPassword($input: SetPasswordInput!) {
    setPassword(input: $input)
  }
`);

export const ChangePasswordMutation = graphql(`
  mutation ChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

export const RegenerateRecoveryCodesMutation = graphql(`
  mutation RegenerateRecoveryCodes($input: SecondFactorCodeInput!) {
    regenerateRecoveryCodes(input: $input)
  }
`);
