import { graphql } from '../graphql/graphql';

// Tokens stay out of the page: the api puts them in httpOnly cookies; the page asks only when they end.
export const LogInMutation = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      accessTokenExpiresAt
    }
  }
`);

export const StartEnrolmentMutation = graphql(`
  mutation StartSecondFactorEnrolment($input: SecondFactorEnrolmentInput!) {
    startSecondFactorEnrolment(input: $input) {
      qrCodeSvg
      secret
    }
  }
`);

export const CompleteEnrolmentMutation = graphql(`
  mutation CompleteSecondFactorEnrolment($input: CompleteSecondFactorEnrolmentInput!) {
    completeSecondFactorEnrolment(input: $input) {
      recoveryCodes
      session {
        accessTokenExpiresAt
      }
    }
  }
`);
