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

export const LogOutMutation = graphql(`
  mutation LogOut {
    logOut
  }
`);
