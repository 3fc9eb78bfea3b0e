import { useMemberNames, useOrganisationNames } from '../../directory/use-directory-names';
import { frenchCalendarDate, frenchTime } from '../../ui/written-dates';
import type { SavedItem } from './meeting-progress';

/**
 * What was saved for the item, read back to the room: the decisions, who does what by when. It is
 * saved once: a correction is the minutes' to make.
 */
export function RecordedItem({ recorded, territoryId }: { recorded: SavedItem; territoryId: string }) {
  const actionsOf = recorded.decisions.flatMap((decision) => decision.actions);
  const partners = useOrganisationNames(
    territoryId,
    actionsOf.map((action) => action.ownerOrganisationId),
  );
  const people = useMemberNames(
    territoryId,
    actionsOf.map((action) => action.ownerUserId),
  );
  const organisationName = (id: string) => partners.entryOf(id)?.name;
  const personName = (id: string | null) => {
    const member = people.entryOf(id);
    return member ? `${member.firstName} ${member.lastName}` : undefined;
  };
  const actions = recorded.decisions.reduce((total, decision) => total + decision.actions.length, 0);
  return (
    <section className="meeting-panel recorded" aria-label="Point enregistré">
      <h3>Point enregistré</h3>
      <p className="hint">
        Enregistré à {frenchTime(recorded.recordedAt)}. Un point ne s’enregistre qu’une fois : pour le
        corriger, passez par le compte rendu, une fois la séance terminée.
      </p>
      <p role="status">
        {recorded.decisions.length} décision{recorded.decisions.length > 1 ? 's' : ''}, {actions} action
        {actions > 1 ? 's' : ''} ; {recorded.presentUserIds.length} personne
        {recorded.presentUserIds.length > 1 ? 's' : ''} dans la salle.
      </p>
      {recorded.decisions.map((decision, index) => (
        <div key={index} className="recorded-decision">
          <p>
            <strong>Décision {index + 1} :</strong> {decision.text}
          </p>
          {decision.actions.length ? (
            <ul>
              {decision.actions.map((action, actionIndex) => (
                <li key={actionIndex}>
                  {action.description} — {organisationName(action.ownerOrganisationId) ?? 'partenaire'}
                  {personName(action.ownerUserId) ? ` (${personName(action.ownerUserId)})` : ''}, pour le{' '}
                  {frenchCalendarDate(action.dueOn)}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ))}
      <p>
        Prochain réexamen :{' '}
        {recorded.nextReviewOn
          ? frenchCalendarDate(recorded.nextReviewOn)
          : 'à la date que prévoit le territoire'}
      </p>
    </section>
  );
}
