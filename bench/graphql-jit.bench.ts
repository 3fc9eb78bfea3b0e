/**
 * What Mercurius's JIT (graphql-jit) is worth, and what the variables hook that keeps it correct
 * costs: the same reads against two apis in the same rounds, one compiling documents after their
 * first run (`GRAPHQL_JIT=1`, the default) and one never (`GRAPHQL_JIT=0`); then the hook alone
 * (`coerceVariables`: graphql-js's coercion plus the defaults written in), timed in process.
 */
import { Role } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import { GraphqlClient } from '@relais/testing';
import { getOperationAST, parse } from 'graphql';
import { performance } from 'node:perf_hooks';
import { coerceVariables } from '../libs/platform/graphql/src/execution/variables';
import { provisionTestInfrastructure } from '../libs/platform/testing/src/test-infrastructure';
import { RunningApi, startApi } from '../test/support/api-harness';
import { AGENDA } from '../test/support/meeting-documents';
import { memberOf, planMeeting, seedAgendaItem } from '../test/support/referral-journey';

const WARM_UP_ROUNDS = 100;
const ROUNDS = 600;
const HOOK_CALLS = 50_000;
const AGENDA_ITEMS = 40;

const ME = '{ me { id email firstName lastName memberships { id roles territory { id name } } } }';
const MEETINGS = `query ($t: ID!, $filter: AuditEventFilterInput!) {
  meetings(territoryId: $t) { edges { node { id status startsAt place } } }
  auditEvents(filter: $filter) { id action occurredAt }
}`;

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** A coordinator (and auditor) with 10 meetings, the first with a 40-item agenda. */
async function reader(api: RunningApi) {
  const territory = await api.factory.territory();
  const cell = await api.factory.cell(territory);
  const town = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL);
  const guest = await api.factory.organisation(territory, OrganisationKind.SOCIAL);
  const { client } = await memberOf(
    api,
    territory,
    town,
    Profession.CLSM_COORDINATOR,
    [Role.COORDINATOR, Role.AUDITOR],
    cell,
  );
  const meetingIds: string[] = [];
  for (let index = 0; index < 10; index += 1) {
    meetingIds.push(await planMeeting(client, cell.id, new Date(Date.now() + (index + 10) * 86_400_000)));
  }
  for (let position = 1; position <= AGENDA_ITEMS; position += 1) {
    await seedAgendaItem(api.dataSource, {
      territoryId: territory.id,
      meetingId: meetingIds[0],
      position,
      guestOrganisationId: guest.id,
    });
  }
  return { client, territoryId: territory.id, meetingId: meetingIds[0] };
}

export async function run(): Promise<void> {
  const infrastructure = await provisionTestInfrastructure();
  const compiled = await startApi({ GRAPHQL_JIT: '1' });
  const interpreted = await startApi({ GRAPHQL_JIT: '0' });
  try {
    const clients: { name: string; client: GraphqlClient; territoryId: string; meetingId: string }[] = [
      { name: 'jit', ...(await reader(compiled)) },
      { name: 'sans jit', ...(await reader(interpreted)) },
    ];
    const reads = [
      { name: 'me', run: (client: GraphqlClient) => client.expectData(ME) },
      {
        name: 'séances + journal (variables)',
        run: (client: GraphqlClient, territoryId: string) =>
          client.expectData(MEETINGS, { t: territoryId, filter: { territoryId } }),
      },
      {
        name: `ordre du jour (${AGENDA_ITEMS} points)`,
        run: (client: GraphqlClient, _territoryId: string, meetingId: string) =>
          client.expectData(AGENDA, { m: meetingId }),
      },
    ];
    const timings = new Map<string, number[]>();
    for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round += 1) {
      for (const read of reads) {
        for (const { name, client, territoryId, meetingId } of clients) {
          const started = performance.now();
          await read.run(client, territoryId, meetingId);
          const elapsed = performance.now() - started;
          if (round < WARM_UP_ROUNDS) continue;
          const key = `${read.name} — ${name}`;
          timings.set(key, [...(timings.get(key) ?? []), elapsed]);
        }
      }
    }
    process.stdout.write(`${ROUNDS} tours (après ${WARM_UP_ROUNDS} d’échauffement), en ms :\n`);
    for (const read of reads) {
      const medians = clients.map(({ name }) => {
        const sorted = [...timings.get(`${read.name} — ${name}`)!].sort((x, y) => x - y);
        process.stdout.write(
          `  ${`${read.name} — ${name}`.padEnd(42)} médiane ${quantile(sorted, 0.5).toFixed(2).padStart(6)}  p95 ${quantile(sorted, 0.95).toFixed(2).padStart(6)}\n`,
        );
        return quantile(sorted, 0.5);
      });
      process.stdout.write(`  ${''.padEnd(42)} sans jit / jit : ×${(medians[1] / medians[0]).toFixed(2)}\n`);
    }

    // The hook alone, on the schema the api serves.
    const schema = compiled.app.get(await import('@nestjs/graphql').then((m) => m.GraphQLSchemaHost)).schema;
    const operation = getOperationAST(parse(MEETINGS))!;
    const variables = { t: clients[0].territoryId, filter: { territoryId: clients[0].territoryId } };
    for (let call = 0; call < 1000; call += 1)
      coerceVariables(schema, operation, variables, { hideSuggestions: true });
    const started = performance.now();
    for (let call = 0; call < HOOK_CALLS; call += 1) {
      coerceVariables(schema, operation, variables, { hideSuggestions: true });
    }
    const perCall = ((performance.now() - started) * 1000) / HOOK_CALLS;
    process.stdout.write(
      `  coerceVariables (crochet des variables)    ${perCall.toFixed(1)} µs par requête\n`,
    );
  } finally {
    await compiled.close();
    await interpreted.close();
    await infrastructure.stop();
  }
}
