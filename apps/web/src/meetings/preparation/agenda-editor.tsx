import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { useMemberNames, useOrganisationNames } from '../../directory/use-directory-names';
import { readError } from '../../graphql/errors';
import { Notice } from '../../ui/notice';
import { useFocusOnChange } from '../../ui/use-focus-on-change';
import { writtenDuration } from '../meeting-labels';
import { moveItem, timeBudget } from './agenda-plan';
import type { Direction } from './agenda-plan';
import { AgendaSuggestions, useAgendaSuggestions } from './agenda-suggestions';
import { EditItem } from './edit-item';
import { RemoveAgendaItemMutation, ReorderAgendaMutation } from './preparation.operations';
import type { AgendaItemView, AgendaView } from './preparation.operations';
import { PublishAgendaDialog } from './publish-agenda-dialog';

interface Announcement {
  at: number;
  message: string;
  /** Moved to the message (an item added or removed); a move keeps the focus on its button. */
  focus: boolean;
}

/** Where the focus goes after a move: the same button of the moved item, or its other one at an end. */
interface MoveFocus {
  itemId: string;
  direction: Direction;
}

/**
 * The coordinator's agenda while it is prepared: the items in their order, each moved, timed,
 * given guests and a presenter, or removed; the total against the meeting's length; Relais's
 * proposals; publishing.
 */
