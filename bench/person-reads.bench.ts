/**
 * What reading about people costs through the api, as ratios to the cheapest authenticated read
 * (`me`) measured in the same rounds: the coordinator's referral list (50 rows), the bailleur's
 * « mes saisines » (50 rows) and a 40-item agenda. Each round runs every read once, in turn, so the
 * machine's noise hits them alike; medians and 95th percentiles over the rounds.
 */
import { Role } from '@relais/access';
import { OrganisationKind, Profession } from '@relais/identity';
import { GraphqlClient } from '@relais/testing';
import { performance } from 'node:perf_hooks';
import { provisionTestInfrastructure } from '../libs/platform/testing/src/test-infrastructure';
import { RunningApi, startApi } from '../test/support/api-harness';
import { AGENDA } from '../test/support/meeting-documents';
import {
  memberOf,
  planMeeting,
  recordConsent,
  referPerson,
  seedAgendaItem,
  submit,
} from '../test/support/referral-journey';

const REFERRALS = 50;
const AGENDA_ITEMS = 40;
const WARM_UP_ROUNDS = 50;
const ROUNDS = 400;

const ME = '{ me { id } }';
const INBOX = `query ($t: ID!) { referrals(territoryId: $t, first: 100) { edges { node {
  id status person { caseCode pseudonym } identity { lastName } difficultyAreas description consentStatus redactedFields } } } }`;
const MINE = `query ($t: ID!) { myOrganisationReferrals(territoryId: $t, first: 100) { edges { node {
  id caseCode status statusLabel situationStatus actionsForMyOrganisation { id description dueOn } } } } }`;

interface Reader {
  name: string;
  read: () => Promise<unknown>;
}

async function seedReferrals(api: RunningApi, bailleur: GraphqlClient, territoryId: string, ccasId: string) {
  for (let index = 0; index < REFERRALS; index += 1) {
    const { id } = await referPerson(bailleur, {
      territoryId,
      person: { firstName: 'Banc', lastName: `Essai ${index}`, protectionMeasure: 'NONE' },
      form: {
        difficultyAreas: ['ISOLATION'],
        servicesInvolved: [],
        questionToCell: 'Quel relais proposer ?',
        description: 'Plus de nouvelles depuis trois semaines.',
        urgency: 'LOW',
        requests: ['CELL_EXAMINATION'],
      },
    });
    await recordConsent(bailleur, api, id, {
      organisationIds: [ccasId],
      dataCategories: ['LOGISTIC', 'IDENTITY', 'SOCIAL_CONFIDENTIAL'],
    });
    await submit(bailleur, id);
  }
}

/** Situations with a consent in force put straight on the agenda, each with a guest. */
async function seedAgenda(api: RunningApi, territoryId: string, meetingId: string, guestId: string) {
  for (let position = 1; position <= AGENDA_ITEMS; position += 1) {
    await seedAgendaItem(api.dataSource, { territoryId, meetingId, position, guestOrganisationId: guestId });
  }
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

export async function run(): Promise<void> {
  const infrastructure = await provisionTestInfrastructure();
  const api = await startApi();
  try {
    const territory = await api.factory.territory();
    const cell = await api.factory.cell(territory);
    const ccasId = (await api.factory.organisation(territory, OrganisationKind.SOCIAL)).id;
    const logIn = async (kind: OrganisationKind, profession: Profession, role: Role) => {
      const organisation = await api.factory.organisation(territory, kind);
      const { client } = await memberOf(api, territory, organisation, profession, [role], cell);
      return { client, organisation };
    };
    const bailleur = await logIn(OrganisationKind.HOUSING, Profession.HOUSING_OFFICER, Role.REFERRER);
    const coordinator = (
      await logIn(OrganisationKind.MUNICIPAL, Profession.CLSM_COORDINATOR, Role.COORDINATOR)
    ).client;
    await seedReferrals(api, bailleur.client, territory.id, ccasId);
    const meetingId = await planMeeting(coordinator, cell.id, new Date(Date.now() + 30 * 86_400_000));
    await seedAgenda(api, territory.id, meetingId, bailleur.organisation.id);

    const readers: Reader[] = [
      { name: 'me (référence)', read: () => coordinator.expectData(ME) },
      { name: 'saisines, coordination (50)', read: () => coordinator.expectData(INBOX, { t: territory.id }) },
      {
        name: 'mes saisines, bailleur (50)',
        read: () => bailleur.client.expectData(MINE, { t: territory.id }),
      },
      {
        name: 'ordre du jour (40 points)',
        read: () => coordinator.expectData(AGENDA, { m: meetingId }),
      },
    ];
    const timings = new Map<string, number[]>(readers.map((reader) => [reader.name, []]));
    for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round += 1) {
      for (const reader of readers) {
        const started = performance.now();
        await reader.read();
        if (round >= WARM_UP_ROUNDS) timings.get(reader.name)!.push(performance.now() - started);
      }
    }
    const medianOf = (name: string) =>
      quantile(
        [...timings.get(name)!].sort((x, y) => x - y),
        0.5,
      );
    const reference = medianOf(readers[0].name);
    process.stdout.write(`${ROUNDS} tours (après ${WARM_UP_ROUNDS} d’échauffement), en ms :\n`);
    for (const reader of readers) {
      const sorted = [...timings.get(reader.name)!].sort((x, y) => x - y);
      const median = quantile(sorted, 0.5);
      process.stdout.write(
        `  ${reader.name.padEnd(30)} médiane ${median.toFixed(2).padStart(7)}  p95 ${quantile(sorted, 0.95)
          .toFixed(2)
          .padStart(7)}  ×${(median / reference).toFixed(2)} de « me »\n`,
      );
    }
  } finally {
    await api.close();
    await infrastructure.stop();
  }
}
