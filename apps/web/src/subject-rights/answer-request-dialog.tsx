import { useState } from 'react';
import { Form, Heading } from 'react-aria-components';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation } from 'urql';
import { readError } from '../graphql/errors';
import { Button } from '../ui/button';
import { FormChoiceGroup } from '../ui/form/form-choice-group';
import { FormTextField } from '../ui/form/form-text-field';
import { formNoticeMessages } from '../ui/form/server-errors';
import { ModalDialog } from '../ui/modal-dialog';
import { Notice } from '../ui/notice';
import { frenchCalendarDate } from '../ui/written-dates';
import { AnswerRequestMutation } from './subject-rights.operations';
import type { PersonRequest } from './subject-rights.operations';
import { REQUEST_KIND_LABELS } from './subject-rights-words';

interface AnswerValues {
  status: 'DONE' | 'REFUSED' | '';
  outcome: string;
}

const FIELDS = ['status', 'outcome'] as const;

export interface AnswerRequestDialogProps {
  request: Pick<PersonRequest, 'id' | 'kind' | 'receivedOn' | 'answerBy'>;
  caseCode: string;
  onAnswered(message: string): void;
}

/** « Répondre » to one request: satisfied (what was done) or refused (why). */
export function AnswerRequestDialog(props: AnswerRequestDialogProps) {
  const kind = REQUEST_KIND_LABELS[props.request.kind].label;
  return (
    <ModalDialog
      trigger={
        <Button variant="quiet">
          Répondre<span className="visually-hidden"> à la demande « {kind} »</span>
        </Button>
      }
    >
      {(close) => (
        <AnswerForm
          {...props}
          onCancel={close}
          onAnswered={(message) => {
            close();
            props.onAnswered(message);
          }}
        />
      )}
    </ModalDialog>
  );
}

function AnswerForm({
  request,
  caseCode,
  onAnswered,
  onCancel,
}: AnswerRequestDialogProps & { onCancel(): void }) {
  const [state, answer] = useMutation(AnswerRequestMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const { control, handleSubmit, setError } = useForm<AnswerValues>({
    defaultValues: { status: '', outcome: '' },
  });
  const status = useWatch({ control, name: 'status' });
  const kind = REQUEST_KIND_LABELS[request.kind].label;
  const erases = request.kind === 'ERASURE' && status === 'DONE';

  const submit = handleSubmit(async (values) => {
    if (!values.status) return;
    setGeneral([]);
    const result = await answer({
      input: { requestId: request.id, status: values.status, outcome: values.outcome.trim() },
    });
    if (result.error) {
      const shown = readError(result.error);
      // The law still requires the data: said on the answer chosen, which must become a refusal.
      if (shown.extensions.reason === 'RETENTION_REQUIRED') {
        setError('status', { type: 'server', message: shown.message }, { shouldFocus: true });
        return;
      }
      setGeneral(formNoticeMessages(shown, FIELDS, setError));
      return;
    }
    onAnswered(
      values.status === 'DONE'
        ? `La demande « ${kind} » est satisfaite : sa réponse est enregistrée.`
        : `La demande « ${kind} » est refusée : le motif est enregistré.`,
    );
  });

  return (
    <>
      <Heading slot="title">Répondre à la demande « {kind} »</Heading>
      <p className="hint">
        Situation {caseCode}. Demande reçue le {frenchCalendarDate(request.receivedOn, { weekday: false })},
        réponse due le {frenchCalendarDate(request.answerBy)}. Un refus dit son motif ; rappelez alors à la
        personne qu’elle peut saisir la CNIL.
      </p>
      {general.map((message) => (
        <Notice key={message} tone="error">
          {message}
        </Notice>
      ))}
      <Form className="form" onSubmit={(event) => void submit(event)} validationBehavior="aria">
        <FormChoiceGroup
          control={control}
          name="status"
          label="Votre réponse"
          choices={[
            { value: 'DONE', label: 'Satisfaite', description: 'Vous avez fait ce qu’elle demande.' },
            { value: 'REFUSED', label: 'Refusée', description: 'Vous ne pouvez pas, et dites pourquoi.' },
          ]}
          rules={{ required: 'Dites si la demande est satisfaite ou refusée.' }}
        />
        <FormTextField
          control={control}
          name="outcome"
          label={status === 'REFUSED' ? 'Le motif du refus' : 'Ce qui a été fait'}
          hint="Ce que vous répondez à la personne. De 3 à 2 000 caractères."
          multiline
          rules={{
            required: 'Écrivez la réponse faite à la personne.',
            validate: (value) =>
              (typeof value === 'string' && value.trim().length >= 3) || 'Au moins 3 caractères.',
            maxLength: { value: 2000, message: 'Au plus 2 000 caractères.' },
          }}
        />
        {erases ? (
          <Notice>
            <strong>L’effacement n’est pas réversible.</strong> Si la loi le permet, l’identité de la personne
            et les textes libres de ses situations sont effacés dès l’enregistrement ; seuls restent les
            codes, les dates et le journal des accès. Sinon, Relais vous dit pourquoi et vous répondez par un
            refus.
          </Notice>
        ) : null}
        <div className="dialog-buttons">
          <Button variant="quiet" onPress={onCancel}>
            Annuler
          </Button>
          <Button type="submit" isPending={state.fetching}>
            {erases ? 'Effacer et enregistrer la réponse' : 'Enregistrer la réponse'}
          </Button>
        </div>
      </Form>
    </>
  );
}
