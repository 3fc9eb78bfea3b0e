import { useState } from 'react';
import { useMutation } from 'urql';
import { readError } from '../graphql/errors';
import { ConfirmDialog } from '../administration/confirm-dialog';
import { useShownOnce } from '../directory/use-directory-names';
import { localCalendarDay } from '../referrals/calendar-day';
import { Link } from '../routing/link';
import { frenchCalendarDate } from '../ui/written-dates';
import { DecisionDialog } from './decision-dialog';
import { InboxEntry, InboxSection } from './inbox-section';
import { REFERRER_KIND_LABELS } from '../referrals/referral-labels';
import { countWords, daysSince, sinceWords, URGENCY_LABELS } from './inbox-words';
import { ApproveDerogationMutation, RejectDerogationMutation } from './inbox.operations';
import type { InboxDerogation, InboxReferral } from './inbox.operations';
import { inboxReferralPath } from './inbox-paths';
import { namesError, useInboxPartnerNames } from './inbox-partner-names';
import { ReferralDecisions } from './referral-decisions';
import type { CursorList } from './use-cursor-list';
import type { PagedList } from '../ui/use-paged-list';

/** Entries shown at first, and added by each « Afficher plus ». */
export const SECTION_SIZE = 10;

export interface DecidedProps {
  onDecided(message: string): void;
  onRefused(message: string): void;
}

/** Sent or in pre-review, the longest waiting first: the pseudonym only, the identity on its own page. */
export function ReferralSection({ list, ...decided }: { list: CursorList<InboxReferral> } & DecidedProps) {
  const today = localCalendarDay();
  const waiting = list.nodes ?? [];
  if (!list.nodes && !list.error) return <p role="status">Chargement des saisines…</p>;
  return (
    <InboxSection
      id="saisines"
      title="Saisines à pré-examiner"
      count={countWords(waiting.length, list.hasMore)}
      isEmpty={!waiting.length}
      error={list.error ? readError(list.error).message : undefined}
      empty="Aucune saisine n’attend la coordination. Quand un partenaire transmet une saisine, elle apparaît ici, sans l’identité de la personne, pour son pré-examen anonyme."
      more={
        list.hasMore
          ? {
              label: 'Afficher plus de saisines',
              pending: list.loadingMore,
              onPress: () => void list.showMore(),
            }
          : undefined
      }
    >
      {waiting.map((referral) => (
        <InboxEntry
          key={referral.id}
          title={
            <Link to={inboxReferralPath(referral.id)}>
              {referral.person.caseCode} · {referral.person.pseudonym}
            </Link>
          }
          facts={[
            referral.statusLabel,
            referral.referrerKind ? REFERRER_KIND_LABELS[referral.referrerKind] : null,
            referral.urgency ? URGENCY_LABELS[referral.urgency] : null,
            `transmise ${sinceWords(daysSince(referral.submittedAt, today))}`,
          ]
            .filter(Boolean)
            .join(' · ')}
          details={
            <>
              {referral.questionToCell ? (
                <p className="inbox-entry-quote multiline">« {referral.questionToCell} »</p>
              ) : null}
              {referral.possibleDuplicate ? (
                <p className="inbox-entry-quote">
                  <strong>Doublon possible :</strong> {referral.possibleDuplicate.caseCode} (
                  {referral.possibleDuplicate.pseudonym})
                </p>
              ) : null}
            </>
          }
          next={<ReferralDecisions referral={referral} {...decided} />}
        />
      ))}
    </InboxSection>
  );
}

function derogationsAdded(added: number): string {
  if (added === 0) return 'Aucune dérogation de plus.';
  return added > 1 ? `${added} dérogations de plus sont affichées.` : '1 dérogation de plus est affichée.';
}

/**
 * Derogations asked by a professional, waiting for a second one to approve or refuse them, the
 * longest waiting first, a page at a time; the heading counts them all.
 */
