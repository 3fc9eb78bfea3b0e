import { useState } from 'react';
import { useMutation } from 'urql';
import { readError } from '../graphql/errors';
import { Button } from '../ui/button';
import { Notice } from '../ui/notice';
import { FollowUpSection } from './follow-up-section';
import { SetFollowUpObjectiveStatusMutation } from './follow-ups.operations';
import type { FollowUpDetail, FollowUpObjective } from './follow-ups.operations';
import { OBJECTIVE_STATUS_LABELS, OBJECTIVE_STATUSES } from './follow-up-words';
import type { ObjectiveStatus } from './follow-up-words';

/** The words of the button that gives an objective another status. */
const MARK: Record<ObjectiveStatus, string> = {
  OPEN: 'Remettre en cours',
  ACHIEVED: 'Marquer atteint',
  ABANDONED: 'Marquer abandonné',
};

/** The objectives and where each stands; a team member changes a status (the api says if they may not). */
export function ObjectivesSection({
  followUp,
  onChanged,
}: {
  followUp: FollowUpDetail;
  onChanged(message: string): void;
}) {
  const [state, setStatus] = useMutation(SetFollowUpObjectiveStatusMutation);
  const [refusal, setRefusal] = useState<string>();
  const ended = followUp.phase === 'ENDED';

  const change = async (objective: FollowUpObjective, status: ObjectiveStatus, name: string) => {
    setRefusal(undefined);
    const result = await setStatus({ input: { objectiveId: objective.id, status } });
    if (result.error) return setRefusal(readError(result.error).message);
    onChanged(`L’objectif « ${name} » est maintenant « ${OBJECTIVE_STATUS_LABELS[status]} ».`);
  };

  return (
    <FollowUpSection id="objectifs" title="Les objectifs">
      {refusal ? <Notice tone="error">{refusal}</Notice> : null}
      {followUp.objectives.length ? (
        <ul className="situation-list">
          {followUp.objectives.map((objective, index) => {
            const name = objective.text ?? `objectif ${index + 1}`;
            return (
              <li key={objective.id}>
                <strong>
                  {objective.text ?? `Objectif ${index + 1} (son texte ne vous est pas transmis)`}
                </strong>
                <span className="status-detail">
                  <span
                    className={`status-tag status-tag-${objective.status === 'OPEN' ? 'waiting' : 'done'}`}
                  >
                    {OBJECTIVE_STATUS_LABELS[objective.status]}
                  </span>
                </span>
                {ended ? null : (
                  <div className="button-row objective-buttons">
                    {OBJECTIVE_STATUSES.filter((status) => status !== objective.status).map((status) => (
                      <Button
                        key={status}
                        variant="quiet"
                        isDisabled={state.fetching}
                        onPress={() => void change(objective, status, name)}
                      >
                        {MARK[status]}
                        <span className="visually-hidden"> : {name}</span>
                      </Button>
                    ))}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <p>Aucun objectif n’a été fixé au démarrage de cet accompagnement.</p>
      )}
    </FollowUpSection>
  );
}
