import { useQuery } from 'urql';
import { readError } from '../../graphql/errors';
import { Link } from '../../routing/link';
import { Notice } from '../../ui/notice';
import { usePageTitle } from '../../ui/use-page-title';
import { MeetingMode } from './meeting-mode';
import {
  MeetingModeAgendaQuery,
  MeetingModeDirectoryQuery,
  MeetingProgressQuery,
} from './meeting-mode.operations';
import '../../ui/dialog.css';
import '../../ui/page-parts.css';
import './meeting-mode.css';

/**
 * « En séance » (/seances/:id/en-seance): the coordinator runs the cell's meeting from it, on the
 * projector. It reads the agenda, which carries no identity, the territory's directory, and what
 * is already recorded of the meeting, so that a reload loses nothing.
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
  // Only the coordination reads it, and only for a meeting that is being held.
  const holding =
    Boolean(agenda?.standingInvitees) &&
    (agenda?.meeting.status === 'AGENDA_PUBLISHED' || agenda?.meeting.status === 'HELD');
  const [progressResult] = useQuery({
    query: MeetingProgressQuery,
    variables: { meetingId },
    pause: !holding,
    // Always as saved now: the page's state starts from it.
    requestPolicy: 'network-only',
  });
  const progress = progressResult.data?.meetingProgress;
  const error = agendaResult.error ?? directoryResult.error ?? progressResult.error;

  if (!agenda || !directory || (holding && !progress)) {
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

  if (!progress) return null;

  return (
    <MeetingMode
      agenda={agenda}
      progress={progress}
      organisations={directory.organisations.edges.map((edge) => edge.node)}
      members={directory.territoryMembers.edges.map((edge) => edge.node.user)}
      coordinatorId={directory.me.id}
    />
  );
}
