import { describe, expect, it } from '@jest/globals';
import { CELL_RECIPIENT, emptyValues, shownFields } from './referral-form-values';
import type { NewReferralValues } from './referral-form-values';
import {
  admissibilityProblems,
  draftSaveProblems,
  firstIncompleteStep,
  needsEmergencyGuidance,
  servicesFromText,
  toConsentInput,
  toPersonInput,
  toReferralFormInput,
  toSubmitInput,
  unreadableDraftFields,
  valuesFromDraft,
} from './referral-mapping';
import type { DraftReferral } from './referral-mapping';

const TODAY = '2026-12-03';

function values(change: (draft: NewReferralValues) => void = () => undefined): NewReferralValues {
  const result = emptyValues('territoire-1', TODAY);
  change(result);
  return result;
}

function draft(overrides: Partial<DraftReferral> = {}): DraftReferral {
  return {
    id: 'saisine-1',
    status: 'DRAFT',
    territoryId: 'territoire-1',
    redactedFields: ['healthInformation', 'possibleDuplicate'],
    urgency: 'MEDIUM',
    requests: ['ADVICE'],
    difficultyAreas: ['HOUSING_DEBT'],
    servicesInvolved: ['CCAS', 'Médecin traitant'],
    actionsTried: 'Deux visites.',
    blockages: null,
    questionToCell: 'Comment renouer le contact ?',
    description: 'Dette de 2 400 €.',
    housingContext: 'Bail depuis 2009.',
    healthInformation: null,
    person: { id: 'personne-1', caseCode: 'ABC-123', ageBand: 'AGE_50_59', district: 'Quartier Nord' },
    identity: {
      firstName: 'Élise',
      lastName: 'Dupont',
      birthDate: '1971-03-14',
      address: '12 rue des Essais',
      phone: '06 12 34 56 78',
      protectionMeasure: 'CURATORSHIP',
      representativeName: 'UDAF',
      representativeContact: '03 20 00 00 00',
      redactedFields: [],
    },
    ...overrides,
  };
}

describe('the person, as the api takes her', () => {
  it('sends what was typed, trimmed, and null for what was left empty', () => {
    const input = toPersonInput(
      values((v) => {
        Object.assign(v.person, {
          lastName: ' Dupont ',
          firstName: 'Élise',
          protectionMeasure: 'NONE',
          phone: '06 12 34 56 78 ',
        });
      }).person,
    );
    expect(input).toEqual({
      lastName: 'Dupont',
      firstName: 'Élise',
      birthDate: null,
      ageBand: null,
      protectionMeasure: 'NONE',
      representativeName: null,
      representativeContact: null,
      address: null,
      district: null,
      phone: '06 12 34 56 78',
    });
  });

  it('sends a day typed the French way as the api’s, and one it cannot read as typed (the api says why)', () => {
    const typed = values((v) => Object.assign(v.person, { birthDate: ' 14/03/1971 ' }));
    expect(toPersonInput(typed.person).birthDate).toBe('1971-03-14');
    const unreadable = values((v) => Object.assign(v.person, { birthDate: '31/02/1971' }));
    expect(toPersonInput(unreadable.person).birthDate).toBe('31/02/1971');
  });

  it('gives the age band only when the birth date is unknown', () => {
    const withBirthDate = values((v) =>
      Object.assign(v.person, { birthDate: '14/03/1971', ageBand: 'AGE_25_39' }),
    );
    expect(toPersonInput(withBirthDate.person)).toMatchObject({ birthDate: '1971-03-14', ageBand: null });
    const withBand = values((v) => Object.assign(v.person, { ageBand: 'AGE_25_39' }));
    expect(toPersonInput(withBand.person)).toMatchObject({ birthDate: null, ageBand: 'AGE_25_39' });
  });

  it('names a representative only under a measure that has one', () => {
    const person = values((v) =>
      Object.assign(v.person, {
        protectionMeasure: 'NONE',
        representativeName: 'UDAF',
        representativeContact: 'x y z',
      }),
    ).person;
    expect(toPersonInput(person)).toMatchObject({ representativeName: null, representativeContact: null });
    expect(toPersonInput({ ...person, protectionMeasure: 'GUARDIANSHIP' })).toMatchObject({
      representativeName: 'UDAF',
      representativeContact: 'x y z',
    });
  });
});

