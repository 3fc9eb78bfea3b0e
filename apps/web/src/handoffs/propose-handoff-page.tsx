import { useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useForm } from 'react-hook-form';
import { useMutation, useQuery } from 'urql';
import { readFragment } from '../graphql/graphql';
import { readError } from '../graphql/errors';
import { NotFoundPage } from '../pages/not-found-page';
import { Link } from '../routing/link';
import { Button } from '../ui/button';
import { formNoticeMessages } from '../ui/form/server-errors';
import { Notice } from '../ui/notice';
import { useFocusOnChange } from '../ui/use-focus-on-change';
import { usePageTitle } from '../ui/use-page-title';
import { HandoffForm } from './handoff-form';
import { EMPTY_HANDOFF, HANDOFF_FIELDS, handoffInput, previewContent } from './handoff-form-values';
import type { HandoffFormValues } from './handoff-form-values';
import { HandoffSummary } from './handoff-summary';
import {
  followUpPath,
  handoffDocumentPath,
  HandoffFields,
  HandoffFollowUpQuery,
  ProposeHandoffMutation,
} from './handoffs.operations';
import type { HandoffFollowUp, HandoffView } from './handoffs.operations';
import type { HandoffRecipient } from './recipient-choice';
import { useHandoffRecipients } from './use-handoff-recipients';
import type { HandoffRecipients } from './use-handoff-recipients';
import '../referrals/referrals.css';
import '../ui/page-parts.css';
import './handoffs.css';

/** The api answers these alike for a follow-up that does not exist and one I may not read. */
const NOT_FOR_ME = new Set(['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT']);

type Step = 'form' | 'preview' | 'sent';
const STEP_TITLES: Record<Step, string> = {
  form: 'Proposer un passage de relais',
  preview: 'Vérifier avant d’envoyer',
  sent: 'Passage de relais proposé',
};

/**
 * « Passage de relais » from a follow-up: to whom (the partners the consent names for it), what is
 * handed over, a check of what the receiving service will read, then the sent hand-off and its
 * document.
 */
export function ProposeHandoffPage({ followUpId }: { followUpId: string }) {
  const [result] = useQuery({ query: HandoffFollowUpQuery, variables: { followUpId } });
  const followUp = result.data?.followUp;
  usePageTitle(followUp ? `Passage de relais — ${followUp.caseCode}` : 'Passage de relais');
  if (!followUp) {
    if (result.error && NOT_FOR_ME.has(readError(result.error).code)) return <NotFoundPage />;
    return (
      <>
        <h1>Proposer un passage de relais</h1>
        {result.error ? (
          <Notice tone="error">{readError(result.error).message}</Notice>
        ) : (
          <p role="status">Chargement de l’accompagnement…</p>
        )}
      </>
    );
  }
  return <ProposeHandoff followUp={followUp} />;
}

function ProposeHandoff({ followUp }: { followUp: HandoffFollowUp }) {
  const [step, setStep] = useState<Step>('form');
  const [sent, setSent] = useState<HandoffView>();
  const [general, setGeneral] = useState<string[]>([]);
  const heading = useRef<HTMLHeadingElement>(null);
  useFocusOnChange(heading, step);
  usePageTitle(`${STEP_TITLES[step]} — ${followUp.caseCode}`);
  const recipients = useHandoffRecipients(followUp.situationId);
  const [proposal, propose] = useMutation(ProposeHandoffMutation);
  const { control, handleSubmit, getValues, setError } = useForm<HandoffFormValues>({
    defaultValues: EMPTY_HANDOFF,
  });

  const toPreview = handleSubmit(() => {
    setGeneral([]);
    setStep('preview');
  });

  const send = async () => {
    setGeneral([]);
    const answer = await propose({
      input: handoffInput(getValues(), { situationId: followUp.situationId, followUpId: followUp.id }),
    });
    if (answer.data) {
      setSent(readFragment(HandoffFields, answer.data.proposeHandoff));
      setStep('sent');
      return;
    }
    if (!answer.error) return;
    const shown = readError(answer.error);
    // Back to the form, the api's words on their fields; what has no field stays above it.
    setStep('form');
    setGeneral(formNoticeMessages(shown, HANDOFF_FIELDS, setError));
  };

  const recipient = recipients.list?.find(
    (candidate) => candidate.organisationId === getValues('receivingOrganisationId'),
  );
  return (
    <>
      <p className="breadcrumb">
        <Link to={followUpPath(followUp.id)}>Retour à l’accompagnement {followUp.caseCode}</Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        {STEP_TITLES[step]}
      </h1>
      <p className="lead">Accompagnement de la situation {followUp.caseCode}</p>
      {general.map((message) => (
        <Notice key={message} tone="error">
          {message}
        </Notice>
      ))}
      {step === 'form' ? (
        <FormStep
          recipients={recipients}
          form={
            <HandoffForm
              control={control}
              recipients={recipients.list ?? []}
              onSubmit={(event) => void toPreview(event)}
            />
          }
        />
      ) : step === 'preview' ? (
        <PreviewStep
          values={getValues()}
          recipient={recipient}
          pending={proposal.fetching}
          onEdit={() => setStep('form')}
          onSend={() => void send()}
        />
      ) : sent ? (
        <SentStep handoff={sent} recipient={recipient} followUpId={followUp.id} />
      ) : null}
    </>
  );
}

