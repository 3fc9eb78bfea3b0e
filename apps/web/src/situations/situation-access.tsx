import { useCallback } from 'react';
import { useClient, useQuery } from 'urql';
import { ShowMore } from '../actions/show-more';
import { actionLabel, subjectTypeLabel } from '../audit/audit-labels';
import { readError } from '../graphql/errors';
import { Notice } from '../ui/notice';
import { usePagedList } from '../ui/use-paged-list';
import { frenchDate, frenchTime } from '../ui/written-dates';
import { categoryWords, LEGAL_BASIS_LABELS } from './situation-words';
import { AccessBasisQuery, AccessLogQuery } from './situations.operations';

/** « Pourquoi puis-je voir ceci ? » : the relations and legal grounds the server found for me. */
export function AccessBasisSection({ situationId }: { situationId: string }) {
  const [result] = useQuery({
    query: AccessBasisQuery,
    variables: { subjectId: situationId, subjectType: 'Situation' },
  });
  const grants = result.data?.accessBasis;
  return (
    <section className="situation-section" aria-labelledby="pourquoi">
      <h2 id="pourquoi">Pourquoi puis-je voir ceci ?</h2>
      {result.error ? (
        <Notice tone="error">{readError(result.error).message}</Notice>
      ) : !grants ? (
        <p role="status">Chargement…</p>
      ) : grants.length ? (
        <ul className="situation-list">
          {grants.map((grant, index) => (
            <li key={index}>
              <strong>{LEGAL_BASIS_LABELS[grant.basis]}</strong>
              <span className="status-detail">{grant.explanation}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p>Relais ne trouve plus de raison pour laquelle vous verriez cette situation.</p>
      )}
      <p className="hint">
        Ce que vous voyez dépend de cette relation, de votre profession et de l’accord de la personne : le
        reste ne vous est pas transmis.
      </p>
    </section>
  );
}

/** Twenty at a time, the most recent first. */
const ACCESS_LOG_PAGE_SIZE = 20;

function eventsAdded(added: number): string {
  if (added === 0) return 'Aucune consultation de plus.';
  return added > 1
    ? `${added} consultations ou modifications de plus sont affichées.`
    : '1 de plus est affichée.';
}

/**
 * « Qui a consulté ce dossier ? » : every read of personal data and every change about the person,
 * most recent first — the coordination's to answer (the api refuses it to partners).
 */
export function AccessLogSection({
  personId,
  territoryId,
  coordinates,
}: {
  personId: string;
  territoryId: string;
  coordinates: boolean;
}) {
  const client = useClient();
  const fetchPage = useCallback(
    async (after: string | null) => {
      if (!coordinates) return {};
      const result = await client
        .query(
          AccessLogQuery,
          { subjectId: personId, territoryId, first: ACCESS_LOG_PAGE_SIZE, after },
          // Read after the page's own read, so that read is in it.
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return { page: result.data?.accessLog, error: result.error };
    },
    [client, coordinates, personId, territoryId],
  );
  const list = usePagedList(`${territoryId}:${personId}:${coordinates}`, fetchPage, (event) => event.id);
  const events = list.items;
  return (
    <section className="situation-section" aria-labelledby="qui-a-consulte">
      <h2 id="qui-a-consulte">Qui a consulté ce dossier ?</h2>
      {!coordinates ? (
        <p>
          Le journal des accès au dossier de la personne est tenu par la coordination de la cellule :
          demandez-le-lui, ou à l’auditeur·rice du territoire.
        </p>
      ) : list.error && !events?.length ? (
        <Notice tone="error">{readError(list.error).message}</Notice>
      ) : !events ? (
        <p role="status">Chargement du journal…</p>
      ) : events.length ? (
        <ol className="situation-list" aria-label="Consultations et modifications, les plus récentes d’abord">
          {events.map((event) => (
            <li key={event.id}>
              <strong>{event.actorName ?? 'Compte non identifié'}</strong> — {actionLabel(event.action)}
              <span className="status-detail">
                {frenchDate(event.occurredAt, { weekday: false })}, {frenchTime(event.occurredAt)} ·{' '}
                {subjectTypeLabel(event.subjectType)}
                {event.dataCategories.length ? ` · ${categoryWords(event.dataCategories)}` : ''}
              </span>
            </li>
          ))}
        </ol>
      ) : (
        <p>Personne n’a encore consulté les informations personnelles de ce dossier.</p>
      )}
      {coordinates && events?.length ? (
        <ShowMore list={list} label="Afficher plus" addedText={eventsAdded} />
      ) : null}
    </section>
  );
}
