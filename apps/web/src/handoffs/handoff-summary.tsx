import type { ReactNode } from 'react';
import { frenchCalendarDate } from '../ui/written-dates';
import { CMP_FOLLOW_UP_STATUSES, EVICTION_PROCEDURE_STATES, RIGHTS_OPENED } from './handoff-words';
import type { CmpFollowUpStatus, EvictionProcedureState, RightOpened } from './handoff-words';

/** What a hand-off hands over: the form's answers before sending, or what the api sent me. */
export interface HandoffContent {
  referentName: string | null;
  cmpFollowUpStatus: CmpFollowUpStatus | null;
  firstAppointmentOn: string | null;
  socialReferent: string | null;
  evictionProcedureState: EvictionProcedureState | null;
  rightsOpened: readonly RightOpened[] | null;
  residualRisks: string | null;
  contacts: string | null;
  personAgreed: boolean;
  /** The fields the api did not send me (null for masking, not for « not given »). */
  redactedFields: readonly string[];
}

const NOT_GIVEN = 'Non renseigné';
/** Which fields the schema calls medical secrecy: their absence is said as such, not as « empty ». */
const HEALTH_FIELDS = new Set(['cmpFollowUpStatus', 'firstAppointmentOn']);

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/**
 * The hand-off's content as a list of terms and values, in the document's order. A field the api
 * masked is said to be withheld (an empty CMP line would otherwise read as « no follow-up »).
 */
export function HandoffSummary({ content }: { content: HandoffContent }) {
  const withheld = (field: string) =>
    content.redactedFields.includes(field) ? (
      <span className="handoff-withheld">
        {HEALTH_FIELDS.has(field)
          ? 'Non transmis : secret médical, réservé aux professionnels de santé.'
          : 'Non transmis à votre compte.'}
      </span>
    ) : null;
  const text = (field: keyof HandoffContent, value: string | null) =>
    withheld(field) ?? (value?.trim() ? <span className="multiline">{value}</span> : NOT_GIVEN);
  const rights = content.rightsOpened ?? [];

  return (
    <dl className="facts handoff-summary">
      <Row label="Référent dans le service qui reçoit">{text('referentName', content.referentName)}</Row>
      <Row label="Suivi au CMP">
        {withheld('cmpFollowUpStatus') ??
          (content.cmpFollowUpStatus ? CMP_FOLLOW_UP_STATUSES[content.cmpFollowUpStatus].label : NOT_GIVEN)}
      </Row>
      <Row label="Premier rendez-vous au CMP">
        {withheld('firstAppointmentOn') ??
          (content.firstAppointmentOn ? frenchCalendarDate(content.firstAppointmentOn) : NOT_GIVEN)}
      </Row>
      <Row label="Référent social">{text('socialReferent', content.socialReferent)}</Row>
      <Row label="Procédure d’expulsion">
        {withheld('evictionProcedureState') ??
          (content.evictionProcedureState
            ? EVICTION_PROCEDURE_STATES[content.evictionProcedureState].label
            : NOT_GIVEN)}
      </Row>
      <Row label="Droits ouverts">
        {withheld('rightsOpened') ??
          (rights.length === 0 ? (
            'Aucun'
          ) : (
            <ul className="handoff-rights">
              {rights.map((right) => (
                <li key={right}>{RIGHTS_OPENED[right].label}</li>
              ))}
            </ul>
          ))}
      </Row>
      <Row label="Risques qui demeurent">{text('residualRisks', content.residualRisks)}</Row>
      <Row label="Contacts utiles">{text('contacts', content.contacts)}</Row>
      <Row label="Accord de la personne">
        {withheld('personAgreed') ??
          (content.personAgreed
            ? 'Oui, elle est d’accord avec ce relais'
            : 'Non, elle n’a pas donné son accord')}
      </Row>
    </dl>
  );
}
