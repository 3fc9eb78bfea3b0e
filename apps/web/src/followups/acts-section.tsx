import { frenchCalendarDate } from '../ui/written-dates';
import { FollowUpSection } from './follow-up-section';
import type { FollowUpAct, FollowUpDetail } from './follow-ups.operations';
import { ACT_TYPE_LABELS, durationWords, isAtHome } from './follow-up-words';
import type { MemberName } from './team-names';

/** The acts I may see, the most recent first (the api's order), each with the note the api sends me. */
export function ActsSection({ followUp, nameOf }: { followUp: FollowUpDetail; nameOf: MemberName }) {
  return (
    <FollowUpSection id="actes" title="Les actes">
      {followUp.acts.length ? (
        <ol className="situation-list acts">
          {followUp.acts.map((act) => (
            <li key={act.id}>
              <ActLine act={act} nameOf={nameOf} />
            </li>
          ))}
        </ol>
      ) : (
        <p>
          Aucun acte n’est encore enregistré. Après une visite, un appel ou un rendez-vous, enregistrez-le :
          l’équipe suit ainsi le dernier contact et la part des visites à domicile.
        </p>
      )}
    </FollowUpSection>
  );
}

function ActLine({ act, nameOf }: { act: FollowUpAct; nameOf: MemberName }) {
  const recordedBy = act.recordedByName;
  const present = act.presentUserIds.map(nameOf);
  return (
    <>
      <strong>
        {ACT_TYPE_LABELS[act.type]}, {frenchCalendarDate(act.occurredOn)}
      </strong>
      <span className="status-detail">
        {durationWords(act.durationMinutes)} · {isAtHome(act.type) ? 'à domicile' : 'hors du domicile'}
        {present.length ? ` · présents : ${present.join(', ')}` : ''}
        {recordedBy ? ` · enregistré par ${recordedBy}` : ''}
      </span>
      <ActNote act={act} />
    </>
  );
}

/** The note as sent; a health-only note I may not read is said to exist, not shown greyed out. */
function ActNote({ act }: { act: FollowUpAct }) {
  const health = act.noteVisibility === 'HEALTH';
  if (act.note) {
    return (
      <div className={health ? 'act-note act-note-health' : 'act-note'}>
        {health ? <p className="act-note-audience">Note réservée aux professionnels de santé</p> : null}
        <p className="multiline">{act.note}</p>
      </div>
    );
  }
  if (act.redactedFields.includes('note')) {
    return (
      <p className="status-detail">
        {health
          ? 'Note réservée aux professionnels de santé de l’équipe : elle ne vous est pas transmise.'
          : 'La note de cet acte ne vous est pas transmise.'}
      </p>
    );
  }
  return <p className="status-detail">Sans note.</p>;
}