export function DerogationSection({
  territoryId,
  list,
  onDecided,
}: {
  territoryId: string;
  list: PagedList<InboxDerogation> & { totalCount?: number };
} & DecidedProps) {
  const [told, setTold] = useState<string>();
  const [, approve] = useMutation(ApproveDerogationMutation);
  const [, reject] = useMutation(RejectDerogationMutation);
  const today = localCalendarDay();
  const names = useInboxPartnerNames(
    territoryId,
    list.items?.flatMap((derogation) => derogation.organisationIds) ?? [],
  );
  // The first page waits for its partners' names; what « Afficher plus » adds has them load in place.
  const shown = useShownOnce(!!list.items && !names.loading);
  if (!shown && !list.error) return <p role="status">Chargement des dérogations…</p>;
  const waiting = list.items ?? [];
  return (
    <>
      <InboxSection
        id="derogations"
        title="Dérogations à valider"
        count={String(list.totalCount ?? waiting.length)}
        error={list.error ? readError(list.error).message : namesError(names)}
        intro="Un second professionnel du social ou de la santé, en lien avec la personne et autre que l’auteur de la demande, valide ou refuse : si ce n’est pas votre cas, Relais vous le dira."

        isEmpty={!waiting.length}
        empty="Aucune dérogation au consentement n’attend de validation. Une dérogation demandée par un professionnel apparaît ici : elle n’ouvre aucun partage avant d’être validée."
        more={
          list.hasMore
            ? {
                label: 'Afficher plus de dérogations',
                pending: list.loadingMore,
                onPress: () => void list.showMore().then((added) => setTold(derogationsAdded(added))),
              }
            : undefined
        }
      >
        {waiting.map((derogation) => {
          const partners = derogation.organisationIds.map(names.nameOf).join(', ');
          const context = `(${derogation.groundLabel}, demandée ${sinceWords(daysSince(derogation.requestedAt, today))})`;
          return (
            <InboxEntry
              key={derogation.id}
              title={derogation.groundLabel}
              facts={[
                `demandée ${sinceWords(daysSince(derogation.requestedAt, today))}`,
                `personne à informer avant le ${frenchCalendarDate(derogation.informPersonBy, { weekday: false })}`,
              ].join(' · ')}
              details={
                <>
                  {partners ? <p className="inbox-entry-quote">Partage avec : {partners}</p> : null}
                  {derogation.justification ? (
                    <p className="inbox-entry-quote multiline">« {derogation.justification} »</p>
                  ) : null}
                  {derogation.referralId ? (
                    <p className="inbox-entry-quote">
                      <Link to={inboxReferralPath(derogation.referralId)}>Voir la saisine</Link>
                    </p>
                  ) : null}
                </>
              }
              next={
                <div className="button-row">
                  <ConfirmDialog
                    trigger="Valider"
                    context={`la dérogation ${context}`}
                    title="Valider la dérogation"
                    confirm="Valider la dérogation"
                    run={() => approve({ derogationId: derogation.id })}
                    onDone={() =>
                      onDecided(
                        'La dérogation est validée : le partage est ouvert aux partenaires nommés, et son auteur doit informer la personne.',
                      )
                    }
                  >
                    <p>
                      Le partage est ouvert à : {partners || 'les partenaires nommés'}. L’auteur de la demande
                      reçoit l’action d’informer la personne avant le{' '}
                      {frenchCalendarDate(derogation.informPersonBy)}.
                    </p>
                  </ConfirmDialog>
                  <DecisionDialog
                    trigger="Refuser"
                    context={`la dérogation ${context}`}
                    title="Refuser la dérogation"
                    reason={{
                      label: 'Motif du refus',
                      hint: 'Adressé à l’auteur de la demande. Sans aucune information de santé.',
                      required: 'Écrivez le motif du refus : l’auteur doit savoir pourquoi.',
                    }}
                    confirm="Refuser la dérogation"
                    run={({ reason }) => reject({ derogationId: derogation.id, note: reason })}
                    onDone={() => onDecided('La dérogation est refusée : rien n’est partagé.')}
                  >
                    <p>Rien n’est partagé ; l’auteur de la demande reçoit votre motif.</p>
                  </DecisionDialog>
                </div>
              }
            />
          );
        })}
      </InboxSection>
      <p className="visually-hidden" role="status">
        {told}
      </p>
    </>
  );
}
