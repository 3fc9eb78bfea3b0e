import type { ResultOf } from '../../graphql/graphql';
import { dayText, parseDayText } from '../../ui/form/day-text';
import type {
  ConsentInput,
  DraftReferralFields,
  PersonInput,
  ReferralFormInput,
  ReferralRequest,
  SubmitReferralInput,
  Urgency,
} from './new-referral.operations';
import { measureHasRepresentative } from './referral-labels';
import { CELL_RECIPIENT } from './referral-form-values';
import type { NewReferralValues, StepNumber } from './referral-form-values';

export type DraftReferral = ResultOf<typeof DraftReferralFields>;

/**
 * The api creates a draft only with an urgency and at least one request, which the person writing
 * has not chosen yet when she saves the first step. These stand in until the second step is filled,
 * and are never shown back: a draft whose second step is untouched reads as unanswered there.
 */
export const FIRST_SAVE_URGENCY: Urgency = 'LOW';
export const FIRST_SAVE_REQUESTS: readonly ReferralRequest[] = ['CELL_EXAMINATION'];

/** The fields of the form a draft says the referral's own form fields are (the person's housing apart). */
const FORM_FIELDS = [
  'urgency',
  'requests',
  'difficultyAreas',
  'servicesInvolved',
  'actionsTried',
  'blockages',
  'questionToCell',
  'description',
  'housingContext',
] as const;

function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The api's day for a typed one (a day the page could not read goes as typed, for the api to say why). */
export function apiDay(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : (parseDayText(trimmed) ?? trimmed);
}

