import { usePartnerNames, useShownOnce } from '../../directory/use-directory-names';
import { readError } from '../../graphql/errors';
import { Notice } from '../../ui/notice';
import { writtenDuration } from '../meeting-labels';
import { AgendaItemFacts, AgendaItemTitle } from './item-facts';
import type { AgendaItemView, AgendaView } from './preparation.operations';

/**
 * The agenda as a reader sees it: each item as the api sent it. An item of one's invitation (or
 * every item, for the coordinator) carries its pseudonym, reason and presenter; the others their
 * code, which is all the api gives.
 */
export function AgendaReader({ agenda, territoryId }: { agenda: AgendaView; territoryId: string }) {
  const partners = usePartnerNames(
    territoryId,
    agenda.items.flatMap((item) => [item.presenterOrganisationId, ...(item.guestOrganisationIds ?? [])]),
    'un partenaire',
  );
  const invitedToSome = agenda.items.some((item) => item.detailed);
  // Items wait for the partners' names rather than flash « un partenaire » where a name follows.
  const shown = useShownOnce(!partners.loading);
  if (!shown) return <p role="status">Chargement de l’ordre du jour…</p>;
  return (
    <section aria-labelledby="points">
      <h2 id="points">
        {agenda.items.length
          ? `${agenda.items.length} point${agenda.items.length > 1 ? 's' : ''}, ${writtenDuration(agenda.totalMinutes)} prévues sur ${writtenDuration(agenda.meeting.durationMinutes)}`
          : 'Aucun point'}
      </h2>
      {partners.error ? <Notice tone="error">{readError(partners.error).message}</Notice> : null}
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
              <ReadItem key={item.id} item={item} nameOf={partners.nameOf} />
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
      <AgendaItemTitle item={item} />
      <AgendaItemFacts item={item} nameOf={nameOf} />
      {item.detailed ? null : <p className="hint">Votre organisation n’est pas invitée à ce point.</p>}
    </li>
  );
}