describe('the form, as the api takes it', () => {
  it('lists one service per line and sends every field, empty ones as null', () => {
    expect(servicesFromText(' CCAS \n\n Médecin traitant\n')).toEqual(['CCAS', 'Médecin traitant']);
    const form = values((v) =>
      Object.assign(v.form, {
        difficultyAreas: ['ISOLATION'],
        servicesInvolved: 'CCAS\nCMP',
        questionToCell: 'Que faire ?',
        urgency: 'HIGH',
        requests: ['ADVICE', 'CELL_EXAMINATION'],
        healthInformation: 'Écrit par erreur',
      }),
    ).form;
    expect(toReferralFormInput(form, { mayWriteHealth: false })).toEqual({
      housingContext: null,
      description: null,
      difficultyAreas: ['ISOLATION'],
      servicesInvolved: ['CCAS', 'CMP'],
      actionsTried: null,
      blockages: null,
      questionToCell: 'Que faire ?',
      urgency: 'HIGH',
      requests: ['ADVICE', 'CELL_EXAMINATION'],
      healthInformation: null,
    });
    expect(toReferralFormInput(form, { mayWriteHealth: true }).healthInformation).toBe('Écrit par erreur');
  });

  it('saves a first step alone with the stand-ins the api needs, and refuses them once the second is started', () => {
    const untouched = values((v) => (v.form.housingContext = 'Bail depuis 2009.')).form;
    expect(toReferralFormInput(untouched, { mayWriteHealth: false })).toMatchObject({
      urgency: 'LOW',
      requests: ['CELL_EXAMINATION'],
      housingContext: 'Bail depuis 2009.',
    });
    expect(draftSaveProblems(untouched)).toEqual([]);
    const started = { ...untouched, description: 'Dette.' };
    expect(draftSaveProblems(started).map((problem) => problem.field)).toEqual([
      'form.urgency',
      'form.requests',
    ]);
    expect(draftSaveProblems({ ...started, urgency: 'LOW', requests: ['ADVICE'] })).toEqual([]);
  });
});

describe('a draft read back', () => {
  it('fills every step it holds and opens at the admissibility questions, never kept', () => {
    const read = valuesFromDraft(draft(), emptyValues('', TODAY));
    expect(read.territoryId).toBe('territoire-1');
    expect(read.person).toEqual({
      lastName: 'Dupont',
      firstName: 'Élise',
      birthDate: '14/03/1971',
      ageBand: '',
      protectionMeasure: 'CURATORSHIP',
      representativeName: 'UDAF',
      representativeContact: '03 20 00 00 00',
      address: '12 rue des Essais',
      district: 'Quartier Nord',
      phone: '06 12 34 56 78',
    });
    expect(read.form).toMatchObject({
      servicesInvolved: 'CCAS\nMédecin traitant',
      urgency: 'MEDIUM',
      requests: ['ADVICE'],
      blockages: '',
      housingContext: 'Bail depuis 2009.',
    });
    expect(read.admissibility).toEqual({ imminentDanger: '', emergency: '', commonLawRoutesTried: '' });
    expect(firstIncompleteStep(read)).toBe(3);
  });

  it('shows the stand-ins of a first save as unanswered, and opens at the second step', () => {
    const read = valuesFromDraft(
      draft({
        urgency: 'LOW',
        requests: ['CELL_EXAMINATION'],
        difficultyAreas: [],
        servicesInvolved: [],
        actionsTried: null,
        questionToCell: null,
        description: null,
      }),
      emptyValues('', TODAY),
    );
    expect(read.form).toMatchObject({ urgency: '', requests: [], housingContext: 'Bail depuis 2009.' });
    expect(firstIncompleteStep(read)).toBe(2);
  });

  it('keeps the age band of a person without a birth date', () => {
    const read = valuesFromDraft(
      draft({ identity: { ...draft().identity!, birthDate: null } }),
      emptyValues('', TODAY),
    );
    expect(read.person.ageBand).toBe('AGE_50_59');
    const unknown = valuesFromDraft(
      draft({
        person: { ...draft().person, ageBand: 'UNKNOWN' },
        identity: { ...draft().identity!, birthDate: null },
      }),
      emptyValues('', TODAY),
    );
    expect(unknown.person.ageBand).toBe('');
  });

  it('opens at the first step when the person is not all there', () => {
    expect(firstIncompleteStep(values())).toBe(1);
  });

  it('names what the gate withheld, health apart (not the author’s to write)', () => {
    expect(unreadableDraftFields(draft())).toEqual([]);
    expect(
      unreadableDraftFields(
        draft({ identity: null, redactedFields: ['questionToCell', 'difficultyAreas', 'healthInformation'] }),
      ),
    ).toEqual(['difficultyAreas', 'questionToCell', 'identity']);
  });
});

