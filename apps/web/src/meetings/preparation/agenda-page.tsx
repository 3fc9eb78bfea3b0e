import { useRef, useState } from 'react';
import { useQuery } from 'urql';
import { readError } from '../../graphql/errors';
import { Link } from '../../routing/link';
import { Notice } from '../../ui/notice';
import { useFocusOnChange } from '../../ui/use-focus-on-change';
import { usePageTitle } from '../../ui/use-page-title';
import { frenchDate, frenchDateTime, frenchTime } from '../../ui/written-dates';
import { meetingPaths, meetingStatusLabel, writtenDuration } from '../meeting-labels';
import { AgendaEditor } from './agenda-editor';
import { AgendaReader } from './agenda-reader';
import { useMeetingTerritories } from './meeting-territory';
import { MeetingAgendaQuery } from './preparation.operations';
import type { AgendaView, MeetingView } from './preparation.operations';
import '../../referrals/referrals.css';
import '../../ui/dialog.css';
import './preparation.css';

/**
 * « Ordre du jour » of one meeting: prepared by the coordinator until it is published; read by
 * everyone else as the api gives it (the items of one's invitation detailed, the others by code).
 */
export function AgendaPage({ meetingId }: { meetingId: string }) {
  usePageTitle('Ordre du jour');
  const [result] = useQuery({ query: MeetingAgendaQuery, variables: { meetingId } });
  const { territories, error: territoriesError } = useMeetingTerritories();
  const [published, setPublished] = useState(false);
  const publishedNotice = useRef<HTMLDivElement>(null);
  useFocusOnChange(publishedNotice, published);
  const agenda = result.data?.meetingAgenda;
  const error = result.error ?? territoriesError;
  if (!agenda || !territories) {
    return (
      <>
        <h1>Ordre du jour</h1>
        {error ? (
          <Notice tone="error">{readError(error).message}</Notice>
        ) : (
          <p role="status">Chargement de l’ordre du jour…</p>
        )}
        <p>
          <Link to={meetingPaths.list}>Retour aux séances</Link>
        </p>
      </>
    );
  }
  const meeting = agenda.meeting;
  const territory = territories.find((candidate) => candidate.id === meeting.territoryId);
  const coordinating = territory?.coordinating ?? false;
  return (
    <>
      <h1>Ordre du jour de la séance du {frenchDate(meeting.startsAt)}</h1>
      {published ? (
        <div ref={publishedNotice} tabIndex={-1} className="announcement">
          <Notice tone="success">
            L’ordre du jour est publié : il est figé, et les membres de la cellule et les partenaires invités
            sont prévenus.
          </Notice>
        </div>
      ) : null}
      <MeetingSummary agenda={agenda} coordinating={coordinating} />
      {coordinating && meeting.status === 'PLANNED' && territory ? (
        <AgendaEditor agenda={agenda} territoryId={territory.id} onPublished={() => setPublished(true)} />
      ) : (
        <AgendaReader agenda={agenda} territoryId={meeting.territoryId} />
      )}
    </>
  );
}

function MeetingSummary({ agenda, coordinating }: { agenda: AgendaView; coordinating: boolean }) {
  const meeting: MeetingView = agenda.meeting;
  return (
    <>
      <dl className="summary-list">
        <dt>Date</dt>
        <dd>
          {frenchDate(meeting.startsAt)}, de {frenchTime(meeting.startsAt)} à{' '}
          {frenchTime(new Date(Date.parse(meeting.startsAt) + meeting.durationMinutes * 60_000))} (
          {writtenDuration(meeting.durationMinutes)})
        </dd>
        <dt>Lieu</dt>
        <dd>
          {meeting.place ?? 'En visioconférence seulement'}
          {meeting.videoLink ? (
            <>
              {meeting.place ? ' ; ' : ' : '}
              <a href={meeting.videoLink} rel="noreferrer noopener" target="_blank">
                lien de visioconférence
              </a>
            </>
          ) : null}
        </dd>
        <dt>État</dt>
        <dd>
          {meetingStatusLabel(meeting.status)}
          {meeting.agendaPublishedAt
            ? meeting.status === 'AGENDA_PUBLISHED'
              ? ` le ${frenchDateTime(meeting.agendaPublishedAt)}`
              : ` (ordre du jour publié le ${frenchDateTime(meeting.agendaPublishedAt)})`
            : ''}
        </dd>
      </dl>
      <ul className="link-list meeting-page-links">
        <li>
          <Link to={meetingPaths.list}>Toutes les séances</Link>
        </li>
        <li>
          {/* A plain link: the api serves the PDF to the session cookie for a same-origin link. */}
          <a href={meetingPaths.agendaPdf(meeting.id)} download>
            Télécharger l’ordre du jour (PDF)
          </a>
        </li>
        {coordinating && meeting.status === 'AGENDA_PUBLISHED' ? (
          <li>
            <Link to={meetingPaths.meetingMode(meeting.id)}>Mener la séance</Link>
          </li>
        ) : null}
        {(coordinating && meeting.status === 'HELD') || meeting.status === 'MINUTES_PUBLISHED' ? (
          <li>
            <Link to={meetingPaths.minutes(meeting.id)}>Compte rendu</Link>
          </li>
        ) : null}
      </ul>
    </>
  );
}
