import { secondFactorCode, secondFactorStep, TEST_SECOND_FACTOR_SECRET } from './second-factor';

export interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; fields?: { field: string; message: string }[]; [key: string]: unknown };
}

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  data: T | null | undefined;
  errors: GraphqlError[] | undefined;
}

export interface GraphqlClientOptions {
  /** The api's clock (tests move it): second-factor codes are computed at its moment. */
  readonly now?: () => Date;
}

/** Talks to the running api over real HTTP, as a client application would. */
export class GraphqlClient {
  constructor(
    readonly baseUrl: string,
    readonly accessToken?: string,
    readonly options: GraphqlClientOptions = {},
  ) {}

  withToken(accessToken: string): GraphqlClient {
    return new GraphqlClient(this.baseUrl, accessToken, this.options);
  }

  /** The moment as the api sees it, when the client was given its clock. */
  now(): Date {
    return this.options.now?.() ?? new Date();
  }

  async request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers: Record<string, string> = {},
  ): Promise<GraphqlResponse<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.accessToken ? { authorization: `Bearer ${this.accessToken}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    const body = (text ? JSON.parse(text) : {}) as { data?: T | null; errors?: GraphqlError[] };
    return { status: response.status, headers: response.headers, data: body.data, errors: body.errors };
  }

  /** Like `request`, but fails the test with the server's errors when there are any. */
  async expectData<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<T> {
    const response = await this.request<T>(query, variables);
    if (response.errors?.length || !response.data) {
      throw new Error(`Erreurs GraphQL inattendues : ${JSON.stringify(response.errors)}`);
    }
    return response.data;
  }
}

export const LOG_IN = /* GraphQL */ `
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      accessToken
      accessTokenExpiresAt
      refreshToken
      refreshTokenExpiresAt
    }
  }
`;

export interface IssuedSession {
  accessToken: string;
  refreshToken: string;
}

const START_ENROLMENT = /* GraphQL */ `
  mutation Start($input: SecondFactorEnrolmentInput!) {
    startSecondFactorEnrolment(input: $input) {
      secret
    }
  }
`;
const COMPLETE_ENROLMENT = /* GraphQL */ `
  mutation Complete($input: CompleteSecondFactorEnrolmentInput!) {
    completeSecondFactorEnrolment(input: $input) {
      session {
        accessToken
        accessTokenExpiresAt
        refreshToken
        refreshTokenExpiresAt
      }
      recoveryCodes
    }
  }
`;

/** Per api and account: the secret enrolled through `logInClient`, and the last step it typed. */
const authenticators = new Map<string, { secret: string; lastStep: number }>();

/**
 * The code an authenticator would show now (the client's clock, or `at`) for an account enrolled
 * with `secret`: never one of a step already typed, since the api accepts each step once. The step
 * before and the one after are accepted too, so three sign-ins of one account fit in one step.
 */
export function nextSecondFactorCode(
  anonymous: GraphqlClient,
  email: string,
  options: { at?: Date; secret?: string } = {},
): string {
  const key = `${anonymous.baseUrl} ${email.trim().toLowerCase()}`;
  const known = authenticators.get(key);
  const secret = options.secret ?? known?.secret ?? TEST_SECOND_FACTOR_SECRET;
  const current = secondFactorStep(options.at ?? anonymous.now());
  const step = Math.max(current - 1, (known?.lastStep ?? -Infinity) + 1);
  if (step > current + 1) {
    throw new Error(
      `Plus de trois codes dans la même demi-minute pour ${email} : avancez l'horloge de l'api.`,
    );
  }
  authenticators.set(key, { secret, lastStep: step });
  return secondFactorCode(step, secret);
}

/**
 * Signs in as a test account, answering the second factor as its authenticator would: the code of
 * the test secret (the factories enrol accounts with it) at the api's moment or `at`; an account
 * the api asks to enrol is enrolled on the way, and its secret remembered.
 */
export async function logInClient(
  anonymous: GraphqlClient,
  email: string,
  password: string,
  options: { at?: Date; secret?: string } = {},
) {
  const secondFactorCode = nextSecondFactorCode(anonymous, email, options);
  const response = await anonymous.request<{ logIn: IssuedSession }>(LOG_IN, {
    input: { email, password, secondFactorCode },
  });
  const error = response.errors?.[0];
  if (error?.extensions?.code === 'SECOND_FACTOR_ENROLMENT_REQUIRED') {
    const enrolmentToken = String(error.extensions.enrolmentToken);
    const started = await anonymous.expectData<{ startSecondFactorEnrolment: { secret: string } }>(
      START_ENROLMENT,
      { input: { enrolmentToken } },
    );
    const code = nextSecondFactorCode(anonymous, email, {
      at: options.at,
      secret: started.startSecondFactorEnrolment.secret,
    });
    const completed = await anonymous.expectData<{
      completeSecondFactorEnrolment: { session: IssuedSession; recoveryCodes: string[] };
    }>(COMPLETE_ENROLMENT, { input: { enrolmentToken, code } });
    const session = completed.completeSecondFactorEnrolment.session;
    return { client: anonymous.withToken(session.accessToken), session };
  }
  if (response.errors?.length || !response.data) {
    throw new Error(`Erreurs GraphQL inattendues : ${JSON.stringify(response.errors)}`);
  }
  return { client: anonymous.withToken(response.data.logIn.accessToken), session: response.data.logIn };
}