describe('admissibility', () => {
  const answers = (
    imminentDanger: '' | 'yes' | 'no',
    emergency: '' | 'yes' | 'no',
    tried: '' | 'yes' | 'no',
  ) => ({
    imminentDanger,
    emergency,
    commonLawRoutesTried: tried,
  });

  it('asks for the emergency guidance on danger, urgency, or nothing tried', () => {
    expect(needsEmergencyGuidance(answers('no', 'no', 'yes'))).toBe(false);
    expect(needsEmergencyGuidance(answers('', '', ''))).toBe(false);
    expect(needsEmergencyGuidance(answers('yes', 'no', 'yes'))).toBe(true);
    expect(needsEmergencyGuidance(answers('no', 'yes', 'yes'))).toBe(true);
    expect(needsEmergencyGuidance(answers('no', 'no', 'no'))).toBe(true);
  });

  it('stops on each answer the api would refuse, on its own question', () => {
    expect(admissibilityProblems(answers('no', 'no', 'yes'))).toEqual([]);
    expect(admissibilityProblems(answers('yes', 'yes', 'no')).map((problem) => problem.field)).toEqual([
      'admissibility.imminentDanger',
      'admissibility.emergency',
      'admissibility.commonLawRoutesTried',
    ]);
  });

  it('turns the urgency question back into the api’s « not an emergency »', () => {
    expect(toSubmitInput('saisine-1', answers('no', 'no', 'yes'))).toEqual({
      referralId: 'saisine-1',
      imminentDanger: false,
      notAnEmergency: true,
      commonLawRoutesTried: true,
    });
    expect(toSubmitInput('saisine-1', answers('yes', 'yes', 'no'))).toEqual({
      referralId: 'saisine-1',
      imminentDanger: true,
      notAnEmergency: false,
      commonLawRoutesTried: false,
    });
  });
});

describe('the consent, as the api takes it', () => {
  const given = values((v) =>
    Object.assign(v.consent, {
      status: 'GIVEN',
      method: 'ORAL_BEFORE_WITNESS',
      witnessOrRepresentative: 'Collègue de l’agence',
      informationGiven: ['PURPOSES', 'CONTACT'],
      wishesToAttend: 'yes',
      purposes: ['CELL_EXAMINATION'],
      recipients: [CELL_RECIPIENT, 'organisation-1'],
      organisationKinds: ['PSYCHIATRY'],
      dataCategories: ['LOGISTIC', 'HOUSING'],
    }),
  ).consent;

  it('names the cell apart from the partners, and sends the default expiry as null', () => {
    expect(toConsentInput(given)).toEqual({
      status: 'GIVEN',
      method: 'ORAL_BEFORE_WITNESS',
      witnessOrRepresentative: 'Collègue de l’agence',
      collectedOn: TODAY,
      expiresOn: null,
      informationGiven: ['PURPOSES', 'CONTACT'],
      wishesToAttend: true,
      purposes: ['CELL_EXAMINATION'],
      organisationIds: ['organisation-1'],
      organisationKinds: ['PSYCHIATRY'],
      includesCell: true,
      dataCategories: ['LOGISTIC', 'HOUSING'],
    });
  });

  it('drops the witness of a written consent', () => {
    expect(toConsentInput({ ...given, method: 'WRITTEN' }).witnessOrRepresentative).toBeNull();
  });

  it('shares nothing on a refusal', () => {
    expect(toConsentInput({ ...given, status: 'REFUSED', expiresOn: '01/06/2027' })).toMatchObject({
      status: 'REFUSED',
      expiresOn: '2027-06-01',
      purposes: [],
      organisationIds: [],
      organisationKinds: [],
      includesCell: false,
      dataCategories: [],
      wishesToAttend: false,
    });
  });
});

describe('the questions a step asks', () => {
  const options = { territoryChoice: false, mayWriteHealth: false };

  it('asks for the territory only among several, and health only of who may write it', () => {
    expect(shownFields(1, values(), options)).not.toContain('territoryId');
    expect(shownFields(1, values(), { ...options, territoryChoice: true })[0]).toBe('territoryId');
    expect(shownFields(2, values(), options)).not.toContain('form.healthInformation');
    expect(shownFields(2, values(), { ...options, mayWriteHealth: true })).toContain(
      'form.healthInformation',
    );
  });

  it('asks for a witness unless the consent is written, and no scope for a refusal', () => {
    const oral = values((v) => Object.assign(v.consent, { status: 'GIVEN', method: 'ORAL_BEFORE_WITNESS' }));
    expect(shownFields(4, oral, options)).toContain('consent.witnessOrRepresentative');
    expect(shownFields(4, oral, options)).toContain('consent.purposes');
    const refusedInWriting = values((v) =>
      Object.assign(v.consent, { status: 'REFUSED', method: 'WRITTEN' }),
    );
    expect(shownFields(4, refusedInWriting, options)).toEqual([
      'consent.status',
      'consent.method',
      'consent.collectedOn',
    ]);
  });
});
