import { useMutation } from 'urql';
import { readError } from '../graphql/errors';
import { REDIRECT_TARGET_LABELS } from '../referrals/referral-labels';
import type { SchemaEnum } from '../referrals/referral-labels';
import { Button } from '../ui/button';
import { AcceptDialog } from './accept-dialog';
import { DecisionDialog } from './decision-dialog';
import {
  RedirectReferralMutation,
  RequestReferralConsentMutation,
  StartPreReviewMutation,
} from './inbox.operations';
import type { InboxReferral } from './inbox.operations';

type RedirectTarget = SchemaEnum<'RedirectTarget'>;

const TARGET_OPTIONS = (Object.keys(REDIRECT_TARGET_LABELS) as RedirectTarget[]).map((value) => ({
  value,
  label: REDIRECT_TARGET_LABELS[value],
}));

export interface ReferralDecisionsProps {
  referral: InboxReferral;
  /** Told once the api has recorded the decision: what to announce (the list is read again). */
  onDecided(message: string): void;
  /** Told when the api refused a decision made without a dialog. */
  onRefused(message: string): void;
}

/**
 * What the coordination does next with a referral: a sent one is first opened for the cell's
 * anonymous pre-review; one in pre-review is accepted. Either may be redirected to the right body,
 * or sent back to its author to collect the person's consent.
 */
export function ReferralDecisions({ referral, onDecided, onRefused }: ReferralDecisionsProps) {
  const [startState, startPreReview] = useMutation(StartPreReviewMutation);
  const [, redirect] = useMutation(RedirectReferralMutation);
  const [, requestConsent] = useMutation(RequestReferralConsentMutation);
  const code = referral.person.caseCode;
  const context = `la saisine ${code}`;

  return (
    <div className="button-row">
      {referral.status === 'SUBMITTED' ? (
        <Button
          isPending={startState.fetching}
          onPress={() =>
            void startPreReview({ referralId: referral.id }).then((result) =>
              result.error
                ? onRefused(readError(result.error).message)
                : onDecided(`La saisine ${code} est en pré-examen anonyme par la cellule.`),
            )
          }
        >
          Commencer le pré-examen<span className="visually-hidden"> de {context}</span>
        </Button>
      ) : null}
      {referral.status === 'PRE_REVIEW' ? <AcceptDialog referral={referral} onAccepted={onDecided} /> : null}
      <DecisionDialog
        trigger="Réorienter"
        context={context}
        title={`Réorienter la saisine ${code}`}
        targets={{
          label: 'Vers quelle instance ?',
          options: TARGET_OPTIONS,
          required: 'Choisissez l’instance vers laquelle réorienter la saisine.',
        }}
        reason={{
          label: 'Message à l’auteur de la saisine',
          hint: 'Pourquoi la cellule n’est pas la bonne instance, et ce que le partenaire peut faire. Sans aucune information de santé.',
          required: 'Écrivez le message à l’auteur : il doit savoir pourquoi sa saisine est réorientée.',
        }}
        confirm="Réorienter la saisine"
        run={({ target, reason }) =>
          redirect({
            input: { referralId: referral.id, target: target as RedirectTarget, message: reason },
          })
        }
        onDone={() => onDecided(`La saisine ${code} est réorientée ; son auteur en est informé.`)}
      >
        <p>La saisine quitte la cellule : son auteur reçoit votre message et l’instance à saisir.</p>
      </DecisionDialog>
      <DecisionDialog
        trigger="Demander l’accord"
        context={`de la personne pour ${context}`}
        title={`Demander l’accord de la personne — ${code}`}
        reason={{
          label: 'Motif, adressé à l’auteur de la saisine',
          hint: 'Ce qui manque (accord non recueilli, partenaires ou informations non couverts). Sans aucune information de santé.',
          required: 'Écrivez le motif : l’auteur doit savoir quel accord recueillir.',
        }}
        confirm="Envoyer la demande"
        run={({ reason }) => requestConsent({ input: { referralId: referral.id, reason } })}
        onDone={() =>
          onDecided(
            `La saisine ${code} revient à son auteur, qui doit recueillir l’accord de la personne puis la transmettre à nouveau.`,
          )
        }
      >
        <p>
          La saisine revient à son auteur : il recueille l’accord de la personne, puis la transmet à nouveau à
          la cellule.
        </p>
      </DecisionDialog>
    </div>
  );
}
