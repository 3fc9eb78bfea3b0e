import { ConsentObject } from '@relais/consent';
import { SituationRecord } from '@relais/situations';
import { buildPpcs, identityMayTravel, PpcsFacts } from './ppcs.builder';
import { ppcsProblems } from './ppcs.validator';

const CMP = '0b0f4b2e-6a0e-4d7e-9a55-6f0b7f0e1a01';
const CLSM = '0b0f4b2e-6a0e-4d7e-9a55-6f0b7f0e1a02';
const identity = {
  personId: 'p',
  lastName: 'Martin',
  firstName: 'Lou',
  birthDate: '1970-01-02',
  address: '1 rue des Lilas',
  phone: null,
  protectionMeasure: null,
  representativeName: null,
  representativeContact: null,
  redactedFields: [],
};
const situation = {
  id: '0b0f4b2e-6a0e-4d7e-9a55-6f0b7f0e1a03',
  territoryId: 't',
  person: { id: 'p', caseCode: 'ABC-123', pseudonym: 'L. M., 50–59 ans' },
  identity,
  status: 'ACTIONS_IN_PROGRESS',
  statusLabel: 'Actions en cours',
  openedAt: new Date('2026-10-01T08:00:00Z'),
  closedAt: null,
  nextReviewOn: '2027-01-10',
  circle: [],
  actions: [
    {
      id: '0b0f4b2e-6a0e-4d7e-9a55-6f0b7f0e1a04',
      description: 'Proposer un rendez-vous',
      ownerOrganisationId: CMP,
      dueOn: '2026-12-20',
      status: 'TODO',
      origin: 'DECISION',
      outcome: null,
    },
  ],
} as unknown as SituationRecord;
const consent = (categories: string[], purposes: string[]) =>
  ({ inForce: true, purposes, dataCategories: categories, wishesToAttend: true }) as unknown as ConsentObject;
const facts = (consents: ConsentObject[]): PpcsFacts => ({
  generatedAt: new Date('2026-12-03T10:00:00Z'),
  situation,
  referrals: [],
  consents,
  minutesItems: [],
  followUps: [],
  handoffs: [],
  organisations: new Map([
    [CMP, { name: 'CMP Nord', kind: 'PSYCHIATRY' }],
    [CLSM, { name: 'CLSM', kind: 'MUNICIPAL' }],
  ]),
  coordinationOrganisationId: CLSM,
});

describe('the PPCS export and its schema', () => {
  it('builds a plan the shipped schema accepts, the action typed after its owner', () => {
    const plan = buildPpcs(facts([consent(['IDENTITY'], ['HANDOFF'])]));
    expect(ppcsProblems(plan)).toEqual([]);
    expect(plan.actions[0]).toMatchObject({ type: 'CARE', ownerOrganisationName: 'CMP Nord' });
    expect(plan.person.identity?.lastName).toBe('Martin');
  });

  it('keeps the identity out unless a consent in force covers the hand-over and the identity', () => {
    expect(identityMayTravel([consent(['IDENTITY'], ['CELL_EXAMINATION'])])).toBe(false);
    expect(identityMayTravel([consent(['HOUSING'], ['HANDOFF'])])).toBe(false);
    expect(buildPpcs(facts([])).person.identity).toBeNull();
  });

  it('rejects a plan that departs from the schema, naming where', () => {
    const plan = buildPpcs(facts([]));
    const broken = {
      ...plan,
      actions: [{ ...plan.actions[0], type: 'MAGIC', dueOn: 'demain' }],
      surplus: true,
    } as unknown;
    const problems = ppcsProblems(broken);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('/actions/0/type'),
        expect.stringContaining('/actions/0/dueOn'),
        expect.stringMatching(/^\/ : .*additional/),
      ]),
    );
    expect(ppcsProblems({ format: 'relais.ppcs/1' })).not.toEqual([]);
  });
});
