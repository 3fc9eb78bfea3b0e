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

/** Talks to the running api over real HTTP, as a client application would. */
export class GraphqlClient {
  constructor(
    readonly baseUrl: string,
    readonly accessToken?: string,
  ) {}

  withToken(accessToken: string): GraphqlClient {
    return new GraphqlClient(this.baseUrl, accessToken);
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

export async function logInClient(anonymous: GraphqlClient, email: string, password: string) {
  const data = await anonymous.expectData<{ logIn: IssuedSession }>(LOG_IN, { input: { email, password } });
  return { client: anonymous.withToken(data.logIn.accessToken), session: data.logIn };
}
