import { useQuery } from 'urql';
import { useMemberNames } from '../../directory/use-directory-names';
import { readError } from '../../graphql/errors';
import { Link } from '../../routing/link';
import { Notice } from '../../ui/notice';
import { usePageTitle } from '../../ui/use-page-title';
import { MeetingMode } from './meeting-mode';
import {
  MeetingModeAgendaQuery,
  MeetingGuestProfessionalsQuery,
  MeetingModeChairQuery,
  MeetingProgressQuery,
} from './meeting-mode.operations';
import type { MeetingModeProgress } from './meeting-mode.operations';
import '../../ui/dialog.css';
import '../../ui/page-parts.css';
import './meeting-mode.css';

/**
 * « En séance » (/seances/:id/en-seance): the coordinator runs the cell's meeting from it, on the
 * projector. It reads the agenda, which carries no identity, what is already recorded of the
 * meeting, so that a reload loses nothing, the names of the people and partners these name, and the
 * professionals of the partners invited to an item.
 */
export function MeetingModePage({ meetingId }: { meetingId: string }) {
  usePageTitle('En séance');
  const [agendaResult] = useQuery({ query: MeetingModeAgendaQuery, variables: { meetingId } });
  const agenda = agendaResult.data?.meetingAgenda;
  const territoryId = agenda?.meeting.territoryId ?? '';
  const [chairResult] = useQuery({ query: MeetingModeChairQuery });
  const coordinatorId = chairResult.data?.me?.id;
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
  // The people the meeting names (the cell, the chair, those recorded), asked by their ids: a
  // territory may count more people than a page of its directory.
  const members = useMemberNames(territoryId, [
    ...(agenda?.standingInvitees ?? []).map((invitee) => invitee.userId),
    coordinatorId,
    ...(progress ? recordedPeople(progress) : []),
  ]);
  // The partners invited to an item: their professionals are expected in the room too.
  const guestPartnerIds = [...new Set(agenda?.items.flatMap((item) => item.guestOrganisationIds ?? []))]
    .sort()
    .slice(0, 100);
  const [guestsResult] = useQuery({
    query: MeetingGuestProfessionalsQuery,
    variables: { territoryId, organisationIds: guestPartnerIds },
    pause: !holding || !guestPartnerIds.length,
  });
  const guestsLoading = holding && guestPartnerIds.length > 0 && !guestsResult.data && !guestsResult.error;
  const error =
    agendaResult.error ?? chairResult.error ?? progressResult.error ?? members.error ?? guestsResult.error;

  if (!agenda || !chairResult.data || members.loading || guestsLoading || (holding && !progress)) {
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

  const named = [
    ...(agenda.standingInvitees ?? []).map((invitee) => invitee.userId),
    coordinatorId,
    ...recordedPeople(progress),
  ].flatMap((id) => members.entryOf(id) ?? []);
  return (
    <MeetingMode
      agenda={agenda}
      progress={progress}
      members={[
        ...new Map(
          [...named, ...(guestsResult.data?.territoryMembers.edges.map((edge) => edge.node.user) ?? [])].map(
            (member) => [member.id, member],
          ),
        ).values(),
      ]}
      coordinatorId={coordinatorId}
    />
  );
}

/** Everyone the saved progress names: in the room, standing in for someone, or charged with an action. */
function recordedPeople(progress: MeetingModeProgress): (string | null)[] {
  return [
    ...progress.attendance.flatMap((entry) => [entry.userId, entry.representedByUserId]),
    ...progress.items.flatMap((item) => [
      ...item.presentUserIds,
      ...item.decisions.flatMap((decision) => decision.actions.map((action) => action.ownerUserId)),
    ]),
  ];
}
