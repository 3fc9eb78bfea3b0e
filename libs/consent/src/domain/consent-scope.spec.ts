import { DataCategory } from '@relais/access';
import { ConsentDraft, consentProblems, ScopeContext } from './consent-scope';
import { ConsentMethod, ConsentPurpose, ConsentStatus, InformationItem } from './consent.enums';

const context: ScopeContext = {
  today: '2026-11-24',
  validityMonths: 12,
  knownOrganisationIds: new Set(['ccas', 'cmp']),
  purposesAllowed: new Set([ConsentPurpose.CELL_EXAMINATION, ConsentPurpose.INFORMATION_SHARING]),
};
const valid: ConsentDraft = {
  status: ConsentStatus.GIVEN,
  method: ConsentMethod.WRITTEN,
  witnessOrRepresentative: null,
  collectedOn: '2026-11-20',
  expiresOn: null,
  informationGiven: Object.values(InformationItem),
  purposes: [ConsentPurpose.CELL_EXAMINATION],
  organisationIds: ['ccas', 'cmp'],
  organisationKinds: [],
  includesCell: true,
  dataCategories: [DataCategory.LOGISTIC, DataCategory.IDENTITY],
};
const fieldsOf = (draft: Partial<ConsentDraft>) =>
  consentProblems({ ...valid, ...draft }, context).map((p) => p.field);

describe('consent checks', () => {
  it('accepts a complete consent within the referral', () => {
    expect(consentProblems(valid, context)).toEqual([]);
  });

  it('refuses dates that do not exist, lie ahead, or outlast the territory’s validity', () => {
    expect(fieldsOf({ collectedOn: '2026-02-30' })).toEqual(['collectedOn']);
    expect(fieldsOf({ collectedOn: '2026-12-01' })).toEqual(['collectedOn']);
    expect(fieldsOf({ expiresOn: '2026-11-01' })).toEqual(['expiresOn']);
    expect(fieldsOf({ expiresOn: '2027-11-21' })).toEqual(['expiresOn']);
    expect(fieldsOf({ expiresOn: '2027-11-20' })).toEqual([]);
  });

  it('asks who witnessed an oral consent', () => {
    expect(fieldsOf({ method: ConsentMethod.ORAL_BEFORE_WITNESS })).toEqual(['witnessOrRepresentative']);
    expect(
      fieldsOf({ method: ConsentMethod.ORAL_BEFORE_WITNESS, witnessOrRepresentative: 'Gardienne' }),
    ).toEqual([]);
  });

  it('refuses a consent without full information, wider than the referral, or naming unknown partners', () => {
    expect(fieldsOf({ informationGiven: [InformationItem.PURPOSES] })).toEqual(['informationGiven']);
    expect(fieldsOf({ purposes: [ConsentPurpose.CELL_EXAMINATION, ConsentPurpose.FOLLOW_UP] })).toEqual([
      'purposes',
    ]);
    expect(fieldsOf({ includesCell: false })).toEqual(['includesCell']);
    expect(fieldsOf({ organisationIds: ['inconnu'] })).toEqual(['organisationIds']);
    expect(
      fieldsOf({ organisationIds: [], includesCell: false, purposes: [ConsentPurpose.INFORMATION_SHARING] }),
    ).toEqual(['organisationIds']);
    expect(fieldsOf({ dataCategories: [] })).toEqual(['dataCategories']);
  });

  it('does not check the scope of a refusal, only its dates', () => {
    expect(
      fieldsOf({ status: ConsentStatus.REFUSED, purposes: [], informationGiven: [], dataCategories: [] }),
    ).toEqual([]);
    expect(fieldsOf({ status: ConsentStatus.REFUSED, collectedOn: '2027-01-01' })).toEqual(['collectedOn']);
  });

  it('writes every message in French', () => {
    for (const problem of consentProblems(
      { ...valid, collectedOn: 'x', purposes: [], dataCategories: [] },
      context,
    )) {
      expect(problem.message).toMatch(/[a-zé]/);
      expect(problem.message).not.toMatch(/must|invalid|should/i);
    }
  });
});