export function AgendaEditor({
  agenda: fetched,
  territoryId,
  onPublished,
}: {
  agenda: AgendaView;
  territoryId: string;
  onPublished(): void;
}) {
  const meetingId = fetched.meeting.id;
  // The agenda each change answers with, shown at once; the page's query then catches up.
  // Kept with the fetched agenda it followed: once the query brings a newer one, that one shows.
  const [answer, setAnswer] = useState<{ after: AgendaView; agenda: AgendaView }>();
  const agenda = answer?.after === fetched ? answer.agenda : fetched;
  const setAnswered = (changed: AgendaView) => setAnswer({ after: fetched, agenda: changed });
  const suggestions = useAgendaSuggestions(meetingId);
  // The guests and presenters the items name, named by the api whatever their place in the directory.
  const partners = useOrganisationNames(
    territoryId,
    agenda.items.flatMap((item) => [...(item.guestOrganisationIds ?? []), item.presenterOrganisationId]),
  );
  const people = useMemberNames(
    territoryId,
    agenda.items.map((item) => item.presenterUserId),
  );
  const [reordering, reorder] = useMutation(ReorderAgendaMutation);
  const [, remove] = useMutation(RemoveAgendaItemMutation);
  const [announcement, setAnnouncement] = useState<Announcement>();
  const [refusal, setRefusal] = useState<string>();
  const moveFocus = useRef<MoveFocus>(undefined);
  const announced = useRef<HTMLDivElement>(null);
  useFocusOnChange(announced, announcement?.focus ? announcement.at : undefined);

  const announce = (message: string, focus: boolean) =>
    setAnnouncement((previous) => ({ at: (previous?.at ?? 0) + 1, message, focus }));

  // After a move, the moved item's button keeps the focus, as a keyboard user expects.
  useEffect(() => {
    const moved = moveFocus.current;
    if (!moved) return;
    const index = agenda.items.findIndex((item) => item.id === moved.itemId);
    if (index < 0) return;
    moveFocus.current = undefined;
    const atEnd = moved.direction === 'up' ? index === 0 : index === agenda.items.length - 1;
    const direction = atEnd ? (moved.direction === 'up' ? 'down' : 'up') : moved.direction;
    document.getElementById(`deplacer-${moved.itemId}-${direction}`)?.focus();
  }, [agenda]);

  const move = async (item: AgendaItemView, index: number, direction: Direction) => {
    setRefusal(undefined);
    const order = moveItem(
      agenda.items.map((candidate) => candidate.id),
      index,
      direction,
    );
    const result = await reorder({ input: { meetingId, itemIds: order } });
    if (result.error) return setRefusal(readError(result.error).message);
    if (!result.data) return;
    moveFocus.current = { itemId: item.id, direction };
    setAnswered(result.data.reorderAgenda);
    const position = order.indexOf(item.id) + 1;
    announce(`Point ${item.caseCode} déplacé en position ${position} sur ${order.length}.`, false);
  };

  const removeItem = async (item: AgendaItemView) => {
    setRefusal(undefined);
    const result = await remove({ itemId: item.id });
    if (result.error) return setRefusal(readError(result.error).message);
    if (result.data) setAnswered(result.data.removeAgendaItem);
    void suggestions.refresh();
    announce(
      `Point ${item.caseCode} retiré de l’ordre du jour ; il revient parmi les propositions s’il y a lieu.`,
      true,
    );
  };

  const budget = timeBudget(
    agenda.items.map((item) => item.minutes),
    agenda.meeting.durationMinutes,
  );

  return (
    <>
      {announcement ? (
        <div
          ref={announced}
          tabIndex={-1}
          key={announcement.focus ? announcement.at : 'moves'}
          className="announcement"
        >
          <Notice tone="success">{announcement.message}</Notice>
        </div>
      ) : null}
      {refusal ? <Notice tone="error">{refusal}</Notice> : null}
      {partners.error || people.error ? (
        <Notice tone="error">{readError((partners.error ?? people.error)!).message}</Notice>
      ) : null}
      <section aria-labelledby="points">
        <h2 id="points">
          {agenda.items.length
            ? `${agenda.items.length} point${agenda.items.length > 1 ? 's' : ''} inscrit${agenda.items.length > 1 ? 's' : ''}`
            : 'Aucun point inscrit'}
        </h2>
        <div className={`time-budget${budget.over ? ' time-budget-over' : ''}`} role="status">
          {budget.over ? (
            <p>
              <strong>Attention : le temps prévu dépasse la durée de la séance.</strong>{' '}
              {writtenDuration(budget.total)} prévues pour une séance de{' '}
              {writtenDuration(agenda.meeting.durationMinutes)}, soit {writtenDuration(-budget.left)} de trop
              : raccourcissez ou retirez un point.
            </p>
          ) : (
            <p>
              Temps prévu : {writtenDuration(budget.total)} sur{' '}
              {writtenDuration(agenda.meeting.durationMinutes)}
              {budget.left > 0 ? `, il reste ${writtenDuration(budget.left)}.` : ', la séance est pleine.'}
            </p>
          )}
        </div>
        {agenda.items.length ? (
          <ol className="agenda-items">
            {agenda.items.map((item, index) => (
              <EditItem
                key={item.id}
                item={item}
                first={index === 0}
                last={index === agenda.items.length - 1}
                busy={reordering.fetching}
                territoryId={territoryId}
                nameOf={(id) =>
                  partners.entryOf(id)?.name ?? (partners.loading ? 'chargement…' : 'un partenaire')
                }
                personOf={(id) => {
                  const person = people.entryOf(id);
                  return person ? `${person.firstName} ${person.lastName}` : undefined;
                }}
                onMove={(direction) => void move(item, index, direction)}
                onRemove={() => void removeItem(item)}
                onSaved={(saved, message) => {
                  setAnswered(saved);
                  announce(message, false);
                }}
              />
            ))}
          </ol>
        ) : (
          <p>Inscrivez des situations parmi les propositions de Relais ci-dessous.</p>
        )}
      </section>
      <AgendaSuggestions
        meetingId={meetingId}
        list={suggestions}
        onAdded={(added, caseCode) => {
          setAnswered(added);
          void suggestions.refresh();
          const position = added.items.findIndex((item) => item.caseCode === caseCode) + 1;
          announce(`${caseCode} est inscrit à l’ordre du jour, en position ${position}.`, true);
        }}
      />
      <section aria-labelledby="publication" className="publish-row">
        <h2 id="publication">Publication</h2>
        <p>
          Publié, l’ordre du jour est figé et chacun est prévenu : les membres de la cellule le lisent par
          codes, les partenaires invités voient en détail les points où ils le sont.
        </p>
        <PublishAgendaDialog
          meetingId={meetingId}
          items={agenda.items.length}
          overBy={Math.max(0, -budget.left)}
          onPublished={onPublished}
        />
      </section>
    </>
  );
}
