import { useQuery } from 'urql';
import { usePartnerNames } from '../directory/use-directory-names';
import type { PartnerNames } from '../directory/use-directory-names';
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

/** Said of a partner the api does not name to me. */
const UNNAMED_PARTNER = 'Un partenaire du territoire';

/** The partners a section shows, named by the api from their ids. */
export function useSectionPartnerNames(
  territoryId: string,
  ids: readonly (string | null | undefined)[],
): PartnerNames {
  return usePartnerNames(territoryId, ids, UNNAMED_PARTNER);
}

/** Why some names are missing, when the api could not be asked for them. */
export function NamesError({ error }: { error: PartnerNames['error'] }) {
  return error ? <Notice tone="error">{readError(error).message}</Notice> : null;
}

export function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section className="situation-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** Who is around the person, and on what ground; not sent to those outside the secret partagé. */
export function CircleSection({
  territoryId,
  circle,
}: {
  territoryId: string;
  circle: SituationDetail['circle'];
}) {
  const names = useSectionPartnerNames(territoryId, circle?.map((member) => member.organisationId) ?? []);
  const { nameOf } = names;
  return (
    <Section id="cercle" title="Le cercle">
      {circle === null ? (
        <p>
          La composition du cercle est réservée aux professionnels du secret partagé : Relais ne vous la
          transmet pas.
        </p>
      ) : names.loading ? (
        <p role="status">Chargement…</p>
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
      <NamesError error={names.error} />
    </Section>
  );
}

/** The hand-offs to common-law services I may see. */
export function HandoffsSection({
  territoryId,
  handoffs,
}: {
  territoryId: string;
  handoffs: readonly SituationHandoff[];
}) {
  const names = useSectionPartnerNames(
    territoryId,
    handoffs.flatMap((handoff) => [handoff.receivingOrganisationId, handoff.proposedByOrganisationId]),
  );
  const { nameOf } = names;
  return (
    <Section id="relais" title="Passages de relais">
      {names.loading ? (
        <p role="status">Chargement…</p>
      ) : handoffs.length ? (
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
      <NamesError error={names.error} />
    </Section>
  );
}

/** The trinôme follow-ups I may read, each in short, with the way to its page. */
export function FollowUpsSection({ territoryId, situationId }: { territoryId: string; situationId: string }) {
  const [result] = useQuery({ query: SituationFollowUpsQuery, variables: { situationId } });
  const connection = result.data?.situationFollowUps;
  // The seats held by nobody in particular are named by their partner.
  const names = useSectionPartnerNames(
    territoryId,
    connection?.edges.flatMap(({ node }) =>
      node.team.map((seat) => (seat.holderName ? null : seat.organisationId)),
    ) ?? [],
  );
  const { nameOf } = names;
  return (
    <Section id="accompagnements" title="Accompagnements">
      {!connection || names.loading ? (
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
      <NamesError error={names.error} />
    </Section>
  );
}
