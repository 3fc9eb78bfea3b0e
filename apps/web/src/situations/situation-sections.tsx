import { useQuery } from 'urql';
import { readError } from '../graphql/errors';
import { Link } from '../routing/link';
import { Notice } from '../ui/notice';
import { frenchCalendarDate, frenchDate } from '../ui/written-dates';
import {
  FOLLOW_UP_KIND_LABELS,
  FOLLOW_UP_PHASE_LABELS,
  HANDOFF_STATUS_LABELS,
  LEGAL_BASIS_LABELS,
  TEAM_ROLE_LABELS,
} from './situation-words';
import { SituationFollowUpsQuery } from './situations.operations';
import type { SituationDetail, SituationHandoff } from './situations.operations';

/** A partner's name from its id (« Un partenaire du territoire » when the directory does not name it). */
export type NameOf = (organisationId: string | null | undefined) => string;

export function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="situation-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** Who is around the person, and on what ground; not sent to those outside the secret partagé. */
export function CircleSection({ circle, nameOf }: { circle: SituationDetail['circle']; nameOf: NameOf }) {
  return (
    <Section id="cercle" title="Le cercle">
      {circle === null ? (
        <p>
          La composition du cercle est réservée aux professionnels du secret partagé : Relais ne vous la
          transmet pas.
        </p>
      ) : circle.length ? (
        <ul className="situation-list">
          {circle.map((member) => (
            <li key={member.organisationId}>
              <strong>{nameOf(member.organisationId)}</strong>
              <span className="status-detail">
                {LEGAL_BASIS_LABELS[member.basis]}, depuis le {frenchDate(member.addedAt, { weekday: false })}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucun partenaire n’est encore dans le cercle de cette situation.</p>
      )}
    </Section>
  );
}

/** The hand-offs to common-law services I may see. */
export function HandoffsSection({
  handoffs,
  nameOf,
}: {
  handoffs: readonly SituationHandoff[];
  nameOf: NameOf;
}) {
  return (
    <Section id="relais" title="Passages de relais">
      {handoffs.length ? (
        <ul className="situation-list">
          {handoffs.map((handoff) => (
            <li key={handoff.id}>
              <strong>Vers {nameOf(handoff.receivingOrganisationId)}</strong> :{' '}
              {HANDOFF_STATUS_LABELS[handoff.status]}
              <span className="status-detail">
                Proposé par {nameOf(handoff.proposedByOrganisationId)} le{' '}
                {frenchDate(handoff.proposedAt, { weekday: false })}
                {handoff.answeredAt
                  ? `, réponse le ${frenchDate(handoff.answeredAt, { weekday: false })}`
                  : ''}
                {handoff.firstAppointmentOn
                  ? `, premier rendez-vous le ${frenchCalendarDate(handoff.firstAppointmentOn, { weekday: false })}`
                  : ''}
              </span>
              {handoff.declineReason ? (
                <span className="status-detail multiline">Motif : {handoff.declineReason}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p>Aucun passage de relais ne vous est visible pour cette situation.</p>
      )}
    </Section>
  );
}

/** The trinôme follow-ups I may read, each in short, with the way to its page. */
export function FollowUpsSection({ situationId, nameOf }: { situationId: string; nameOf: NameOf }) {
  const [result] = useQuery({ query: SituationFollowUpsQuery, variables: { situationId } });
  const connection = result.data?.situationFollowUps;
  return (
    <Section id="accompagnements" title="Accompagnements">
      {!connection ? (
        result.error ? (
          <Notice tone="error">{readError(result.error).message}</Notice>
        ) : (
          <p>Chargement…</p>
        )
      ) : connection.edges.length ? (
        <ul className="situation-list">
          {connection.edges.map(({ node: followUp }) => (
            <li key={followUp.id}>
              <Link to={`/suivis/${followUp.id}`}>
                <strong>{FOLLOW_UP_KIND_LABELS[followUp.kind]}</strong> — phase :{' '}
                {FOLLOW_UP_PHASE_LABELS[followUp.phase]}
              </Link>
              <span className="status-detail">
                Depuis le {frenchCalendarDate(followUp.startedOn, { weekday: false })}, fin prévue le{' '}
                {frenchCalendarDate(followUp.plannedEndOn, { weekday: false })}
              </span>
              {followUp.team.length ? (
                <span className="status-detail">
                  Équipe :{' '}
                  {followUp.team
                    .map(
                      (seat) =>
                        `${TEAM_ROLE_LABELS[seat.role]} : ${
                          seat.holderName ?? (seat.organisationId ? nameOf(seat.organisationId) : 'vacant')
                        }`,
                    )
                    .join(' ; ')}
                </span>
              ) : null}
            </li>
          ))}
          {connection.pageInfo.hasNextPage ? (
            <li>Les 20 accompagnements les plus récents sont affichés.</li>
          ) : null}
        </ul>
      ) : (
        <p>Aucun accompagnement (trinôme) ne vous est visible pour cette situation.</p>
      )}
    </Section>
  );
}
