import { useState } from 'react';
import { Form, Heading } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useMutation } from 'urql';
import { readError } from '../graphql/errors';
import { Button } from '../ui/button';
import { dayText, parseDayText } from '../ui/form/day-text';
import { FormChoiceGroup } from '../ui/form/form-choice-group';
import { FormDateField } from '../ui/form/form-date-field';
import { FormTextField } from '../ui/form/form-text-field';
import { formNoticeMessages } from '../ui/form/server-errors';
import { ModalDialog } from '../ui/modal-dialog';
import { Notice } from '../ui/notice';
import { frenchCalendarDate } from '../ui/written-dates';
import { RecordRequestMutation } from './subject-rights.operations';
import { REQUEST_KIND_LABELS, REQUEST_KINDS } from './subject-rights-words';
import type { RequestKind } from './subject-rights-words';

interface RecordValues {
  kind: RequestKind | '';
  receivedOn: string;
  request: string;
}

const FIELDS = ['kind', 'receivedOn', 'request'] as const;
const CHOICES = REQUEST_KINDS.map((kind) => ({
  value: kind,
  label: REQUEST_KIND_LABELS[kind].label,
  description: REQUEST_KIND_LABELS[kind].description,
}));

/** Today as the browser's calendar says it, the day a request is most often recorded. */
function today(): string {
  const now = new Date();
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export interface RecordRequestDialogProps {
  territoryId: string;
  personId: string;
  onRecorded(message: string): void;
}

/** « Enregistrer une demande » : which right, received when, what she asks. */
export function RecordRequestDialog(props: RecordRequestDialogProps) {
  return (
    <ModalDialog trigger={<Button variant="quiet">Enregistrer une demande de la personne</Button>}>
      {(close) => (
        <RecordForm
          {...props}
          onCancel={close}
          onRecorded={(message) => {
            close();
            props.onRecorded(message);
          }}
        />
      )}
    </ModalDialog>
  );
}

function RecordForm({
  territoryId,
  personId,
  onRecorded,
  onCancel,
}: RecordRequestDialogProps & { onCancel(): void }) {
  const [state, record] = useMutation(RecordRequestMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const { control, handleSubmit, setError } = useForm<RecordValues>({
    defaultValues: { kind: '', receivedOn: dayText(today()), request: '' },
  });

  const submit = handleSubmit(async (values) => {
    const receivedOn = parseDayText(values.receivedOn);
    if (!receivedOn || !values.kind) return;
    setGeneral([]);
    const result = await record({
      input: { territoryId, personId, kind: values.kind, receivedOn, request: values.request.trim() },
    });
    if (result.error) {
      setGeneral(formNoticeMessages(readError(result.error), FIELDS, setError));
      return;
    }
    const answerBy = result.data?.recordDataSubjectRequest.answerBy;
    onRecorded(
      `Demande « ${REQUEST_KIND_LABELS[values.kind].label} » enregistrée${
        answerBy ? ` : répondez-lui au plus tard le ${frenchCalendarDate(answerBy)}` : ''
      }.`,
    );
  });

  return (
    <>
      <Heading slot="title">Enregistrer une demande de la personne</Heading>
      <p className="hint">
        La réponse est due dans le mois qui suit sa réception (article 12 du RGPD). Notez la demande telle que
        la personne l’a faite : seule la coordination la lira.
      </p>
      {general.map((message) => (
        <Notice key={message} tone="error">
          {message}
        </Notice>
      ))}
      <Form className="form" onSubmit={(event) => void submit(event)} validationBehavior="aria">
        <FormChoiceGroup
          control={control}
          name="kind"
          label="Ce que la personne demande"
          choices={CHOICES}
          rules={{ required: 'Choisissez le droit que la personne exerce.' }}
        />
        <FormDateField
          control={control}
          name="receivedOn"
          label="Reçue le"
          hint="Le jour où la demande vous est parvenue, aujourd’hui ou avant (JJ/MM/AAAA)."
          rules={{ required: 'Indiquez le jour où la demande vous est parvenue.' }}
        />
        <FormTextField
          control={control}
          name="request"
          label="Sa demande, en quelques lignes"
          hint="Par exemple : « corriger son adresse, elle a déménagé ». De 3 à 2 000 caractères."
          multiline
          rules={{
            required: 'Décrivez la demande.',
            validate: (value) =>
              (typeof value === 'string' && value.trim().length >= 3) || 'Au moins 3 caractères.',
            maxLength: { value: 2000, message: 'Au plus 2 000 caractères.' },
          }}
        />
        <div className="dialog-buttons">
          <Button variant="quiet" onPress={onCancel}>
            Annuler
          </Button>
          <Button type="submit" isPending={state.fetching}>
            Enregistrer la demande
          </Button>
        </div>
      </Form>
    </>
  );
}
