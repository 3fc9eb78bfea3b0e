import { useCallback } from 'react';
import { useClient } from 'urql';
import { ShowMore } from '../actions/show-more';
import { ACTION_STATUS_LABELS } from '../actions/action-status';
import { useShownOnce } from '../directory/use-directory-names';
import { readError } from '../graphql/errors';
import { Notice } from '../ui/notice';
import { usePagedList } from '../ui/use-paged-list';
import { frenchCalendarDate, frenchDate, frenchTime } from '../ui/written-dates';
import { NamesError, Section, useSectionPartnerNames } from './situation-sections';
import { SituationActionsQuery, SituationTimelineQuery } from './situations.operations';

/** A screenful of the timeline; « Afficher plus » reads older lines. */
export const TIMELINE_PAGE_SIZE = 20;
/** Enough for a situation's usual plan in one request. */
export const SITUATION_ACTIONS_PAGE_SIZE = 50;

function linesAdded(added: number): string {
  if (added === 0) return 'Aucune ligne de plus.';
  return added > 1 ? `${added} lignes plus anciennes sont affichées.` : '1 ligne plus ancienne est affichée.';
}

function actionsAdded(added: number): string {
  if (added === 0) return 'Aucune action de plus.';
  return added > 1 ? `${added} actions de plus sont affichées.` : '1 action de plus est affichée.';
}

/** What happened, the most recent first, as far as my relation to each line lets the server send it. */
export function TimelineSection({ territoryId, situationId }: { territoryId: string; situationId: string }) {
  const client = useClient();
  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client
        .query(
          SituationTimelineQuery,
          { situationId, first: TIMELINE_PAGE_SIZE, after },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return { page: result.data?.situation.timeline, error: result.error };
    },
    [client, situationId],
  );
  const list = usePagedList(situationId, fetchPage, (line) => line.id);
  const names = useSectionPartnerNames(
    territoryId,
    list.items?.map((line) => line.actorOrganisationId) ?? [],
  );
  const { nameOf } = names;
  const shown = useShownOnce(!!list.items && !names.loading);
  const timeline = shown ? list.items : undefined;
  return (
    <Section id="historique" title="Historique">
      {!timeline ? (
        list.error ? (
          <Notice tone="error">{readError(list.error).message}</Notice>
        ) : (
          <p role="status">Chargement de l’historique…</p>
        )
      ) : timeline.length ? (
        <>
          <ol className="history">
            {timeline.map((line) => (
              <li key={line.id}>
                <span className="history-when">
                  {frenchDate(line.occurredAt, { weekday: false })}, {frenchTime(line.occurredAt)}
                </span>{' '}
                — {line.label}
                {line.actorOrganisationId ? (
                  <span className="history-reason">Par : {nameOf(line.actorOrganisationId)}</span>
                ) : null}
              </li>
            ))}
          </ol>
          <ShowMore list={list} label="Afficher plus de l’historique" addedText={linesAdded} />
        </>
      ) : (
        <p>Aucune ligne d’historique ne vous est visible pour cette situation.</p>
      )}
      <NamesError error={names.error} />
    </Section>
  );
}

/** « Qui fait quoi pour quand »: all of them for the coordination, one's own otherwise. */
export function ActionsSection({ territoryId, situationId }: { territoryId: string; situationId: string }) {
  const client = useClient();
  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client
        .query(
          SituationActionsQuery,
          { situationId, first: SITUATION_ACTIONS_PAGE_SIZE, after },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return { page: result.data?.situation.actions, error: result.error };
    },
    [client, situationId],
  );
  const list = usePagedList(situationId, fetchPage, (action) => action.id);
  const names = useSectionPartnerNames(
    territoryId,
    list.items?.map((action) => action.ownerOrganisationId) ?? [],
  );
  const { nameOf } = names;
  const shown = useShownOnce(!!list.items && !names.loading);
  const actions = shown ? list.items : undefined;
  return (
    <Section id="actions" title="Actions">
      {!actions ? (
        list.error ? (
          <Notice tone="error">{readError(list.error).message}</Notice>
        ) : (
          <p role="status">Chargement des actions…</p>
        )
      ) : actions.length ? (
        <>
          <ul className="situation-list">
            {actions.map((action) => (
              <li key={action.id}>
                <strong>{action.description}</strong>
                <span className="status-detail">
                  {nameOf(action.ownerOrganisationId)} · pour le{' '}
                  {frenchCalendarDate(action.dueOn, { weekday: false })} ·{' '}
                  {ACTION_STATUS_LABELS[action.status]}
                </span>
                {action.outcome ? (
                  <span className="status-detail multiline">Résultat : {action.outcome}</span>
                ) : null}
              </li>
            ))}
          </ul>
          <ShowMore list={list} label="Afficher plus d’actions" addedText={actionsAdded} />
        </>
      ) : (
        <p>Aucune action ne vous est visible : la cellule en décide en séance.</p>
      )}
      <NamesError error={names.error} />
    </Section>
  );
}
