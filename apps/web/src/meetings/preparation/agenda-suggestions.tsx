import { useState } from 'react';
import { useMutation } from 'urql';
import { readError } from '../../graphql/errors';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { agendaItemKindLabel, suggestionReasonLabel } from '../meeting-labels';
import { AddAgendaItemMutation } from './preparation.operations';
import type { AgendaSuggestionView, AgendaView } from './preparation.operations';

export interface AgendaSuggestionsProps {
  meetingId: string;
  suggestions: readonly AgendaSuggestionView[] | undefined;
  loading: boolean;
  onAdded(agenda: AgendaView, caseCode: string): void;
}

/**
 * What Relais proposes to put on the agenda, each with its reason in words; adding one is the
 * api's decision (a person who has not consented to the cell's examination is refused there).
 */
export function AgendaSuggestions({ meetingId, suggestions, loading, onAdded }: AgendaSuggestionsProps) {
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
        loading ? (
          <p role="status">Chargement des propositions…</p>
        ) : null
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
    </section>
  );
}
