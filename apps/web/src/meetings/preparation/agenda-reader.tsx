import { useQuery } from 'urql';
import { writtenDuration } from '../meeting-labels';
import { agendaItemKindLabel, referrerKindLabel, suggestionReasonLabel } from '../meeting-labels';
import { TerritoryPartnersQuery } from './preparation.operations';
import type { AgendaItemView, AgendaView } from './preparation.operations';

/**
 * The agenda as a reader sees it: each item as the api sent it. An item of one's invitation (or
 * every item, for the coordinator) carries its pseudonym, reason and presenter; the others their
 * code, which is all the api gives.
 */
export function AgendaReader({ agenda, territoryId }: { agenda: AgendaView; territoryId: string }) {
  const [partners] = useQuery({ query: TerritoryPartnersQuery, variables: { territoryId } });
  const nameOf = (organisationId: string) =>
    partners.data?.organisations.find((organisation) => organisation.id === organisationId)?.name ??
    'un partenaire';
  const invitedToSome = agenda.items.some((item) => item.detailed);
  return (
    <section aria-labelledby="points">
      <h2 id="points">
        {agenda.items.length
          ? `${agenda.items.length} point${agenda.items.length > 1 ? 's' : ''}, ${writtenDuration(agenda.totalMinutes)} prévues sur ${writtenDuration(agenda.meeting.durationMinutes)}`
          : 'Aucun point'}
      </h2>
      {!agenda.items.length ? (
        <p>Aucune situation n’est inscrite à cette séance.</p>
      ) : (
        <>
          {invitedToSome && agenda.items.some((item) => !item.detailed) ? (
            <p className="hint">
              Les points où votre organisation n’est pas invitée sont indiqués par leur code seulement.
            </p>
          ) : null}
          <ol className="agenda-items">
            {agenda.items.map((item) => (
              <ReadItem key={item.id} item={item} nameOf={nameOf} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function ReadItem({ item, nameOf }: { item: AgendaItemView; nameOf(id: string): string }) {
  return (
    <li className={`agenda-item${item.detailed ? ' agenda-item-detailed' : ''}`}>
      <p className="agenda-item-title">
        <span className="agenda-position">Point {item.position}</span>{' '}
        <span className="case-code">{item.caseCode}</span>
        {item.pseudonym ? <span className="pseudonym">{item.pseudonym}</span> : null}
      </p>
      <dl className="facts agenda-facts">
        <dt>Type</dt>
        <dd>
          {agendaItemKindLabel(item.kind)}
          {item.presentation > 1 ? ` (${item.presentation}e présentation)` : ''}
        </dd>
        <dt>Temps prévu</dt>
        <dd>{writtenDuration(item.minutes)}</dd>
        {item.referrerKind ? (
          <>
            <dt>Saisie par</dt>
            <dd>{referrerKindLabel(item.referrerKind)}</dd>
          </>
        ) : null}
        {item.reason ? (
          <>
            <dt>Motif</dt>
            <dd>{suggestionReasonLabel(item.reason)}</dd>
          </>
        ) : null}
        {item.presenterOrganisationId ? (
          <>
            <dt>Présenté par</dt>
            <dd>{nameOf(item.presenterOrganisationId)}</dd>
          </>
        ) : null}
        {item.guestOrganisationIds?.length ? (
          <>
            <dt>Invités</dt>
            <dd>{item.guestOrganisationIds.map(nameOf).join(', ')}</dd>
          </>
        ) : null}
      </dl>
      {item.detailed ? null : <p className="hint">Votre organisation n’est pas invitée à ce point.</p>}
    </li>
  );
}