/** One service per line, blank lines dropped. */
export function servicesFromText(value: string): string[] {
  return value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function toPersonInput(person: NewReferralValues['person']): PersonInput {
  const birthDate = apiDay(person.birthDate);
  const representative = measureHasRepresentative(person.protectionMeasure);
  return {
    lastName: person.lastName.trim(),
    firstName: person.firstName.trim(),
    birthDate,
    // The band says the age only when the birth date is unknown.
    ageBand: birthDate ? null : person.ageBand || null,
    protectionMeasure: person.protectionMeasure || 'UNKNOWN',
    representativeName: representative ? text(person.representativeName) : null,
    representativeContact: representative ? text(person.representativeContact) : null,
    address: text(person.address),
    district: text(person.district),
    phone: text(person.phone),
  };
}

/** Whether anything of the second step was written (the person's housing, asked at the first, apart). */
export function isReferralFormStarted(form: NewReferralValues['form']): boolean {
  return (
    form.difficultyAreas.length > 0 ||
    [
      form.description,
      form.servicesInvolved,
      form.actionsTried,
      form.blockages,
      form.questionToCell,
      form.healthInformation,
    ].some((value) => value.trim() !== '')
  );
}

/**
 * The form as the api takes it. It replaces the previous one whole, so every field is sent; health
 * information only by whom the api lets write it.
 */
export function toReferralFormInput(
  form: NewReferralValues['form'],
  options: { mayWriteHealth: boolean },
): ReferralFormInput {
  return {
    housingContext: text(form.housingContext),
    description: text(form.description),
    difficultyAreas: form.difficultyAreas,
    servicesInvolved: servicesFromText(form.servicesInvolved),
    actionsTried: text(form.actionsTried),
    blockages: text(form.blockages),
    questionToCell: text(form.questionToCell),
    urgency: form.urgency || FIRST_SAVE_URGENCY,
    requests: form.requests.length ? form.requests : [...FIRST_SAVE_REQUESTS],
    healthInformation: options.mayWriteHealth ? text(form.healthInformation) : null,
  };
}

/**
 * What keeps a draft from being saved: once the second step is started, its urgency and requests
 * are the person's own answers, never the stand-ins.
 */
export function draftSaveProblems(
  form: NewReferralValues['form'],
): { field: 'form.urgency' | 'form.requests'; message: string }[] {
  if (!isReferralFormStarted(form)) return [];
  const problems: { field: 'form.urgency' | 'form.requests'; message: string }[] = [];
  if (!form.urgency) problems.push({ field: 'form.urgency', message: URGENCY_REQUIRED });
  if (!form.requests.length) problems.push({ field: 'form.requests', message: REQUESTS_REQUIRED });
  return problems;
}

export const URGENCY_REQUIRED = 'Indiquez l’urgence que vous ressentez.';
export const REQUESTS_REQUIRED = 'Indiquez au moins une demande.';

/** Fields the gate withheld from this reader: a draft it may not read whole is not offered for editing. */
export function unreadableDraftFields(draft: DraftReferral): string[] {
  const withheld = FORM_FIELDS.filter((field) => draft.redactedFields.includes(field)) as string[];
  if (!draft.identity) withheld.push('identity');
  else if (draft.identity.redactedFields.length) withheld.push(...draft.identity.redactedFields);
  return withheld;
}

/** The form filled from a draft the api read back; the admissibility questions are asked again. */
export function valuesFromDraft(draft: DraftReferral, base: NewReferralValues): NewReferralValues {
  const identity = draft.identity;
  const form: NewReferralValues['form'] = {
    housingContext: draft.housingContext ?? '',
    description: draft.description ?? '',
    difficultyAreas: draft.difficultyAreas ?? [],
    servicesInvolved: (draft.servicesInvolved ?? []).join('\n'),
    actionsTried: draft.actionsTried ?? '',
    blockages: draft.blockages ?? '',
    questionToCell: draft.questionToCell ?? '',
    urgency: '',
    requests: [],
    healthInformation: draft.healthInformation ?? '',
  };
  // Untouched, the second step holds only the stand-ins of the first save: shown as unanswered.
  if (isReferralFormStarted(form)) {
    form.urgency = draft.urgency ?? '';
    form.requests = draft.requests ?? [];
  }
  return {
    ...base,
    territoryId: draft.territoryId,
    person: {
      lastName: identity?.lastName ?? '',
      firstName: identity?.firstName ?? '',
      birthDate: dayText(identity?.birthDate),
      ageBand: identity?.birthDate || draft.person.ageBand === 'UNKNOWN' ? '' : draft.person.ageBand,
      protectionMeasure: identity?.protectionMeasure ?? '',
      representativeName: identity?.representativeName ?? '',
      representativeContact: identity?.representativeContact ?? '',
      address: identity?.address ?? '',
      district: draft.person.district ?? '',
      phone: identity?.phone ?? '',
    },
    form,
  };
}

/** Where a resumed draft opens: the first step it lacks (admissibility is never kept, so at most the third). */
export function firstIncompleteStep(values: NewReferralValues): StepNumber {
  const { person, form } = values;
  if (!person.lastName || !person.firstName || !person.protectionMeasure) return 1;
  if (!form.difficultyAreas.length || !form.questionToCell.trim() || !form.urgency || !form.requests.length)
    return 2;
  return 3;
}

export function toSubmitInput(
  referralId: string,
  admissibility: NewReferralValues['admissibility'],
): SubmitReferralInput {
  return {
    referralId,
    imminentDanger: admissibility.imminentDanger === 'yes',
    notAnEmergency: admissibility.emergency === 'no',
    commonLawRoutesTried: admissibility.commonLawRoutesTried === 'yes',
  };
}

/** Answers that call for the emergency guidance before anything else. */
export function needsEmergencyGuidance(admissibility: NewReferralValues['admissibility']): boolean {
  return (
    admissibility.imminentDanger === 'yes' ||
    admissibility.emergency === 'yes' ||
    admissibility.commonLawRoutesTried === 'no'
  );
}

/**
 * Answers with which the cell cannot be seized (the api refuses the submission for each of them,
 * in these words): the form stops here rather than after the consent.
 */
export function admissibilityProblems(
  admissibility: NewReferralValues['admissibility'],
): { field: `admissibility.${keyof NewReferralValues['admissibility']}`; message: string }[] {
  const problems: ReturnType<typeof admissibilityProblems> = [];
  if (admissibility.imminentDanger === 'yes') {
    problems.push({
      field: 'admissibility.imminentDanger',
      message: 'La cellule ne traite pas les urgences : suivez les consignes ci-dessus.',
    });
  }
  if (admissibility.emergency === 'yes') {
    problems.push({
      field: 'admissibility.emergency',
      message: 'Une urgence relève des services d’urgence, pas de la cellule.',
    });
  }
  if (admissibility.commonLawRoutesTried === 'no') {
    problems.push({
      field: 'admissibility.commonLawRoutesTried',
      message: 'Les voies de droit commun doivent avoir été tentées.',
    });
  }
  return problems;
}

export function toConsentInput(consent: NewReferralValues['consent']): ConsentInput {
  const common = {
    status: consent.status || 'GIVEN',
    method: consent.method || 'WRITTEN',
    witnessOrRepresentative:
      consent.method && consent.method !== 'WRITTEN' ? text(consent.witnessOrRepresentative) : null,
    collectedOn: apiDay(consent.collectedOn) ?? '',
    expiresOn: apiDay(consent.expiresOn),
  } as const;
  if (consent.status === 'REFUSED') {
    // A refusal shares nothing: no scope, and no examination to attend.
    return {
      ...common,
      informationGiven: consent.informationGiven,
      wishesToAttend: false,
      purposes: [],
      organisationIds: [],
      organisationKinds: [],
      includesCell: false,
      dataCategories: [],
    };
  }
  return {
    ...common,
    informationGiven: consent.informationGiven,
    wishesToAttend: consent.wishesToAttend === 'yes',
    purposes: consent.purposes,
    organisationIds: consent.recipients.filter((recipient) => recipient !== CELL_RECIPIENT),
    organisationKinds: consent.organisationKinds,
    includesCell: consent.recipients.includes(CELL_RECIPIENT),
    dataCategories: consent.dataCategories,
  };
}
