import { describe, expect, it } from '@jest/globals';
import { consentOfReferral, consentScopeSummary, consentValuesFrom } from './consent-summary';
import type { RecordedConsent } from './new-referral.operations';
import { CELL_RECIPIENT, emptyConsent } from './referral-form-values';

const recorded: RecordedConsent = {
  id: 'consentement-1',
  referralId: 'saisine-1',
  status: 'GIVEN',
  method: 'WRITTEN',
  collectedOn: '2026-12-03',
  expiresOn: '2027-12-03',
  inForce: true,
  witnessOrRepresentative: null,
  informationGiven: ['PURPOSES', 'CONTACT'],
  wishesToAttend: true,
  purposes: ['CELL_EXAMINATION'],
  organisationIds: ['ccas'],
  organisationKinds: ['PSYCHIATRY'],
  includesCell: true,
  dataCategories: ['LOGISTIC', 'HOUSING'],
  redactedFields: [],
};

const organisations = [{ id: 'ccas', name: 'CCAS de Lille', kind: 'SOCIAL' as const }];

describe('the consent in plain French', () => {
  it('reads back a recorded answer into the consent step', () => {
    expect(consentValuesFrom(recorded)).toEqual({
      status: 'GIVEN',
      method: 'WRITTEN',
      witnessOrRepresentative: '',
      collectedOn: '03/12/2026',
      expiresOn: '03/12/2027',
      informationGiven: ['PURPOSES', 'CONTACT'],
      wishesToAttend: 'yes',
      purposes: ['CELL_EXAMINATION'],
      recipients: [CELL_RECIPIENT, 'ccas'],
      organisationKinds: ['PSYCHIATRY'],
      dataCategories: ['LOGISTIC', 'HOUSING'],
    });
  });

  it('finds the answer recorded for this referral among the person’s', () => {
    const other = { ...recorded, id: 'autre', referralId: 'saisine-2' };
    expect(consentOfReferral([other, recorded], 'saisine-1')?.id).toBe('consentement-1');
    expect(consentOfReferral([other], 'saisine-1')).toBeUndefined();
  });

  it('says for what, with whom, which information and until when', () => {
    expect(consentScopeSummary(consentValuesFrom(recorded), organisations, 12)).toEqual({
      answer: 'La personne a donné son accord.',
      collected: 'par écrit, le jeudi 3 décembre 2026',
      purposes: ['Que la cellule examine sa situation'],
      recipients: [
        'La cellule de situations complexes du CLSM',
        'CCAS de Lille (service social)',
        'Tout service de psychiatrie partenaire',
      ],
      categories: ['Les informations pratiques', 'Son logement'],
      until: 'vendredi 3 décembre 2027',
      attends: 'Elle souhaite être présente quand la cellule examinera sa situation.',
    });
  });

  it('gives the territory’s default expiry when none is set', () => {
    const summary = consentScopeSummary({ ...emptyConsent('2027-03-31'), status: 'GIVEN' }, [], 1);
    expect(summary.until).toBe('vendredi 30 avril 2027 (1 mois, durée fixée par le CLSM)');
  });
});
