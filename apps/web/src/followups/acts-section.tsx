import { useCallback, useState } from 'react';
import { useClient } from 'urql';
import { ShowMore } from '../actions/show-more';
import { readError } from '../graphql/errors';
import { Notice } from '../ui/notice';
import type { ConnectionPage } from '../ui/use-paged-list';
import { usePagedList } from '../ui/use-paged-list';
import { frenchCalendarDate } from '../ui/written-dates';
import { FollowUpSection } from './follow-up-section';
import { ACTS_PAGE_SIZE, FollowUpActsQuery } from './follow-ups.operations';
import type { FollowUpAct, FollowUpDetail } from './follow-ups.operations';
import { ACT_TYPE_LABELS, durationWords, isAtHome } from './follow-up-words';
import type { MemberName } from './team-names';

function actsAdded(added: number): string {
  if (added === 0) return 'Aucun acte de plus.';
  return added > 1 ? `${added} actes plus anciens sont affichés.` : '1 acte plus ancien est affiché.';
}

/**
 * The acts I may see, the most recent first (the api's order), each with the note the api sends me.
 * The first page comes with the follow-up (and with it again after a change, a visit just recorded
 * at the top); « Voir les actes plus anciens » reads the next ones.
 */
export function ActsSection({ followUp, nameOf }: { followUp: FollowUpDetail; nameOf: MemberName }) {
  const client = useClient();
  // A new first page (an act recorded) starts the list again; the same one read again keeps the
  // older pages already shown.
  const key = `${followUp.id}:${followUp.acts.edges.map((edge) => edge.node.id).join(',')}`;
  const [first, setFirst] = useState<{ key: string; page: ConnectionPage<FollowUpAct> }>({
    key,
    page: followUp.acts,
  });
  if (first.key !== key) setFirst({ key, page: followUp.acts });
  const fetchPage = useCallback(
    async (after: string | null) => {
      if (!after) return { page: first.page };
      const result = await client
        .query(
          FollowUpActsQuery,
          { followUpId: followUp.id, first: ACTS_PAGE_SIZE, after },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return { page: result.data?.followUp.acts, error: result.error };
    },
    [client, followUp.id, first],
  );
  const list = usePagedList(first.key, fetchPage, (act) => act.id);
  const acts = list.items ?? first.page.edges.map((edge) => edge.node);
  return (
    <FollowUpSection id="actes" title="Les actes">
      {acts.length ? (
        <>
          <ol className="situation-list acts" aria-labelledby="actes">
            {acts.map((act) => (
              <li key={act.id}>
                <ActLine act={act} nameOf={nameOf} />
              </li>
            ))}
          </ol>
          <ShowMore
            list={list}
            label="Voir les actes plus anciens"
            addedText={actsAdded}
            allShownText="Tous sont maintenant affichés."
          />
          {list.error ? <Notice tone="error">{readError(list.error).message}</Notice> : null}
        </>
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
