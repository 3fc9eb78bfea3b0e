import {
  agendaItemKindLabel,
  referrerKindLabel,
  suggestionReasonLabel,
  writtenDuration,
} from '../meeting-labels';
import type { AgendaItemView } from './preparation.operations';

/** « Point 2 · code », and the pseudonym when the api sent it. */
export function AgendaItemTitle({ item }: { item: AgendaItemView }) {
  return (
    <p className="agenda-item-title">
      <span className="agenda-position">Point {item.position}</span>{' '}
      <span className="case-code">{item.caseCode}</span>
      {item.pseudonym ? <span className="pseudonym">{item.pseudonym}</span> : null}
    </p>
  );
}

export interface AgendaItemFactsProps {
  item: AgendaItemView;
  /** A partner's name by its id. */
  nameOf(organisationId: string): string;
  /** The presenting person's name, when known. */
  presenterName?: string;
  /** While the agenda is prepared, what is not yet set is said (« Pas encore désigné », « Aucun »). */
  preparing?: boolean;
}

/** What an item is, as the api sent it: a field it did not send is not shown. */
export function AgendaItemFacts({ item, nameOf, presenterName, preparing }: AgendaItemFactsProps) {
  const presenter = item.presenterOrganisationId
    ? `${presenterName ? `${presenterName}, ` : ''}${nameOf(item.presenterOrganisationId)}`
    : preparing
      ? 'Pas encore désigné'
      : undefined;
  const guests = item.guestOrganisationIds?.length
    ? item.guestOrganisationIds.map(nameOf).join(', ')
    : preparing
      ? 'Aucun'
      : undefined;
  return (
    <dl className="facts agenda-facts">
      <dt>Type</dt>
      <dd>
        {agendaItemKindLabel(item.kind)}
        {item.presentation > 1 ? ` (${item.presentation}e présentation)` : ''}
      </dd>
      <dt>Temps prévu</dt>
      <dd>{writtenDuration(item.minutes)}</dd>
      {item.reason ? (
        <>
          <dt>Motif</dt>
          <dd>{suggestionReasonLabel(item.reason)}</dd>
        </>
      ) : null}
      {item.referrerKind ? (
        <>
          <dt>Saisie par</dt>
          <dd>{referrerKindLabel(item.referrerKind)}</dd>
        </>
      ) : null}
      {presenter ? (
        <>
          <dt>Présenté par</dt>
          <dd>{presenter}</dd>
        </>
      ) : null}
      {guests ? (
        <>
          <dt>Invités pour ce point</dt>
          <dd>{guests}</dd>
        </>
      ) : null}
    </dl>
  );
}