function FormStep({ recipients, form }: { recipients: HandoffRecipients; form: ReactNode }) {
  if (recipients.error) return <Notice tone="error">{recipients.error}</Notice>;
  if (!recipients.list) return <p role="status">Chargement des partenaires…</p>;
  return (
    <>
      <p className="reading-width">
        Le service qui reçoit le relais lira ces informations et pourra l’accepter ou le décliner. Vous
        vérifierez tout avant l’envoi.
      </p>
      {recipients.more.hasMore ? (
        <p>
          Le territoire compte plus de partenaires que la liste n’en montre.{' '}
          <Button
            variant="quiet"
            isPending={recipients.more.loadingMore}
            onPress={() => void recipients.more.showMore()}
          >
            Afficher plus de partenaires
          </Button>
        </p>
      ) : null}
      {form}
    </>
  );
}

function PreviewStep({
  values,
  recipient,
  pending,
  onEdit,
  onSend,
}: {
  values: HandoffFormValues;
  recipient: HandoffRecipient | undefined;
  pending: boolean;
  onEdit(): void;
  onSend(): void;
}) {
  return (
    <section aria-labelledby="ce-que-lira" className="handoff-preview">
      <h2 id="ce-que-lira">Ce que lira {recipient?.name ?? 'le service qui reçoit'}</h2>
      <p className="reading-width">
        Le document de passage de relais reprendra ces informations. Le suivi au CMP et le premier rendez-vous
        relèvent du secret médical : seuls les professionnels de santé du service les liront.
      </p>
      <dl className="facts">
        <dt>Service qui reçoit</dt>
        <dd>{recipient?.name ?? 'Non choisi'}</dd>
      </dl>
      <HandoffSummary content={previewContent(values)} />
      <p className="reading-width">
        En envoyant, vous proposez le relais à ce service : il pourra l’accepter ou le décliner, et des
        relances lui parviendront tant qu’il n’a pas répondu.
      </p>
      <div className="button-row">
        <Button variant="quiet" onPress={onEdit}>
          Modifier
        </Button>
        <Button onPress={onSend} isPending={pending}>
          Envoyer la proposition
        </Button>
      </div>
    </section>
  );
}

function SentStep({
  handoff,
  recipient,
  followUpId,
}: {
  handoff: HandoffView;
  recipient: HandoffRecipient | undefined;
  followUpId: string;
}) {
  return (
    <>
      <Notice tone="success">
        Le passage de relais est proposé à {recipient?.name ?? 'le service choisi'}. Il attend sa réponse ;
        vous la verrez sur la page de l’accompagnement.
      </Notice>
      <ul className="link-list">
        <li>
          {/* A plain link: the api serves the PDF to the session cookie for a same-origin link. */}
          <a href={handoffDocumentPath(handoff.id)} download>
            Télécharger le document de passage de relais (PDF)
          </a>
        </li>
        <li>
          <Link to={followUpPath(followUpId)}>Revenir à l’accompagnement</Link>
        </li>
      </ul>
    </>
  );
}
