import type { ResultOf } from '../graphql/graphql';
import { frenchDate, frenchTime } from '../ui/written-dates';
import type { AuditEventsQuery } from './audit.operations';
import { actionLabel, detailLines, subjectTypeLabel } from './audit-labels';

export type JournalEvent = ResultOf<typeof AuditEventsQuery>['auditEvents']['edges'][number]['node'];

function Actor({ event }: { event: JournalEvent }) {
  if (event.actorName) return <>{event.actorName}</>;
  if (event.actorUserId) return <>Compte {event.actorUserId}</>;
  return <span className="hint">Aucun compte identifié</span>;
}

/** The journal's events as the api sent them, each code in French words, most recent first. */
export function AuditEventTable({ events, caption }: { events: readonly JournalEvent[]; caption: string }) {
  return (
    <div className="audit-table-scroll">
      <table className="audit-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Quand</th>
            <th scope="col">Qui</th>
            <th scope="col">Quoi</th>
            <th scope="col">Sur quoi</th>
            <th scope="col">Requête</th>
          </tr>
        </thead>
        <tbody>
          {events.map((event) => {
            const details = detailLines(event.details);
            return (
              <tr key={event.id}>
                <td>
                  {frenchDate(event.occurredAt, { weekday: false })}
                  <br />
                  {frenchTime(event.occurredAt)}
                  <span className="audit-sequence">
                    {event.chained ? ` (n° ${event.sequence})` : ' (enregistré, pas encore chaîné)'}
                  </span>
                </td>
                <td>
                  <Actor event={event} />
                </td>
                <th scope="row">
                  <span className="audit-action">{actionLabel(event.action)}</span>
                  {actionLabel(event.action) !== event.action ? (
                    <span className="audit-code">{event.action}</span>
                  ) : null}
                  {details.length ? (
                    <ul className="audit-details" aria-label="Détails">
                      {details.map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  ) : null}
                </th>
                <td>
                  {subjectTypeLabel(event.subjectType)}
                  {event.subjectId ? <span className="audit-code">{event.subjectId}</span> : null}
                  {event.personId && event.personId !== event.subjectId ? (
                    <span className="audit-code">Personne {event.personId}</span>
                  ) : null}
                </td>
                <td>
                  {event.requestId ? (
                    <span className="audit-code">{event.requestId}</span>
                  ) : (
                    <span className="hint">Aucune</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
