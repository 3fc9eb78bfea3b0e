import { useCallback, useRef, useState } from 'react';
import { useQuery } from 'urql';
import { useOrganisationNames } from '../../directory/use-directory-names';
import { readError } from '../../graphql/errors';
import { Link } from '../../routing/link';
import { Notice } from '../../ui/notice';
import { useFocusOnChange } from '../../ui/use-focus-on-change';
import { usePageTitle } from '../../ui/use-page-title';
import { frenchDateTime } from '../../ui/written-dates';
import { meetingPaths, meetingStatusLabel } from '../meeting-labels';
import type { MinutesItem, MinutesMeeting } from './minutes.operations';
import { MeetingMinutesQuery, MinutesMeetingQuery, RestrictedNoteChoicesQuery } from './minutes.operations';
import { MinutesPreviewSection } from './minutes-preview-section';
import { noteCategories, partnersNamedIn } from './minutes-text';
import { MinutesView } from './minutes-view';
import { PersonAnswerDialog } from './person-answer-dialog';
import { PublishMinutesDialog } from './publish-minutes-dialog';
import { RestrictedNoteDialog } from './restricted-note-dialog';
import '../../ui/dialog.css';
import '../../ui/page-parts.css';
import './minutes.css';

/** « Compte rendu » of one meeting: the draft for the coordination, the published minutes for all. */
export function MinutesPage({ meetingId }: { meetingId: string }) {
  usePageTitle('Compte rendu de séance');
  const [result] = useQuery({ query: MinutesMeetingQuery, variables: { meetingId } });
  const agenda = result.data?.meetingAgenda;
  const me = result.data?.me;
  if (!agenda || !me) {
    return (
      <>
        <h1>Compte rendu de séance</h1>
        {result.error ? (
          <Notice tone="error">{readError(result.error).message}</Notice>
        ) : (
          <p role="status">Chargement de la séance…</p>
        )}
      </>
    );
  }
  const coordinating = me.memberships.some(
    (membership) =>
      membership.status === 'ACTIVE' &&
      membership.roles.includes('COORDINATOR') &&
      membership.territory.id === agenda.meeting.territoryId,
  );
  return <MeetingMinutes agenda={agenda} coordinating={coordinating} />;
}

function MeetingMinutes({ agenda, coordinating }: { agenda: MinutesMeeting; coordinating: boolean }) {
  const { meeting } = agenda;
  const afterMeeting = meeting.status === 'HELD' || meeting.status === 'MINUTES_PUBLISHED';
  const published = meeting.status === 'MINUTES_PUBLISHED';
  const readable = published || (coordinating && meeting.status === 'HELD');
  const variables = { meetingId: meeting.id };
  const [minutesResult, refetchMinutes] = useQuery({
    query: MeetingMinutesQuery,
    variables,
    pause: !readable,
  });
  const [choicesResult] = useQuery({ query: RestrictedNoteChoicesQuery, variables, pause: !afterMeeting });
  const [announcement, setAnnouncement] = useState<{ message: string; at: number }>();
  const announced = useRef<HTMLDivElement>(null);
  useFocusOnChange(announced, announcement?.at);

  const announce = useCallback(
    (message: string) => {
      setAnnouncement({ message, at: Date.now() });
      refetchMinutes({ requestPolicy: 'network-only' });
    },
    [refetchMinutes],
  );

  // The partners the minutes name, asked by their ids (however many the territory counts). The
  // minutes wait for their names: shown before them, each action would flash as entrusted to a
  // « Partenaire non répertorié ».
  const fetched = minutesResult.data?.meetingMinutes;
  const names = useOrganisationNames(meeting.territoryId, fetched ? partnersNamedIn(fetched) : []);
  const minutes = names.loading ? undefined : fetched;
  const partners = fetched ? partnersNamedIn(fetched).flatMap((id) => names.entryOf(id) ?? []) : [];
  const choices = choicesResult.data?.restrictedNoteChoices ?? [];
  const noteDialog = (item: { itemId: string; position: number; caseCode: string }) => {
    const categories = noteCategories(
      choices.find((choice) => choice.itemId === item.itemId)?.categories ?? [],
    );
    return categories.length ? (
      <RestrictedNoteDialog {...item} categories={categories} onAdded={announce} />
    ) : null;
  };
  const itemExtras = (item: MinutesItem) => (
    <div className="button-row minutes-item-actions">
      {noteDialog(item)}
      {coordinating ? <PersonAnswerDialog item={item} onRecorded={announce} /> : null}
    </div>
  );
  const error = minutesResult.error ?? choicesResult.error ?? names.error;

  return (
    <>
      <h1>Compte rendu de la séance du {frenchDateTime(meeting.startsAt)}</h1>
      <p className="lead">
        {published
          ? 'Publié : chaque partenaire le lit pour sa part.'
          : meeting.status === 'HELD'
            ? coordinating
              ? 'Brouillon, lu par la coordination seule, tel qu’il a été enregistré en séance. Relisez-le, voyez-le comme chaque partenaire le lira, puis publiez-le.'
              : 'La coordination relit le brouillon : le compte rendu vous parviendra à sa publication.'
            : `La séance n’est pas encore tenue (${meetingStatusLabel(meeting.status)}) : son compte rendu s’écrit en séance.`}
      </p>
      <ul className="link-list">
        <li>
          <Link to={meetingPaths.agenda(meeting.id)}>Ordre du jour de la séance</Link>
        </li>
        {readable ? (
          <li>
            {/* A plain link: the api serves the PDF to the session cookie for a same-origin link. */}
            <a href={`/documents/meetings/${encodeURIComponent(meeting.id)}/decisions.pdf`} download>
              Télécharger le relevé de décisions (PDF)
            </a>
          </li>
        ) : null}
      </ul>
      {announcement ? (
        <div ref={announced} tabIndex={-1} key={announcement.at} className="announcement">
          <Notice tone="success">{announcement.message}</Notice>
        </div>
      ) : null}
      {error ? <Notice tone="error">{readError(error).message}</Notice> : null}
      {coordinating && meeting.status === 'HELD' && minutes ? (
        <div className="button-row minutes-publish">
          <PublishMinutesDialog
            meetingId={meeting.id}
            draft={minutes}
            partners={partners}
            // The answer carries the meeting: urql reads again the queries that hold it (its status).
            onPublished={announce}
          />
        </div>
      ) : null}
      {readable ? (
        minutes ? (
          <MinutesView
            minutes={minutes}
            partners={partners}
            level={2}
            reader="vous"
            itemExtras={itemExtras}
          />
        ) : error ? null : (
          <p role="status">Chargement du compte rendu…</p>
        )
      ) : afterMeeting && choices.length ? (
        <section aria-labelledby="mes-notes">
          <h2 id="mes-notes">Vos notes réservées</h2>
          <p className="reading-width">
            Vous étiez dans la salle pour ces points : vous pouvez y ajouter une note réservée, que seuls les
            lecteurs de sa catégorie liront.
          </p>
          <ul className="minutes-list">
            {agenda.items
              .filter((item) => choices.some((choice) => choice.itemId === item.id))
              .map((item) => (
                <li key={item.id} className="minutes-note-target">
                  <span>
                    Point {item.position} — {item.caseCode}
                  </span>
                  {noteDialog({ itemId: item.id, position: item.position, caseCode: item.caseCode })}
                </li>
              ))}
          </ul>
        </section>
      ) : null}
      {coordinating && afterMeeting ? (
        <MinutesPreviewSection meetingId={meeting.id} territoryId={meeting.territoryId} />
      ) : null}
    </>
  );
}
