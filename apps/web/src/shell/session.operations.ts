import { graphql } from '../graphql/graphql';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      firstName
      lastName
      organisation {
        name
      }
    }
  }
`);

export const RefreshSessionMutation = graphql(`
  mutation RefreshSession {
    refreshSession(input: {}) {
      accessTokenExpiresAt
    }
  }
`);

export const LogOutMutation = graphql(`
  mutation LogOut {
    logOut
  }
`);
