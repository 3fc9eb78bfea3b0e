import { Role } from '@relais/access';
import { OrganisationKind, Profession, Territory } from '@relais/identity';
import { logInClient } from '@relais/testing';
import { RunningApi, startApi } from './support/api-harness';
import {
  ACCEPT_REFERRAL,
  ALL_INFORMATION,
  CREATE_REFERRAL,
  GET_REFERRAL,
  RECORD_CONSENT,
  SITUATION,
  START_PRE_REVIEW,
  SUBMIT_REFERRAL,
} from './support/referral-documents';
import { RoleSession, sessionsByRole } from './support/role-sessions';

/** What a reader gets of one field: its value, or null with the field named in `redactedFields`. */
type Reading = 'reads' | 'masked';
type Field = 'identity' | 'description' | 'difficultyAreas' | 'housingContext' | 'healthInformation';

/**
 * Field by field, who reads what of an accepted referral whose consent names the bailleur, the
 * CCAS and the CMP with every category. Role sessions: the referrer is a bailleur (not listed in
 * R1110-2), the cell member a CCAS social worker, the follow-up practitioner a CMP psychiatric
 * nurse, the coordinator a CLSM coordinator. The administrator, the auditor and the steering committee read no referral.
 */
const FIELD_MATRIX: Record<Role, Record<Field, Reading> | 'refused'> = {
  REFERRER: {
    identity: 'masked',
    description: 'masked',
    difficultyAreas: 'masked',
    housingContext: 'reads',
    healthInformation: 'masked',
  },
  CELL_MEMBER: {
    identity: 'reads',
    description: 'reads',
    difficultyAreas: 'reads',
    housingContext: 'reads',
    healthInformation: 'masked',
  },
  FOLLOWUP_PRACTITIONER: {
    identity: 'reads',
    description: 'reads',
    difficultyAreas: 'reads',
    housingContext: 'reads',
    healthInformation: 'reads',
  },
  COORDINATOR: {
    identity: 'reads',
    description: 'reads',
    difficultyAreas: 'reads',
    housingContext: 'reads',
    healthInformation: 'masked',
  },
  TERRITORY_ADMIN: 'refused',
  AUDITOR: 'refused',
  STEERING: 'refused',
};

describe('field matrix: who reads which category of a referral', () => {
  let api: RunningApi;
  let territory: Territory;
  let sessions: Record<Role, RoleSession>;
  let referralId: string;
  let situationId: string;

  beforeAll(async () => {
    api = await startApi();
    territory = await api.factory.territory();
    sessions = await sessionsByRole(api, territory);
    // A psychiatrist refers: only a health professional may write health information.
    const cmp = await api.factory.organisation(territory, OrganisationKind.PSYCHIATRY);
    const psychiatrist = await api.factory.user({
      territory,
      organisation: cmp,
      profession: Profession.PSYCHIATRIST,
      roles: [Role.REFERRER],
    });
    const referrer = (await logInClient(api.anonymous, psychiatrist.email, psychiatrist.password)).client;
    const created = await referrer.expectData<{ createReferral: { id: string } }>(CREATE_REFERRAL, {
      input: {
        territoryId: territory.id,
        person: {
          firstName: 'Paul',
          lastName: 'Matrice',
          birthDate: '1980-05-02',
          protectionMeasure: 'NONE',
        },
        form: {
          difficultyAreas: ['CARE_INTERRUPTION', 'HOUSING_DEBT'],
          servicesInvolved: ['CMP'],
          questionToCell: 'Maintenir le logement à la sortie d’hospitalisation',
          urgency: 'MEDIUM',
          requests: ['CELL_EXAMINATION'],
          description: 'Sortie d’hospitalisation prévue, isolement important.',
          housingContext: 'Impayés depuis trois mois.',
          healthInformation: 'Traitement retard interrompu depuis six semaines.',
        },
      },
    });
    referralId = created.createReferral.id;
    await referrer.expectData(RECORD_CONSENT, {
      id: referralId,
      input: {
        status: 'GIVEN',
        method: 'WRITTEN',
        collectedOn: api.clock.now().toISOString().slice(0, 10),
        informationGiven: ALL_INFORMATION,
        wishesToAttend: false,
        purposes: ['CELL_EXAMINATION'],
        organisationIds: [
          sessions.REFERRER.organisationId,
          sessions.CELL_MEMBER.organisationId,
          sessions.FOLLOWUP_PRACTITIONER.organisationId,
        ],
        organisationKinds: [],
        includesCell: true,
        dataCategories: ['LOGISTIC', 'IDENTITY', 'HOUSING', 'SOCIAL_CONFIDENTIAL', 'HEALTH_SECRET'],
      },
    });
    await referrer.expectData(SUBMIT_REFERRAL, {
      input: { referralId, commonLawRoutesTried: true, notAnEmergency: true, imminentDanger: false },
    });
    const coordinator = sessions.COORDINATOR.client;
    await coordinator.expectData(START_PRE_REVIEW, { id: referralId });
    const accepted = await coordinator.expectData<{ acceptReferral: { situationId: string } }>(
      ACCEPT_REFERRAL,
      {
        input: { referralId },
      },
    );
    situationId = accepted.acceptReferral.situationId;
  });
  afterAll(() => api.close());

  const rows = Object.entries(FIELD_MATRIX) as [Role, (typeof FIELD_MATRIX)[Role]][];

  it.each(rows)('%s', async (role, expected) => {
    const response = await sessions[role].client.request<{ referral: Record<string, unknown> }>(
      GET_REFERRAL,
      {
        id: referralId,
      },
    );
    if (expected === 'refused') {
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      return;
    }
    const referral = response.data!.referral;
    const redacted = referral.redactedFields as string[];
    for (const [field, reading] of Object.entries(expected)) {
      if (reading === 'reads') {
        expect({ field, value: referral[field] }).toEqual({ field, value: expect.anything() });
        expect(redacted).not.toContain(field);
      } else {
        expect({ field, value: referral[field] }).toEqual({ field, value: null });
        expect(redacted).toContain(field);
      }
    }
  });

  it('shows the situation’s identity to the same readers', async () => {
    for (const [role, expected] of rows) {
      const response = await sessions[role].client.request<{ situation: { identity: unknown } }>(SITUATION, {
        id: situationId,
      });
      if (expected === 'refused') {
        expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        continue;
      }
      const identity = response.data?.situation.identity ?? null;
      expect({ role, identity: identity !== null }).toEqual({
        role,
        identity: expected.identity === 'reads',
      });
    }
  });
});
