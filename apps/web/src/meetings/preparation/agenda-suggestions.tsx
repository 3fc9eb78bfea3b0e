import { useCallback, useState } from 'react';
import { useClient, useMutation } from 'urql';
import { ShowMore } from '../../actions/show-more';
import { readError } from '../../graphql/errors';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { usePagedList } from '../../ui/use-paged-list';
import type { PagedList } from '../../ui/use-paged-list';
import { agendaItemKindLabel, suggestionReasonLabel } from '../meeting-labels';
import { AddAgendaItemMutation, AgendaSuggestionsQuery } from './preparation.operations';
import type { AgendaSuggestionView, AgendaView } from './preparation.operations';

/** A screenful of proposals; « Afficher plus » reads the next ones. */
export const SUGGESTIONS_PAGE_SIZE = 20;

/** Relais's proposals for the meeting, a page at a time; read again after the agenda changes. */
export function useAgendaSuggestions(meetingId: string): PagedList<AgendaSuggestionView> {
  const client = useClient();
  const fetchPage = useCallback(
    async (after: string | null) => {
      const result = await client
        .query(
          AgendaSuggestionsQuery,
          { meetingId, first: SUGGESTIONS_PAGE_SIZE, after },
          { requestPolicy: 'network-only' },
        )
        .toPromise();
      return { page: result.data?.agendaSuggestions, error: result.error };
    },
    [client, meetingId],
  );
  return usePagedList(meetingId, fetchPage, (suggestion) => suggestion.situationId);
}

function suggestionsAdded(added: number): string {
  if (added === 0) return 'Aucune proposition de plus.';
  return added > 1 ? `${added} propositions de plus sont affichées.` : '1 proposition de plus est affichée.';
}

export interface AgendaSuggestionsProps {
  meetingId: string;
  list: PagedList<AgendaSuggestionView>;
  onAdded(agenda: AgendaView, caseCode: string): void;
}

/**
 * What Relais proposes to put on the agenda, each with its reason in words; adding one is the
 * api's decision (a person who has not consented to the cell's examination is refused there).
 */
export function AgendaSuggestions({ meetingId, list, onAdded }: AgendaSuggestionsProps) {
  const suggestions = list.items;
  const [adding, add] = useMutation(AddAgendaItemMutation);
  const [refusals, setRefusals] = useState<Record<string, string>>({});
  const [pendingId, setPendingId] = useState<string>();

  const addSuggestion = async (suggestion: AgendaSuggestionView) => {
    setPendingId(suggestion.situationId);
    setRefusals((current) => {
      const others = { ...current };
      delete others[suggestion.situationId];
      return others;
    });
    const result = await add({
      input: {
        meetingId,
        situationId: suggestion.situationId,
        kind: suggestion.kind,
        reason: suggestion.reason,
        guestOrganisationIds: [],
      },
    });
    setPendingId(undefined);
    if (result.error) {
      const message = readError(result.error).message;
      setRefusals((current) => ({ ...current, [suggestion.situationId]: message }));
      return;
    }
    if (result.data) onAdded(result.data.addAgendaItem, suggestion.caseCode);
  };

  return (
    <section aria-labelledby="propositions" className="agenda-suggestions">
      <h2 id="propositions">Propositions de Relais</h2>
      <p className="hint">
        Les situations acceptées jamais inscrites, les réexamens prévus avant la séance, les actions en retard
        et les dérogations à revoir.
      </p>
      {!suggestions ? (
        list.error ? (
          <Notice tone="error">{readError(list.error).message}</Notice>
        ) : (
          <p role="status">Chargement des propositions…</p>
        )
      ) : !suggestions.length ? (
        <p>Aucune proposition : toutes les situations à revoir sont inscrites.</p>
      ) : (
        <ul className="suggestion-list">
          {suggestions.map((suggestion) => (
            <li key={suggestion.situationId} className="suggestion">
              <p className="agenda-item-title">
                <span className="case-code">{suggestion.caseCode}</span>
                <span className="pseudonym">{suggestion.pseudonym}</span>
              </p>
              <p>
                <strong>{suggestionReasonLabel(suggestion.reason)}</strong> — {suggestion.explanation}
                <span className="hint-inline">
                  {' '}
                  Proposé comme : {agendaItemKindLabel(suggestion.kind).toLowerCase()}.
                </span>
              </p>
              {refusals[suggestion.situationId] ? (
                <Notice tone="error">{refusals[suggestion.situationId]}</Notice>
              ) : null}
              <Button
                variant="quiet"
                isPending={adding.fetching && pendingId === suggestion.situationId}
                isDisabled={adding.fetching}
                onPress={() => void addSuggestion(suggestion)}
              >
                Inscrire<span className="visually-hidden"> la situation {suggestion.caseCode}</span> à l’ordre
                du jour
              </Button>
            </li>
          ))}
        </ul>
      )}
      {suggestions?.length ? (
        <ShowMore list={list} label="Afficher plus de propositions" addedText={suggestionsAdded} />
      ) : null}
    </section>
  );
}
