import { useQuery } from 'urql';
import { actionLabel, subjectTypeLabel } from '../audit/audit-labels';
import { readError } from '../graphql/errors';
import { Notice } from '../ui/notice';
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
  const [result] = useQuery({
    query: AccessLogQuery,
    variables: { subjectId: personId, territoryId },
    pause: !coordinates,
    // Read after the page's own read, so that read is in it.
    requestPolicy: 'network-only',
  });
  const events = result.data?.accessLog;
  return (
    <section className="situation-section" aria-labelledby="qui-a-consulte">
      <h2 id="qui-a-consulte">Qui a consulté ce dossier ?</h2>
      {!coordinates ? (
        <p>
          Le journal des accès au dossier de la personne est tenu par la coordination de la cellule :
          demandez-le-lui, ou à l’auditeur·rice du territoire.
        </p>
      ) : result.error ? (
        <Notice tone="error">{readError(result.error).message}</Notice>
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
    </section>
  );
}
