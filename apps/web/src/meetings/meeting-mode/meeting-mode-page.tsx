import { useQuery } from 'urql';
import { readError } from '../../graphql/errors';
import { Link } from '../../routing/link';
import { Notice } from '../../ui/notice';
import { usePageTitle } from '../../ui/use-page-title';
import { MeetingMode } from './meeting-mode';
import { MeetingModeAgendaQuery, MeetingModeDirectoryQuery } from './meeting-mode.operations';
import '../../ui/dialog.css';
import '../../ui/page-parts.css';
import './meeting-mode.css';

/**
 * « En séance » (/seances/:id/en-seance): the coordinator runs the cell's meeting from it, on the
 * projector. It reads the agenda, which carries no identity, and the territory's directory.
 */
export function MeetingModePage({ meetingId }: { meetingId: string }) {
  usePageTitle('En séance');
  const [agendaResult] = useQuery({ query: MeetingModeAgendaQuery, variables: { meetingId } });
  const agenda = agendaResult.data?.meetingAgenda;
  const territoryId = agenda?.meeting.territoryId ?? '';
  const [directoryResult] = useQuery({
    query: MeetingModeDirectoryQuery,
    variables: { territoryId },
    pause: !territoryId,
  });
  const directory = directoryResult.data;
  const error = agendaResult.error ?? directoryResult.error;

  if (!agenda || !directory) {
    return (
      <div className="meeting-mode">
        <h1>En séance</h1>
        {error ? (
          <Notice tone="error">{readError(error).message}</Notice>
        ) : (
          <p role="status">Chargement de la séance…</p>
        )}
        <p>
          <Link to="/seances">Retour aux séances</Link>
        </p>
      </div>
    );
  }

  const { meeting } = agenda;
  const agendaLink = `/seances/${encodeURIComponent(meeting.id)}/ordre-du-jour`;
  const minutesLink = `/seances/${encodeURIComponent(meeting.id)}/compte-rendu`;
  if (
    meeting.status === 'PLANNED' ||
    meeting.status === 'CANCELLED' ||
    meeting.status === 'MINUTES_PUBLISHED'
  ) {
    return (
      <div className="meeting-mode">
        <h1>En séance</h1>
        <Notice>
          {meeting.status === 'PLANNED' ? (
            <p>
              L’ordre du jour de cette séance n’est pas encore publié : la séance se tient une fois l’ordre du
              jour publié. <Link to={agendaLink}>Préparer l’ordre du jour</Link>
            </p>
          ) : meeting.status === 'CANCELLED' ? (
            <p>
              Cette séance est annulée. <Link to="/seances">Retour aux séances</Link>
            </p>
          ) : (
            <p>
              Le compte rendu de cette séance est publié : elle ne peut plus être tenue.{' '}
              <Link to={minutesLink}>Lire le compte rendu</Link>
            </p>
          )}
        </Notice>
      </div>
    );
  }

  // The standing invitees are the coordination's to read: without them, the reader does not run meetings.
  if (!agenda.standingInvitees) {
    return (
      <div className="meeting-mode">
        <h1>En séance</h1>
        <Notice>
          <p>
            Le mode séance est réservé à la coordination, qui tient la séance.{' '}
            <Link to="/seances">Retour aux séances</Link>
          </p>
        </Notice>
      </div>
    );
  }

  return (
    <MeetingMode
      agenda={agenda}
      organisations={directory.organisations}
      members={directory.territoryMembers.map((member) => member.user)}
      coordinatorId={directory.me.id}
    />
  );
}
