import { Role } from '@relais/access';
import { AuditEvent } from '@relais/audit';
import { Organisation, OrganisationKind, Profession, Territory } from '@relais/identity';
import { GraphqlClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import {
  acceptReferral,
  memberOf,
  recordConsent,
  referPerson,
  submitForPreReview,
} from './support/referral-journey';

const READ = /* GraphQL */ `
  query ($id: ID!) {
    referral(referralId: $id) {
      id
      status
      referrerUserId
      referrerOrganisationId
      referrerKind
      identity {
        lastName
      }
      difficultyAreas
      description
      housingContext
      healthInformation
      transitions {
        toStatus
        actorUserId
      }
      redactedFields
    }
  }
`;

interface Seen {
  id: string;
  status: string;
  referrerUserId: string | null;
  referrerOrganisationId: string | null;
  referrerKind: string | null;
  identity: { lastName: string } | null;
  difficultyAreas: string[] | null;
  description: string | null;
  housingContext: string | null;
  healthInformation: string | null;
  transitions: { toStatus: string; actorUserId: string | null }[] | null;
  redactedFields: string[];
}

const CONTENT = ['description', 'healthInformation', 'housingContext', 'identity'] as const;

/**
 * A CMP psychiatrist refers a patient. Who referred tells of psychiatric care: only the author,
 * the coordinator and readers of confidential social data learn it; everyone else learns the kind
 * of referrer. The author's colleagues follow the referral, they do not read it.
 */
describe('field gate on referrals: the referrer is not disclosed, the author alone reads its form', () => {
  let api: RunningApi;
  let territory: Territory;
  const org = {} as Record<'cmp' | 'bailleur' | 'clsm', Organisation>;
  const as = {} as Record<'psychiatrist' | 'nurse' | 'bailleur' | 'coordinator', GraphqlClient>;
  const ids = {} as Record<'psychiatrist' | 'nurse', string>;
  let referralId: string;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    org.cmp = await api.factory.organisation(territory, OrganisationKind.PSYCHIATRY, 'CMP Portée');
    org.bailleur = await api.factory.organisation(territory, OrganisationKind.HOUSING, 'Habitat Portée');
    org.clsm = await api.factory.organisation(territory, OrganisationKind.MUNICIPAL, 'CLSM Portée');
    const member = async (
      name: keyof typeof as,
      organisation: Organisation,
      profession: Profession,
      roles: Role[],
    ) => {
      const { client, id } = await memberOf(api, territory, organisation, profession, roles);
      as[name] = client;
      return id;
    };
    ids.psychiatrist = await member('psychiatrist', org.cmp, Profession.PSYCHIATRIST, [Role.REFERRER]);
    // A colleague of the author, a health professional of the same CMP, also in the cell: she reads
    // the anonymous pre-review as the cell does, not the form as its author does.
    ids.nurse = await member('nurse', org.cmp, Profession.PSYCHIATRIC_NURSE, [
      Role.REFERRER,
      Role.CELL_MEMBER,
    ]);
    await member('bailleur', org.bailleur, Profession.HOUSING_OFFICER, [Role.REFERRER]);
    await member('coordinator', org.clsm, Profession.CLSM_COORDINATOR, [Role.COORDINATOR]);

    referralId = (
      await referPerson(as.psychiatrist, {
        territoryId: territory.id,
        person: { firstName: 'Marc', lastName: 'Portée-Essai', protectionMeasure: 'NONE' },
        form: {
          difficultyAreas: ['CARE_INTERRUPTION', 'HOUSING_DEBT'],
          servicesInvolved: ['CMP'],
          questionToCell: 'Comment maintenir le logement ?',
          urgency: 'MEDIUM',
          requests: ['CELL_EXAMINATION'],
          description: 'Rupture de suivi depuis deux mois, isolement.',
          housingContext: 'Impayés de loyer depuis quatre mois.',
          healthInformation: 'Traitement injectable interrompu.',
        },
      })
    ).id;
    // The consent names the bailleur, for the cell's examination, with every category: the
    // sharing matrix still keeps confidential data from a bailleur.
    await recordConsent(as.psychiatrist, api, referralId, { organisationIds: [org.bailleur.id] });
    await submitForPreReview(as.psychiatrist, as.coordinator, referralId);
  });
  afterAll(() => api.close());

  async function read(client: GraphqlClient): Promise<Seen> {
    return (await client.expectData<{ referral: Seen }>(READ, { id: referralId })).referral;
  }

  function personReads(actorUserId: string) {
    return api.dataSource.getRepository(AuditEvent).find({
      where: { territoryId: territory.id, action: 'PERSON_DATA_READ', actorUserId, subjectId: referralId },
      order: { position: 'DESC' },
    });
  }

  it('keeps the anonymous pre-review from a colleague of the author, who still follows it', async () => {
    const nurse = await read(as.nurse);
    expect(nurse.status).toBe('PRE_REVIEW');
    for (const field of CONTENT) {
      expect({ field, value: nurse[field] }).toEqual({ field, value: null });
      expect(nurse.redactedFields).toContain(field);
    }
    expect(nurse.transitions).toBeNull();
    expect(nurse.redactedFields).toContain('transitions');
    expect(nurse.referrerKind).toBe('CARE_OR_SUPPORT');
    // As a cell member she reads the pre-review (the question put to the cell), and that alone is
    // audited: no identity, no health.
    expect(nurse.difficultyAreas).toEqual(['CARE_INTERRUPTION', 'HOUSING_DEBT']);
    expect((await personReads(ids.nurse)).map((event) => event.dataCategories)).toEqual([
      ['SOCIAL_CONFIDENTIAL'],
    ]);
  });

  it('lets the author read the form it wrote, health included, and audits what it was shown', async () => {
    const author = await read(as.psychiatrist);
    expect(author.identity).toEqual({ lastName: 'Portée-Essai' });
    expect(author.description).toContain('Rupture de suivi');
    expect(author.housingContext).toContain('Impayés');
    expect(author.healthInformation).toContain('injectable');
    expect(author.referrerUserId).toBe(ids.psychiatrist);
    // What is read, not its order: this file's clock stands still, so the moves share one instant.
    expect(author.transitions?.map((transition) => transition.toStatus).sort()).toEqual([
      'DRAFT',
      'PRE_REVIEW',
      'SUBMITTED',
    ]);
    expect(author.redactedFields).toEqual(['possibleDuplicate']);

    const [latest] = await personReads(ids.psychiatrist);
    expect(latest.dataCategories).toEqual(['HEALTH_SECRET', 'IDENTITY', 'SOCIAL_CONFIDENTIAL']);
  });

  it('lets the coordinator read the form, all but health', async () => {
    const coordinator = await read(as.coordinator);
    expect(coordinator.identity).toEqual({ lastName: 'Portée-Essai' });
    expect(coordinator.description).toContain('Rupture de suivi');
    expect(coordinator.housingContext).toContain('Impayés');
    expect(coordinator.healthInformation).toBeNull();
    expect(coordinator.redactedFields).toEqual(['healthInformation']);
  });

  it('tells a bailleur named by the consent the kind of referrer, never who referred', async () => {
    await acceptReferral(as.coordinator, referralId);

    const bailleur = await read(as.bailleur);
    expect(bailleur.status).toBe('ACCEPTED');
    expect(bailleur.referrerKind).toBe('CARE_OR_SUPPORT');
    expect(bailleur.referrerOrganisationId).toBeNull();
    expect(bailleur.referrerUserId).toBeNull();
    expect(bailleur.redactedFields).toEqual(
      expect.arrayContaining([
        'referrerOrganisationId',
        'referrerUserId',
        'healthInformation',
        'transitions',
      ]),
    );
    // Its own part, housing, it reads.
    expect(bailleur.housingContext).toContain('Impayés');

    const coordinator = await read(as.coordinator);
    expect(coordinator.referrerOrganisationId).toBe(org.cmp.id);
    expect(coordinator.referrerUserId).toBe(ids.psychiatrist);
    expect(coordinator.referrerKind).toBe('CARE_OR_SUPPORT');
  });
});
