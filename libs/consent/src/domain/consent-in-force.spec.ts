import { DataCategory } from '@relais/access';
import { ConsentPurpose, ConsentStatus } from './consent.enums';
import {
  ConsentTerms,
  consentInForceConditions,
  CoverageGap,
  coverageGap,
  isConsentInForce,
} from './consent-in-force';

const CMP = { id: '7d1c2c7e-4a8e-4b55-9f5e-0a0000000001', kind: 'PSYCHIATRY' };
const BAILLEUR = { id: '7d1c2c7e-4a8e-4b55-9f5e-0a0000000002', kind: 'HOUSING' };
const CCAS = { id: '7d1c2c7e-4a8e-4b55-9f5e-0a0000000003', kind: 'SOCIAL' };

const consent = (overrides: Partial<ConsentTerms> = {}): ConsentTerms => ({
  status: ConsentStatus.GIVEN,
  supersededAt: null,
  expiresOn: '2027-03-31',
  purposes: [ConsentPurpose.CELL_EXAMINATION],
  organisationIds: [CMP.id],
  organisationKinds: ['SOCIAL'],
  dataCategories: [DataCategory.IDENTITY],
  ...overrides,
});

describe('consent in force', () => {
  it('holds through its last day in Paris, and not the day after', () => {
    // 31 March 2027, 23:30 in Paris is still its last day (21:30 UTC); 00:30 on 1 April is not.
    expect(isConsentInForce(consent(), new Date('2027-03-31T21:30:00Z'))).toBe(true);
    expect(isConsentInForce(consent(), new Date('2027-03-31T22:30:00Z'))).toBe(false);
    expect(isConsentInForce(consent(), '2027-03-31')).toBe(true);
    expect(isConsentInForce(consent(), '2027-04-01')).toBe(false);
  });

  it('ends when a newer answer supersedes it, or when it is withdrawn or refused', () => {
    expect(isConsentInForce(consent({ supersededAt: new Date('2027-01-01') }), '2027-02-01')).toBe(false);
    expect(isConsentInForce(consent({ status: ConsentStatus.WITHDRAWN }), '2027-02-01')).toBe(false);
    expect(isConsentInForce(consent({ status: ConsentStatus.REFUSED }), '2027-02-01')).toBe(false);
  });

  it('covers only its purposes', () => {
    expect(isConsentInForce(consent(), '2027-02-01', { purpose: ConsentPurpose.CELL_EXAMINATION })).toBe(
      true,
    );
    expect(isConsentInForce(consent(), '2027-02-01', { purpose: ConsentPurpose.HANDOFF })).toBe(false);
  });

  it('names an organisation by itself or by its kind', () => {
    expect(isConsentInForce(consent(), '2027-02-01', { organisation: CMP })).toBe(true);
    expect(isConsentInForce(consent(), '2027-02-01', { organisation: CCAS })).toBe(true);
    expect(isConsentInForce(consent(), '2027-02-01', { organisation: BAILLEUR })).toBe(false);
  });

  it('covers only its categories', () => {
    expect(isConsentInForce(consent(), '2027-02-01', { category: DataCategory.IDENTITY })).toBe(true);
    expect(isConsentInForce(consent(), '2027-02-01', { category: DataCategory.HEALTH_SECRET })).toBe(false);
  });

  it('combines everything asked, as rules do: one condition per way of naming the organisation', () => {
    const coverage = {
      purpose: ConsentPurpose.CELL_EXAMINATION,
      organisation: CCAS,
      category: DataCategory.IDENTITY,
    };
    expect(consentInForceConditions('2027-02-01', coverage)).toEqual([
      {
        status: ConsentStatus.GIVEN,
        supersededAt: null,
        expiresOn: { $gte: '2027-02-01' },
        purposes: ConsentPurpose.CELL_EXAMINATION,
        dataCategories: DataCategory.IDENTITY,
        organisationIds: CCAS.id,
      },
      {
        status: ConsentStatus.GIVEN,
        supersededAt: null,
        expiresOn: { $gte: '2027-02-01' },
        purposes: ConsentPurpose.CELL_EXAMINATION,
        dataCategories: DataCategory.IDENTITY,
        organisationKinds: CCAS.kind,
      },
    ]);
    expect(isConsentInForce(consent(), '2027-02-01', coverage)).toBe(true);
    expect(isConsentInForce(consent(), '2027-02-01', { ...coverage, purpose: ConsentPurpose.HANDOFF })).toBe(
      false,
    );
  });
});

describe('why a consent does not cover a hand-off', () => {
  const handoff = (organisation: { id: string; kind: string }) => ({
    purpose: ConsentPurpose.HANDOFF,
    organisation,
  });
  const forHandoffs = consent({ purposes: [ConsentPurpose.HANDOFF] });

  it('says nothing when it covers it, by the organisation or its kind', () => {
    expect(coverageGap(forHandoffs, '2027-02-01', handoff(CMP))).toBeNull();
    expect(coverageGap(forHandoffs, '2027-02-01', handoff(CCAS))).toBeNull();
  });

  it('tells, in order, no answer in force, an expired one, a purpose left out, a partner not named', () => {
    expect(coverageGap(null, '2027-02-01', handoff(CMP))).toBe(CoverageGap.NO_CONSENT);
    expect(coverageGap(consent({ status: ConsentStatus.WITHDRAWN }), '2027-02-01', handoff(CMP))).toBe(
      CoverageGap.NO_CONSENT,
    );
    expect(coverageGap(forHandoffs, '2027-04-01', handoff(BAILLEUR))).toBe(CoverageGap.EXPIRED);
    expect(coverageGap(consent(), '2027-02-01', handoff(CMP))).toBe(CoverageGap.PURPOSE_NOT_COVERED);
    expect(coverageGap(forHandoffs, '2027-02-01', handoff(BAILLEUR))).toBe(
      CoverageGap.ORGANISATION_NOT_NAMED,
    );
  });
});
