/**
 * A demo account signed in to the running api over HTTP, as any client application would: the
 * demonstration activity goes through the same rules, audit lines and outbox events as a person's.
 */
import { DEMO_PASSWORD, DEMO_SECOND_FACTOR_SECRET } from '@relais/identity';
import { HOTP, Secret, TOTP } from 'otpauth';

interface GraphqlError {
  message: string;
  extensions?: { code?: string; fields?: unknown };
}

export class DemoSeedError extends Error {}

/** One signed-in demo account: GraphQL calls under its bearer token. */
export class DemoSession {
  constructor(
    readonly url: string,
    readonly email: string,
    private readonly accessToken: string,
  ) {}

  /** The data of a query or mutation; any GraphQL error stops the seeding with the api's message. */
  async call<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const { data, errors } = await post<T>(this.url, query, variables, this.accessToken);
    if (errors?.length || !data) {
      const first = errors?.[0];
      const label = /(?:mutation|query)\s*(?:\([^)]*\))?\s*\{\s*(\w+)/.exec(query)?.[1] ?? 'requête';
      throw new DemoSeedError(
        `${label} (${this.email}) : ${first?.message ?? 'réponse vide'}` +
          (first?.extensions?.fields ? ` ${JSON.stringify(first.extensions.fields)}` : ''),
      );
    }
    return data;
  }
}

async function post<T>(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  accessToken?: string,
): Promise<{ data?: T | null; errors?: GraphqlError[] }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(accessToken ? { authorization: `Bearer ${accessToken}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: T | null; errors?: GraphqlError[] };
}

const LOG_IN = /* GraphQL */ `
  mutation ($input: LogInInput!) {
    logIn(input: $input) {
      accessToken
    }
  }
`;

/** What an authenticator holding the demo secret shows at `at` (or the step after). */
function demoCode(at: Date, stepsAhead: number): string {
  const step = TOTP.counter({ period: 30, timestamp: at.getTime() }) + stepsAhead;
  return HOTP.generate({
    secret: Secret.fromBase32(DEMO_SECOND_FACTOR_SECRET),
    algorithm: 'SHA1',
    digits: 6,
    counter: step,
  });
}

/**
 * Signs a demo account in once (the api allows 3 sign-ins per account per 30 s); its session is
 * then reused for every call. A code is accepted once: when this step's was already used (a start
 * right after another), the next step's code, which the api also accepts, is typed instead.
 */
export async function signInDemoAccount(url: string, email: string, now: () => Date): Promise<DemoSession> {
  let lastError: GraphqlError | undefined;
  for (const stepsAhead of [0, 1]) {
    const { data, errors } = await post<{ logIn: { accessToken: string } }>(url, LOG_IN, {
      input: { email, password: DEMO_PASSWORD, secondFactorCode: demoCode(now(), stepsAhead) },
    });
    if (data?.logIn) return new DemoSession(url, email, data.logIn.accessToken);
    lastError = errors?.[0];
  }
  throw new DemoSeedError(`connexion de ${email} impossible : ${lastError?.message ?? 'réponse vide'}`);
}
