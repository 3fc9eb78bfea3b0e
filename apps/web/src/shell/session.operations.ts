import { graphql } from '../graphql/graphql';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      firstName
      lastName
      sessionIdleTimeoutMinutes
      organisation {
        name
        kind
      }
      memberships {
        id
        status
        roles
        charterAccepted
        territory {
          id
          name
        }
      }
    }
  }
`);

export const LogOutMutation = graphql(`
  mutation LogOut {
    logOut
  }
`);

export const UnreadNotificationCountQuery = graphql(`
  query UnreadNotificationCount {
    unreadNotificationCount
  }
`);
