import { DataCategory } from '@relais/access';
import {
  Consent,
  ConsentCoverage,
  consentInForceSql,
  ConsentPurpose,
  ConsentStatus,
  ConsentTerms,
  isConsentInForce,
} from '@relais/consent';
import { DataSource } from 'typeorm';
import { everyEntityDataSource } from './testing/every-entity-data-source';

const CMP = { id: '7d1c2c7e-4a8e-4b55-9f5e-0a0000000001', kind: 'PSYCHIATRY' };
const CCAS = { id: '7d1c2c7e-4a8e-4b55-9f5e-0a0000000003', kind: 'SOCIAL' };
const BAILLEUR = { id: '7d1c2c7e-4a8e-4b55-9f5e-0a0000000002', kind: 'HOUSING' };

type Named = ConsentTerms & { name: string };

const base: ConsentTerms = {
  status: ConsentStatus.GIVEN,
  supersededAt: null,
  expiresOn: '2027-03-31',
  purposes: [ConsentPurpose.CELL_EXAMINATION, ConsentPurpose.FOLLOW_UP],
  organisationIds: [CMP.id],
  organisationKinds: ['SOCIAL'],
  dataCategories: [DataCategory.IDENTITY, DataCategory.SOCIAL_CONFIDENTIAL],
};

const CONSENTS: Named[] = [
  { name: 'in force', ...base },
  { name: 'last day', ...base, expiresOn: '2027-02-01' },
  { name: 'expired', ...base, expiresOn: '2027-01-31' },
  { name: 'superseded', ...base, supersededAt: new Date('2027-01-15T10:00:00Z') },
  { name: 'withdrawn', ...base, status: ConsentStatus.WITHDRAWN },
  { name: 'refused', ...base, status: ConsentStatus.REFUSED, purposes: [], organisationIds: [] },
  { name: 'handoff only', ...base, purposes: [ConsentPurpose.HANDOFF] },
  { name: 'kinds only', ...base, organisationIds: [], organisationKinds: ['HOUSING'] },
  { name: 'health', ...base, dataCategories: [DataCategory.HEALTH_SECRET] },
];

const COVERAGES: ConsentCoverage[] = [
  {},
  { purpose: ConsentPurpose.CELL_EXAMINATION },
  { purpose: ConsentPurpose.HANDOFF },
  { organisation: CMP },
  { organisation: CCAS },
  { organisation: BAILLEUR },
  { category: DataCategory.IDENTITY },
  { category: DataCategory.HEALTH_SECRET },
  { purpose: ConsentPurpose.FOLLOW_UP, organisation: CCAS, category: DataCategory.SOCIAL_CONFIDENTIAL },
];

/**
 * The definition of a consent in force, in memory (`isConsentInForce`, what services and the
 * planner use) and compiled to SQL (`consentInForceSql`, what the reminders' sharing check runs),
 * agrees on every consent and every coverage asked.
 */
describe('consent in force: the predicate and its SQL agree (Postgres)', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = await everyEntityDataSource('relais-test-consent-in-force');
  });
  afterAll(() => dataSource.destroy());

  async function inSql(coverage: ConsentCoverage, today: string): Promise<string[]> {
    const condition = consentInForceSql(dataSource.getMetadata(Consent), 'c', today, coverage);
    const [sql, parameters] = dataSource.driver.escapeQueryWithParameters(
      `SELECT c.name FROM jsonb_to_recordset(:rows::jsonb) AS c(
          name text, status text, superseded_at timestamptz, expires_on date, purposes text[],
          organisation_ids uuid[], organisation_kinds text[], data_categories text[])
        WHERE ${condition.sql}`,
      {
        ...condition.parameters,
        rows: JSON.stringify(
          CONSENTS.map((consent) => ({
            name: consent.name,
            status: consent.status,
            superseded_at: consent.supersededAt,
            expires_on: consent.expiresOn,
            purposes: consent.purposes,
            organisation_ids: consent.organisationIds,
            organisation_kinds: consent.organisationKinds,
            data_categories: consent.dataCategories,
          })),
        ),
      },
      {},
    );
    const rows = (await dataSource.query(sql, parameters)) as { name: string }[];
    return rows.map((row) => row.name).sort();
  }

  it.each(COVERAGES.map((coverage) => [JSON.stringify(coverage), coverage] as const))(
    'agrees for the coverage %s',
    async (_label, coverage) => {
      const today = '2027-02-01';
      const inMemory = CONSENTS.filter((consent) => isConsentInForce(consent, today, coverage))
        .map((consent) => consent.name)
        .sort();
      expect(await inSql(coverage, today)).toEqual(inMemory);
    },
  );

  it('keeps what it should on the day asked', async () => {
    expect(await inSql({}, '2027-02-01')).toEqual(
      ['health', 'handoff only', 'in force', 'kinds only', 'last day'].sort(),
    );
    expect(await inSql({ organisation: CCAS }, '2027-02-01')).toEqual(
      ['health', 'handoff only', 'in force', 'last day'].sort(),
    );
  });
});
