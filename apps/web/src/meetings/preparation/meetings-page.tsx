import { useState } from 'react';
import { useQuery } from 'urql';
import { readError } from '../../graphql/errors';
import { Link } from '../../routing/link';
import { Button } from '../../ui/button';
import { usePageTitle } from '../../ui/use-page-title';
import { frenchDate, frenchDateTime, frenchTime } from '../../ui/written-dates';
import { meetingPaths, meetingStatusLabel, meetingStatusTone, writtenDuration } from '../meeting-labels';
import { MeetingTerritoryChoice } from './meeting-territory';
import type { MeetingTerritory } from './meeting-territory';
import { MeetingsQuery } from './preparation.operations';
import type { MeetingView } from './preparation.operations';
import '../../referrals/referrals.css';
import './preparation.css';

const PAGE_SIZE = 20;

/** « Séances » : the cell's coming meetings, then the past ones, each with what can be done next. */
export function MeetingsPage() {
  usePageTitle('Séances');
  return (
    <>
      <h1>Séances</h1>
      <MeetingTerritoryChoice>
        {(territory) => <Meetings key={territory.id} territory={territory} />}
      </MeetingTerritoryChoice>
    </>
  );
}

function Meetings({ territory }: { territory: MeetingTerritory }) {
  return (
    <>
      {territory.coordinating ? (
        <p className="button-row">
          <Link to={meetingPaths.plan} className="button button-primary">
            Prévoir une séance
          </Link>
        </p>
      ) : (
        <p className="lead">
          Les séances de la cellule dont l’ordre du jour est publié. Vous voyez le détail des points où votre
          organisation est invitée ; les autres, par leur code seulement.
        </p>
      )}
      <MeetingList
        territory={territory}
        period="UPCOMING"
        title="À venir"
        empty={
          territory.coordinating
            ? 'Aucune séance n’est prévue. Prévoyez la prochaine, ou une série mensuelle : l’appel à situations part avant chacune.'
            : 'Aucune séance à venir n’a encore d’ordre du jour publié.'
        }
      />
      <MeetingList territory={territory} period="PAST" title="Passées" empty="Aucune séance passée." />
    </>
  );
}

interface MeetingListProps {
  territory: MeetingTerritory;
  period: 'UPCOMING' | 'PAST';
  title: string;
  empty: string;
}

/** One list, page after page: each page reads its own cursor, so pages already shown stay as they are. */
function MeetingList({ territory, period, title, empty }: MeetingListProps) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const headingId = `seances-${period.toLowerCase()}`;
  return (
    <section aria-labelledby={headingId} className="meeting-list">
      <h2 id={headingId}>{title}</h2>
      <div className="table-scroll">
        <table className="data-table meetings-table">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Lieu</th>
              <th scope="col">État</th>
              <th scope="col">Ordre du jour</th>
              <th scope="col">Suite</th>
            </tr>
          </thead>
          {cursors.map((after, index) => (
            <MeetingPage
              key={after ?? 'first'}
              territory={territory}
              period={period}
              after={after}
              empty={index === 0 ? empty : undefined}
              onMore={index === cursors.length - 1 ? (next) => setCursors([...cursors, next]) : undefined}
            />
          ))}
        </table>
      </div>
    </section>
  );
}

interface MeetingPageProps {
  territory: MeetingTerritory;
  period: 'UPCOMING' | 'PAST';
  after: string | null;
  empty?: string;
  onMore?: (cursor: string) => void;
}

function MeetingPage({ territory, period, after, empty, onMore }: MeetingPageProps) {
  const [result] = useQuery({
    query: MeetingsQuery,
    variables: { territoryId: territory.id, period, first: PAGE_SIZE, after },
  });
  const page = result.data?.meetings;
  const message = (text: string, role?: 'status' | 'alert') => (
    <tbody>
      <tr>
        <td colSpan={5} role={role}>
          {text}
        </td>
      </tr>
    </tbody>
  );
  if (!page) {
    if (result.error) return message(readError(result.error).message, 'alert');
    return message('Chargement des séances…', 'status');
  }
  if (!page.edges.length && empty) return message(empty);
  const endCursor = page.pageInfo.endCursor;
  return (
    <tbody>
      {page.edges.map(({ node }) => (
        <MeetingRow key={node.id} meeting={node} coordinating={territory.coordinating} />
      ))}
      {page.pageInfo.hasNextPage && endCursor && onMore ? (
        <tr>
          <td colSpan={5}>
            <Button variant="quiet" onPress={() => onMore(endCursor)}>
              {period === 'PAST' ? 'Afficher des séances plus anciennes' : 'Afficher les séances suivantes'}
            </Button>
          </td>
        </tr>
      ) : null}
    </tbody>
  );
}

function MeetingRow({ meeting, coordinating }: { meeting: MeetingView; coordinating: boolean }) {
  const day = frenchDate(meeting.startsAt);
  const tone = meetingStatusTone(meeting.status);
  const ofMeeting = <span className="visually-hidden"> de la séance du {day}</span>;
  const preparing = meeting.status === 'PLANNED';
  return (
    <tr>
      <th scope="row">
        {day}
        <span className="meeting-time">
          {frenchTime(meeting.startsAt)}, {writtenDuration(meeting.durationMinutes)}
        </span>
      </th>
      <td>
        {meeting.place ?? 'En visioconférence'}
        {meeting.place && meeting.videoLink ? (
          <span className="meeting-time">et en visioconférence</span>
        ) : null}
      </td>
      <td>
        <span className={`status-tag${tone ? ` status-tag-${tone}` : ''}`}>
          {meetingStatusLabel(meeting.status)}
        </span>
      </td>
      <td>
        {meeting.agendaPublishedAt
          ? `Publié le ${frenchDateTime(meeting.agendaPublishedAt)}`
          : meeting.status === 'CANCELLED'
            ? 'Non publié'
            : 'En préparation, non publié'}
      </td>
      <td>
        <ul className="meeting-links">
          <li>
            <Link to={meetingPaths.agenda(meeting.id)}>
              {coordinating && preparing ? 'Préparer l’ordre du jour' : 'Ordre du jour'}
              {ofMeeting}
            </Link>
          </li>
          {coordinating && meeting.status === 'AGENDA_PUBLISHED' ? (
            <li>
              <Link to={meetingPaths.meetingMode(meeting.id)}>
                Mener la séance<span className="visually-hidden"> du {day}</span>
              </Link>
            </li>
          ) : null}
          {(coordinating && meeting.status === 'HELD') || meeting.status === 'MINUTES_PUBLISHED' ? (
            <li>
              <Link to={meetingPaths.minutes(meeting.id)}>Compte rendu{ofMeeting}</Link>
            </li>
          ) : null}
        </ul>
      </td>
    </tr>
  );
}
