/**
 * The national bench's server process (forked, pinned to one core): the real api over the national
 * database, and beside it a bare Fastify + pg server that sends, for each request, the very
 * statements the api sent for it once (recorded from a real request), with the same parameters and
 * round trips (authentication on its own, then one transaction opened with its row-level security
 * scope in one message), and answers with the rows it read, as JSON: no GraphQL, no Nest, no checks.
 * `/replay/:key?answer=count` answers their number alone, as this server did before, for comparison.
 * Sent `chaining`, it times the chaining worker's rounds over the national journal.
 */
import { Environment } from '@relais/config';
import { openingWithScope } from '@relais/database';
import { createHash } from 'node:crypto';
import Fastify from 'fastify';
import { Pool, PoolClient } from 'pg';
import { AuditEventChainer } from '@relais/audit';
import { RunningApi, startApi } from '../../test/support/api-harness';
import { RecordedStatement, signIn, StatementRecorder } from '../../test/support/hot-requests';
import { GeneratedTerritory, NationalDataset } from '../../test/support/national-dataset';

export interface BenchTarget {
  name: string;
  territory: 'small' | 'large';
  /** The GraphQL body and bearer token of the request, as the api is sent it. */
  body: string;
  token: string;
  statements: number;
}

export interface ServersReady {
  apiUrl: string;
  bareUrl: string;
  targets: BenchTarget[];
}

const AGENDA = /* GraphQL */ `
  query ($m: ID!) {
    meetingAgenda(meetingId: $m) {
      meeting {
        id
        status
        startsAt
        place
      }
      totalMinutes
      standingInvitees {
        userId
        organisationId
        kind
      }
      items {
        id
        position
        kind
        minutes
        caseCode
        referrerKind
        presentation
        situationId
        reason
        presenterOrganisationId
        guestOrganisationIds
        redactedFields
      }
    }
  }
`;
const SITUATIONS = /* GraphQL */ `
  query ($t: ID!) {
    situations(territoryId: $t, first: 50) {
      edges {
        node {
          id
          status
          statusLabel
          openedAt
          nextReviewOn
          nextStep
          nextActionDueOn
          openActionCount
          referrerKinds
          redactedFields
          person {
            id
            caseCode
          }
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

const ACCESS_LOG = /* GraphQL */ `
  query ($t: ID!, $s: ID!) {
    accessLog(territoryId: $t, subjectId: $s, first: 50) {
      edges {
        node {
          id
          action
          occurredAt
          actorName
          dataCategories
          sequence
          subjectType
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

/** The chaining worker's rounds over the whole national journal, as `chaining` asks (see below). */
export interface ChainingMeasured {
  fullPassMs: number;
  fullPassLinked: number;
  nextRoundMs: number;
  reads: number;
  links: number;
}

const LEADING_NAME = /^\/\*\s*prepared:([\w-]+)\s*\*\//;

/** Sends one recorded statement as the api's client would: named (prepared) when it is marked. */
function send(client: PoolClient, statement: RecordedStatement) {
  const named = LEADING_NAME.exec(statement.sql);
  if (!named) return client.query(statement.sql, statement.parameters);
  const hash = createHash('sha1').update(statement.sql).digest('hex').slice(0, 12);
  return client.query({ name: `${named[1]}-${hash}`, text: statement.sql, values: statement.parameters });
}

async function main(): Promise<void> {
  const { environment, dataset } = JSON.parse(String(process.argv[2])) as {
    environment: Environment;
    dataset: NationalDataset;
  };
  const api = await startApi({ ...environment, LOG_LEVEL: 'silent' });
  const recorder = new StatementRecorder(api.appDataSource);
  const replays = new Map<string, RecordedStatement[]>();
  const targets: BenchTarget[] = [];
  const prepare = async (territory: 'small' | 'large', generated: GeneratedTerritory) => {
    const coordinator = await signIn(api, generated.id, generated.accounts.coordinator);
    const token = String(coordinator.accessToken);
    for (const [name, query, variables] of [
      ['ordre du jour', AGENDA, { m: generated.agendaMeetingId }],
      ['situations (50)', SITUATIONS, { t: generated.id }],
      ['qui a consulté', ACCESS_LOG, { t: generated.id, s: generated.auditedPersonId }],
    ] as const) {
      const { result, statements } = await recorder.recorded(() => coordinator.request(query, variables));
      if (result.errors?.length) throw new Error(`${name} : ${JSON.stringify(result.errors)}`);
      replays.set(`${territory}:${name}`, statements);
      targets.push({
        name,
        territory,
        body: JSON.stringify({ query, variables }),
        token,
        statements: statements.length,
      });
    }
  };
  await prepare('small', dataset.small);
  await prepare('large', dataset.large);
  recorder.restore();

  const pool = new Pool({ connectionString: api.config.database.url, max: api.config.database.poolSize });
  const bare = Fastify({ logger: false });
  bare.post<{ Params: { key: string }; Querystring: { answer?: string } }>(
    '/replay/:key',
    async (request) => {
      const statements = replays.get(decodeURIComponent(request.params.key));
      if (!statements) throw new Error('requête inconnue');
      const client = await pool.connect();
      let opened = false;
      try {
        // What a server sends back is what it read: every statement's rows, as pg gives them.
        const read: unknown[][] = [];
        let scope: unknown[] | null = null;
        for (const statement of statements) {
          // As the api: what precedes the scope (authentication) on its own, then the transaction
          // opened with its scope in one message.
          if (statement.scope && !opened) {
            await client.query(
              openingWithScope(statement.scopeSql!, statement.scope, (value) => client.escapeLiteral(value))!,
            );
            opened = true;
            scope = statement.scope;
          } else if (statement.scope && statement.scope !== scope) {
            scope = statement.scope;
            await client.query(statement.scopeSql!, statement.scope);
          }
          read.push((await send(client, statement)).rows);
        }
        if (opened) await client.query('COMMIT');
        return request.query.answer === 'count'
          ? { rows: read.reduce((sum, rows) => sum + rows.length, 0) }
          : { read };
      } catch (error) {
        if (opened) await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
  );
  const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });
  const ready: ServersReady = { apiUrl: api.url, bareUrl, targets };
  process.send!(ready);
  process.on('message', (message) => {
    if (message === 'chaining') {
      void chainingRounds(api).then(
        (chaining) => process.send!({ chaining }),
        (error: unknown) => process.send!({ chainingFailed: String(error) }),
      );
      return;
    }
    if (message !== 'stop') return;
    void (async () => {
      await bare.close();
      await pool.end();
      await api.close();
      process.exit(0);
    })();
  });
}

/**
 * The worker's first round (it looks from the first position of every territory, as every hour):
 * every read's position and seal and every link's positions read; then the round after it, which
 * looks only past the marks.
 */
async function chainingRounds(api: RunningApi): Promise<ChainingMeasured> {
  const chainer = api.app.get(AuditEventChainer);
  const [{ reads, links }] = (await api.dataSource.query(
    `SELECT (SELECT count(*) FROM audit_events WHERE sequence IS NULL)::int AS reads,
            (SELECT count(*) FROM audit_read_links)::int AS links`,
  )) as { reads: number; links: number }[];
  let at = performance.now();
  const full = await chainer.chainAll();
  const fullPassMs = performance.now() - at;
  at = performance.now();
  await chainer.chainAll();
  return { fullPassMs, fullPassLinked: full.chained, nextRoundMs: performance.now() - at, reads, links };
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
