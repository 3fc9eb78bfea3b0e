import { GraphqlClient, logInClient } from '@relais/testing';
import { DataSource } from 'typeorm';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { RunningApi } from './api-harness';
import { GeneratedTerritory, SignInAccount } from './national-dataset';

/** One statement the api sent, with its parameters and the row-level security scope it ran under. */
export interface RecordedStatement {
  sql: string;
  parameters: unknown[];
  /** The `set_config` parameters of the transaction it ran in: territory ids and purpose. */
  scope: unknown[] | null;
  /** The statement that stated that scope, as the api sent it (planner settings included). */
  scopeSql: string | null;
}

const CONTROL = /^(START TRANSACTION|BEGIN|COMMIT|ROLLBACK)\b/i;
const SCOPE = /^SELECT set_config\('app\.territory_ids'/i;
/** A statement may open with a comment naming it (`/* prepared:<name> *\/`). */
const LEADING_COMMENT = /^\/\*[\s\S]*?\*\/\s*/;

/**
 * Records what the api's own connection sends to Postgres, by wrapping TypeORM's query runner (as
 * the statement counter does, without Jest so benchmarks can use it too): each data statement with
 * its parameters and the scope stated at the start of its transaction.
 */
export class StatementRecorder {
  private readonly original = PostgresQueryRunner.prototype.query;
  private recording: RecordedStatement[] | null = null;

  constructor(connection: DataSource) {
    const original = this.original;
    const scopes = new WeakMap<PostgresQueryRunner, { sql: string; parameters: unknown[] }>();
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const recorder = this;
    PostgresQueryRunner.prototype.query = function (
      this: PostgresQueryRunner,
      ...args: Parameters<PostgresQueryRunner['query']>
    ) {
      const [query, parameters] = args;
      if (recorder.recording && this.connection === connection) {
        const sql = query.trim();
        const bare = sql.replace(LEADING_COMMENT, '');
        if (SCOPE.test(bare)) scopes.set(this, { sql, parameters: parameters ?? [] });
        else if (!CONTROL.test(bare)) {
          const scope = scopes.get(this);
          recorder.recording.push({
            sql,
            parameters: parameters ?? [],
            scope: scope?.parameters ?? null,
            scopeSql: scope?.sql ?? null,
          });
        }
      }
      return original.apply(this, args) as ReturnType<PostgresQueryRunner['query']>;
    } as PostgresQueryRunner['query'];
  }

  async recorded<T>(work: () => Promise<T>): Promise<{ result: T; statements: RecordedStatement[] }> {
    const statements: RecordedStatement[] = [];
    this.recording = statements;
    try {
      return { result: await work(), statements };
    } finally {
      this.recording = null;
    }
  }

  restore(): void {
    PostgresQueryRunner.prototype.query = this.original;
  }
}

/** A hot request: a screen's read, as one account of a territory makes it. */
export interface HotRequest {
  name: string;
  client: GraphqlClient;
  query: string;
  variables: Record<string, unknown>;
}

interface IntrospectedType {
  name: string;
  kind: string;
  fields: { name: string; args: { name: string }[]; type: TypeRef }[] | null;
}
interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
const INTROSPECTION = /* GraphQL */ `
  query {
    __schema {
      types {
        name
        kind
        fields {
          name
          args {
            name
          }
          type {
            kind
            name
            ofType {
              kind
              name
              ofType {
                kind
                name
                ofType {
                  kind
                  name
                  ofType {
                    kind
                    name
                  }
                }
              }
            }
          }
        }
      }
    }
  }
`;

const named = (type: TypeRef): string => (type.name ? type.name : named(type.ofType!));
const isLeaf = (type: TypeRef): boolean =>
  type.kind === 'SCALAR' || type.kind === 'ENUM' || (!!type.ofType && isLeaf(type.ofType));

/**
 * Builds each list's query from the schema as it is (a list may become a connection): every scalar
 * field without arguments of the rows, as a screen asking for all it shows would, and 50 rows
 * where the list takes `first`.
 */
export async function hotRequests(
  api: RunningApi,
  territory: GeneratedTerritory,
  clients: { coordinator: GraphqlClient; referrer: GraphqlClient; practitioner: GraphqlClient },
): Promise<HotRequest[]> {
  const schema = await clients.coordinator.expectData<{ __schema: { types: IntrospectedType[] } }>(
    INTROSPECTION,
  );
  const types = new Map(schema.__schema.types.map((type) => [type.name, type]));
  const scalars = (typeName: string): string =>
    (types.get(typeName)?.fields ?? [])
      .filter((field) => !field.args.length && isLeaf(field.type))
      .map((field) => field.name)
      .join(' ');
  const selection = (typeName: string): string => {
    const type = types.get(typeName)!;
    const edges = type.fields?.find((field) => field.name === 'edges');
    if (edges) {
      const edge = types.get(named(edges.type))!;
      const node = edge.fields!.find((field) => field.name === 'node')!;
      return `edges { node { ${scalars(named(node.type))} } } pageInfo { hasNextPage endCursor }`;
    }
    return scalars(typeName);
  };
  const query = types.get('Query')!;
  const list = (name: string, client: GraphqlClient, field: string, given: Record<string, unknown> = {}) => {
    const definition = query.fields!.find((candidate) => candidate.name === field);
    if (!definition) throw new Error(`Le schéma n’a plus de requête ${field}.`);
    const accepted = new Set(definition.args.map((arg) => arg.name));
    const values: Record<string, unknown> = {
      territoryId: territory.id,
      meetingId: territory.agendaMeetingId,
      first: 50,
      ...given,
    };
    const used = Object.entries(values).filter(([arg]) => accepted.has(arg));
    const args = used.length
      ? `(${used.map(([arg]) => `${arg}: ${JSON.stringify(values[arg])}`).join(', ')})`
      : '';
    const body = isLeaf(definition.type) ? '' : `{ ${selection(named(definition.type))} }`;
    return {
      name,
      client,
      query: `query { ${field}${args} ${body} }`.replace(/"([A-Z_]+)"/g, '$1'),
      variables: {},
    };
  };
  const { coordinator, referrer, practitioner } = clients;
  void api;
  return [
    list('ordre du jour (40 points)', coordinator, 'meetingAgenda'),
    list('orientations', coordinator, 'referrals'),
    list('orientations à examiner', coordinator, 'referralsToReview'),
    list('situations', coordinator, 'situations'),
    list('séances à venir', coordinator, 'meetings', { period: 'UPCOMING' }),
    list('séances passées', coordinator, 'meetings', { period: 'PAST' }),
    list('dérogations', coordinator, 'derogations'),
    list('actions en retard', coordinator, 'overdueActions'),
    list('relais sans réponse', coordinator, 'handoffsAwaitingAnswer'),
    list('notifications', coordinator, 'notifications'),
    list('notifications non lues', coordinator, 'unreadNotificationCount'),
    list('actions de mon organisation', referrer, 'myOrganisationActions'),
    list('orientations de mon organisation', referrer, 'myOrganisationReferrals'),
    list('mes suivis', practitioner, 'myFollowUps'),
    list('relais reçus', practitioner, 'incomingHandoffs'),
    list('qui a consulté ce dossier', coordinator, 'accessLog', { subjectId: territory.auditedPersonId }),
  ];
}

/** Signs in a dataset account, its authenticator enrolled as the api under test seals it. */
export async function signIn(
  api: RunningApi,
  territoryId: string,
  account: SignInAccount,
): Promise<GraphqlClient> {
  await api.factory.enrolSecondFactor({ id: account.userId, territoryId } as never);
  return (await logInClient(api.anonymous, account.email, account.password)).client;
}
