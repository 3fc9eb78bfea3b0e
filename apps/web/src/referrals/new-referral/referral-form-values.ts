import { dayText } from '../../ui/form/day-text';
import type {
  AgeBand,
  ConsentMethod,
  ConsentPurpose,
  DataCategory,
  DifficultyArea,
  InformationItem,
  OrganisationKind,
  ProtectionMeasure,
  ReferralRequest,
  Urgency,
} from './new-referral.operations';

/** A question answered yes or no; empty until answered (nothing is chosen for the person). */
export type YesNo = '' | 'yes' | 'no';

/** The value that, among a consent's recipients, stands for the cell itself. */
export const CELL_RECIPIENT = 'CELL';

/**
 * Everything the guided form holds, one object for the five steps: moving back and forth keeps it,
 * and only the server keeps it beyond the page (a draft), never the browser's storage.
 */
export interface NewReferralValues {
  territoryId: string;
  person: {
    lastName: string;
    firstName: string;
    birthDate: string;
    ageBand: AgeBand | '';
    protectionMeasure: ProtectionMeasure | '';
    representativeName: string;
    representativeContact: string;
    address: string;
    district: string;
    phone: string;
  };
  form: {
    /** Asked with the person (her housing), sent with the form. */
    housingContext: string;
    description: string;
    difficultyAreas: DifficultyArea[];
    /** One service per line. */
    servicesInvolved: string;
    actionsTried: string;
    blockages: string;
    questionToCell: string;
    urgency: Urgency | '';
    requests: ReferralRequest[];
    healthInformation: string;
  };
  /** Asked again at each sitting: the api keeps these answers only with the submission. */
  admissibility: {
    imminentDanger: YesNo;
    /** « La situation relève-t-elle de l'urgence ? » — the api's `notAnEmergency`, asked the other way round. */
    emergency: YesNo;
    commonLawRoutesTried: YesNo;
  };
  consent: {
    status: 'GIVEN' | 'REFUSED' | '';
    method: ConsentMethod | '';
    witnessOrRepresentative: string;
    collectedOn: string;
    expiresOn: string;
    informationGiven: InformationItem[];
    wishesToAttend: YesNo;
    purposes: ConsentPurpose[];
    /** Partners named by id, and `CELL_RECIPIENT` for the cell. */
    recipients: string[];
    organisationKinds: OrganisationKind[];
    dataCategories: DataCategory[];
  };
}

/** Days are kept as typed, JJ/MM/AAAA (`today` is the api's AAAA-MM-JJ). */
export function emptyValues(territoryId: string, today: string): NewReferralValues {
  return {
    territoryId,
    person: {
      lastName: '',
      firstName: '',
      birthDate: '',
      ageBand: '',
      protectionMeasure: '',
      representativeName: '',
      representativeContact: '',
      address: '',
      district: '',
      phone: '',
    },
    form: {
      housingContext: '',
      description: '',
      difficultyAreas: [],
      servicesInvolved: '',
      actionsTried: '',
      blockages: '',
      questionToCell: '',
      urgency: '',
      requests: [],
      healthInformation: '',
    },
    admissibility: { imminentDanger: '', emergency: '', commonLawRoutesTried: '' },
    consent: emptyConsent(today),
  };
}

export function emptyConsent(today: string): NewReferralValues['consent'] {
  return {
    status: '',
    method: '',
    witnessOrRepresentative: '',
    collectedOn: dayText(today),
    expiresOn: '',
    informationGiven: [],
    wishesToAttend: '',
    purposes: [],
    recipients: [],
    organisationKinds: [],
    dataCategories: [],
  };
}

export type StepNumber = 1 | 2 | 3 | 4 | 5;

export interface StepDefinition {
  number: StepNumber;
  title: string;
}

export const STEPS: readonly StepDefinition[] = [
  { number: 1, title: 'La personne' },
  { number: 2, title: 'La fiche de saisine' },
  { number: 3, title: 'Recevabilité' },
  { number: 4, title: 'Le consentement' },
  { number: 5, title: 'Vérifier et transmettre' },
];

export type FieldName =
  | 'territoryId'
  | `person.${keyof NewReferralValues['person']}`
  | `form.${keyof NewReferralValues['form']}`
  | `admissibility.${keyof NewReferralValues['admissibility']}`
  | `consent.${keyof NewReferralValues['consent']}`;

/** The fields each step asks, in their order on the page: what a step checks before moving on. */
export const STEP_FIELDS: Readonly<Record<Exclude<StepNumber, 5>, readonly FieldName[]>> = {
  1: [
    'territoryId',
    'person.lastName',
    'person.firstName',
    'person.birthDate',
    'person.ageBand',
    'person.protectionMeasure',
    'person.representativeName',
    'person.representativeContact',
    'person.address',
    'person.district',
    'person.phone',
    'form.housingContext',
  ],
  2: [
    'form.description',
    'form.difficultyAreas',
    'form.servicesInvolved',
    'form.actionsTried',
    'form.blockages',
    'form.healthInformation',
    'form.questionToCell',
    'form.urgency',
    'form.requests',
  ],
  3: ['admissibility.imminentDanger', 'admissibility.emergency', 'admissibility.commonLawRoutesTried'],
  4: [
    'consent.status',
    'consent.method',
    'consent.witnessOrRepresentative',
    'consent.collectedOn',
    'consent.informationGiven',
    'consent.purposes',
    'consent.recipients',
    'consent.organisationKinds',
    'consent.dataCategories',
    'consent.expiresOn',
    'consent.wishesToAttend',
  ],
};

export const ALL_FIELDS: readonly FieldName[] = Object.values(STEP_FIELDS).flat();

export function stepOfField(field: FieldName): Exclude<StepNumber, 5> {
  for (const step of [1, 2, 3, 4] as const) if (STEP_FIELDS[step].includes(field)) return step;
  return 1;
}

const CONSENT_SCOPE_FIELDS: ReadonlySet<FieldName> = new Set([
  'consent.informationGiven',
  'consent.purposes',
  'consent.recipients',
  'consent.organisationKinds',
  'consent.dataCategories',
  'consent.expiresOn',
  'consent.wishesToAttend',
]);

/**
 * The fields a step shows for these answers, which are the ones it checks: a question hidden by an
 * answer (the witness of a written consent, the scope of a refusal) is not asked.
 */
export function shownFields(
  step: Exclude<StepNumber, 5>,
  values: NewReferralValues,
  options: { territoryChoice: boolean; mayWriteHealth: boolean },
): FieldName[] {
  return STEP_FIELDS[step].filter((field) => {
    if (field === 'territoryId') return options.territoryChoice;
    if (field === 'form.healthInformation') return options.mayWriteHealth;
    if (field === 'consent.witnessOrRepresentative')
      return values.consent.method !== '' && values.consent.method !== 'WRITTEN';
    if (CONSENT_SCOPE_FIELDS.has(field)) return values.consent.status !== 'REFUSED';
    return true;
  });
}
