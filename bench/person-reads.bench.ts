/**
 * What reading about people costs through the api, as ratios to the cheapest authenticated read
 * (`me`) measured in the same rounds: the coordinator's referral list (50 rows), the bailleur's
 * « mes saisines » (50 rows) and a 40-item agenda. Each round runs every read once, in turn, so the
 * machine's noise hits them alike; medians and 95th percentiles over the rounds.
 */
import { DataCategory, Role } from '@relais/access';
import { Consent, ConsentMethod, ConsentPurpose, ConsentStatus, InformationItem } from '@relais/consent';
import { OrganisationKind, Profession } from '@relais/identity';
import { AgendaItem, AgendaItemKind, ItemInvitation } from '@relais/meetings';
import { AgeBand, newCaseCode, Person, Situation, SituationStatus } from '@relais/situations';
import { GraphqlClient, logInClient } from '@relais/testing';
import { performance } from 'node:perf_hooks';
import { provisionTestInfrastructure } from '../libs/platform/testing/src/test-infrastructure';
import { RunningApi, startApi } from '../test/support/api-harness';
import { AGENDA, PLAN_MEETING } from '../test/support/meeting-documents';
import {
  ALL_INFORMATION,
  CREATE_REFERRAL,
  RECORD_CONSENT,
  SUBMIT_REFERRAL,
} from '../test/support/referral-documents';

const REFERRALS = 50;
const AGENDA_ITEMS = 40;
const WARM_UP_ROUNDS = 50;
const ROUNDS = 400;

const ME = '{ me { id } }';
const INBOX = `query ($t: ID!) { referrals(territoryId: $t) {
  id status person { caseCode pseudonym } identity { lastName } difficultyAreas description consentStatus redactedFields } }`;
const MINE = `query ($t: ID!) { myOrganisationReferrals(territoryId: $t) {
  id caseCode status statusLabel situationStatus actionsForMyOrganisation { id description dueOn } } }`;

interface Reader {
  name: string;
  read: () => Promise<unknown>;
}

async function seedReferrals(api: RunningApi, bailleur: GraphqlClient, territoryId: string, ccasId: string) {
  for (let index = 0; index < REFERRALS; index += 1) {
    const { createReferral } = await bailleur.expectData<{ createReferral: { id: string } }>(
      CREATE_REFERRAL,
      {
        input: {
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
        },
      },
    );
    await bailleur.expectData(RECORD_CONSENT, {
      id: createReferral.id,
      input: {
        status: 'GIVEN',
        method: 'WRITTEN',
        collectedOn: api.clock.now().toISOString().slice(0, 10),
        informationGiven: ALL_INFORMATION,
        wishesToAttend: false,
        purposes: ['CELL_EXAMINATION'],
        organisationIds: [ccasId],
        organisationKinds: [],
        includesCell: true,
        dataCategories: ['LOGISTIC', 'IDENTITY', 'SOCIAL_CONFIDENTIAL'],
      },
    });
    await bailleur.expectData(SUBMIT_REFERRAL, {
      input: {
        referralId: createReferral.id,
        commonLawRoutesTried: true,
        notAnEmergency: true,
        imminentDanger: false,
      },
    });
  }
}

/** Situations with a consent in force put straight on the agenda, each with a guest. */
async function seedAgenda(api: RunningApi, territoryId: string, meetingId: string, guestId: string) {
  const owner = api.dataSource;
  for (let position = 1; position <= AGENDA_ITEMS; position += 1) {
    const person = await owner.getRepository(Person).save({
      territoryId,
      caseCode: newCaseCode(),
      initials: 'A. B.',
      ageBand: AgeBand.AGE_40_49,
      district: null,
    });
    await owner.getRepository(Consent).save({
      territoryId,
      personId: person.id,
      referralId: null,
      status: ConsentStatus.GIVEN,
      method: ConsentMethod.WRITTEN,
      witnessOrRepresentative: null,
      collectedByUserId: person.id,
      collectedByOrganisationId: guestId,
      collectedOn: '2026-01-05',
      recordedAt: new Date(),
      informationGiven: Object.values(InformationItem),
      wishesToAttend: false,
      purposes: [ConsentPurpose.CELL_EXAMINATION],
      organisationIds: [guestId],
      organisationKinds: [],
      includesCell: true,
      dataCategories: [DataCategory.LOGISTIC],
      expiresOn: '2099-01-01',
      supersededAt: null,
      withdrawnAt: null,
      withdrawnByUserId: null,
    });
    const situation = await owner.getRepository(Situation).save({
      territoryId,
      personId: person.id,
      status: SituationStatus.ACCEPTED,
      openedAt: new Date(),
      closedAt: null,
      closureReason: null,
      nextReviewOn: null,
    });
    const item = await owner.getRepository(AgendaItem).save({
      territoryId,
      meetingId,
      situationId: situation.id,
      position,
      kind: AgendaItemKind.NEW,
      minutes: 10,
      presenterOrganisationId: null,
      presenterUserId: null,
      reason: null,
      presentation: 1,
    });
    await owner.getRepository(ItemInvitation).save({
      territoryId,
      agendaItemId: item.id,
      meetingId,
      situationId: situation.id,
      organisationId: guestId,
      lapsedAt: null,
    });
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
      const user = await api.factory.user({ territory, organisation, profession, roles: [role], cell });
      return { client: (await logInClient(api.anonymous, user.email, user.password)).client, organisation };
    };
    const bailleur = await logIn(OrganisationKind.HOUSING, Profession.HOUSING_OFFICER, Role.REFERRER);
    const coordinator = (
      await logIn(OrganisationKind.MUNICIPAL, Profession.CLSM_COORDINATOR, Role.COORDINATOR)
    ).client;
    await seedReferrals(api, bailleur.client, territory.id, ccasId);
    const { planMeeting } = await coordinator.expectData<{ planMeeting: { id: string } }>(PLAN_MEETING, {
      input: {
        cellId: cell.id,
        startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        place: 'Mairie',
      },
    });
    await seedAgenda(api, territory.id, planMeeting.id, bailleur.organisation.id);

    const readers: Reader[] = [
      { name: 'me (référence)', read: () => coordinator.expectData(ME) },
      { name: 'saisines, coordination (50)', read: () => coordinator.expectData(INBOX, { t: territory.id }) },
      {
        name: 'mes saisines, bailleur (50)',
        read: () => bailleur.client.expectData(MINE, { t: territory.id }),
      },
      {
        name: 'ordre du jour (40 points)',
        read: () => coordinator.expectData(AGENDA, { m: planMeeting.id }),
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
