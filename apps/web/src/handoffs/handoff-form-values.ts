import { parseDayText } from '../ui/form/day-text';
import type { HandoffContent } from './handoff-summary';
import type { CmpFollowUpStatus, EvictionProcedureState, RightOpened } from './handoff-words';
import type { ProposeHandoffInput } from './handoffs.operations';

/** The hand-off form as typed: text as written (a day as JJ/MM/AAAA), answers not yet chosen empty. */
export interface HandoffFormValues {
  receivingOrganisationId: string;
  referentName: string;
  cmpFollowUpStatus: CmpFollowUpStatus | '';
  firstAppointmentOn: string;
  socialReferent: string;
  evictionProcedureState: EvictionProcedureState | '';
  rightsOpened: RightOpened[];
  residualRisks: string;
  contacts: string;
  personAgreed: 'yes' | 'no' | '';
}

export const EMPTY_HANDOFF: HandoffFormValues = {
  receivingOrganisationId: '',
  referentName: '',
  cmpFollowUpStatus: '',
  firstAppointmentOn: '',
  socialReferent: '',
  evictionProcedureState: '',
  rightsOpened: [],
  residualRisks: '',
  contacts: '',
  personAgreed: '',
};

/** The form's field names, for the api's field errors. */
export const HANDOFF_FIELDS = Object.keys(EMPTY_HANDOFF) as (keyof HandoffFormValues)[];

const optional = (text: string): string | null => (text.trim() === '' ? null : text.trim());

/** What is sent: the typed words trimmed, nothing for an empty line, the day in the api's form. */
export function handoffInput(
  values: HandoffFormValues,
  at: { situationId: string; followUpId: string },
): ProposeHandoffInput {
  return {
    situationId: at.situationId,
    followUpId: at.followUpId,
    receivingOrganisationId: values.receivingOrganisationId,
    referentName: optional(values.referentName),
    // The form requires both before the preview; the casts only drop the « not chosen » case.
    cmpFollowUpStatus: values.cmpFollowUpStatus as CmpFollowUpStatus,
    firstAppointmentOn: optional(values.firstAppointmentOn)
      ? (parseDayText(values.firstAppointmentOn) ?? null)
      : null,
    socialReferent: optional(values.socialReferent),
    evictionProcedureState: values.evictionProcedureState as EvictionProcedureState,
    rightsOpened: values.rightsOpened,
    residualRisks: optional(values.residualRisks),
    contacts: optional(values.contacts),
    personAgreed: values.personAgreed === 'yes',
  };
}

/** The preview reads the answers as the receiving service will: the same summary as a sent hand-off. */
export function previewContent(values: HandoffFormValues): HandoffContent {
  const input = handoffInput(values, { situationId: '', followUpId: '' });
  return {
    referentName: input.referentName ?? null,
    cmpFollowUpStatus: input.cmpFollowUpStatus,
    firstAppointmentOn: input.firstAppointmentOn ?? null,
    socialReferent: input.socialReferent ?? null,
    evictionProcedureState: input.evictionProcedureState,
    rightsOpened: input.rightsOpened,
    residualRisks: input.residualRisks ?? null,
    contacts: input.contacts ?? null,
    personAgreed: input.personAgreed,
    redactedFields: [],
  };
}
