import { useState } from 'react';
import { Form, Heading } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useMutation } from 'urql';
import { readError } from '../../graphql/errors';
import { Button } from '../../ui/button';
import { FormChoiceGroup } from '../../ui/form/form-choice-group';
import { FormDateField } from '../../ui/form/form-date-field';
import { dayText, parseDayText } from '../../ui/form/day-text';
import { formNoticeMessages } from '../../ui/form/server-errors';
import { ModalDialog } from '../../ui/modal-dialog';
import { Notice } from '../../ui/notice';
import type { MinutesItem } from './minutes.operations';
import { RecordPersonAnswerMutation } from './minutes.operations';
import { PERSON_ANSWER_LABELS, PERSON_ANSWERS } from './minutes-text';
import type { PersonAnswer } from './minutes-text';

interface AnswerValues {
  informedOn: string;
  answer: PersonAnswer | '';
}

const FIELDS = ['informedOn', 'answer'] as const;
const CHOICES = PERSON_ANSWERS.map((answer) => ({ value: answer, label: PERSON_ANSWER_LABELS[answer] }));

export interface PersonAnswerDialogProps {
  item: Pick<MinutesItem, 'itemId' | 'position' | 'caseCode' | 'personAnswer' | 'personInformedOn'>;
  onRecorded(message: string): void;
}

/** « Réponse de la personne » on one item: when she was told of the proposals, and what she said. */
export function PersonAnswerDialog({ item, onRecorded }: PersonAnswerDialogProps) {
  return (
    <ModalDialog
      trigger={
        <Button variant="quiet">
          {item.personAnswer ? 'Modifier la réponse de la personne' : 'Noter la réponse de la personne'}
          <span className="visually-hidden">
            {' '}
            au point {item.position}, {item.caseCode}
          </span>
        </Button>
      }
    >
      {(close) => (
        <AnswerForm
          item={item}
          onCancel={close}
          onRecorded={(message) => {
            close();
            onRecorded(message);
          }}
        />
      )}
    </ModalDialog>
  );
}

function AnswerForm({ item, onRecorded, onCancel }: PersonAnswerDialogProps & { onCancel(): void }) {
  const [state, record] = useMutation(RecordPersonAnswerMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const { control, handleSubmit, setError } = useForm<AnswerValues>({
    defaultValues: { informedOn: dayText(item.personInformedOn), answer: item.personAnswer ?? '' },
  });

  const submit = handleSubmit(async (values) => {
    const informedOn = parseDayText(values.informedOn);
    if (!informedOn || !values.answer) return;
    setGeneral([]);
    const result = await record({ input: { itemId: item.itemId, informedOn, answer: values.answer } });
    if (result.error) {
      setGeneral(formNoticeMessages(readError(result.error), FIELDS, setError));
      return;
    }
    onRecorded(
      `Réponse de la personne enregistrée au point ${item.position} (${item.caseCode}) : « ${PERSON_ANSWER_LABELS[values.answer]} ».`,
    );
  });

  return (
    <>
      <Heading slot="title">Réponse de la personne — point {item.position}</Heading>
      <p className="hint">
        Situation {item.caseCode}. Une fois informée des propositions de la cellule, la personne les accepte,
        en partie ou non : sa réponse rejoint le compte rendu.
      </p>
      {general.map((message) => (
        <Notice key={message} tone="error">
          {message}
        </Notice>
      ))}
      <Form className="form" onSubmit={(event) => void submit(event)} validationBehavior="aria">
        <FormDateField
          control={control}
          name="informedOn"
          label="Informée le"
          hint="Aujourd’hui ou avant."
          rules={{ required: 'Indiquez quand la personne a été informée.' }}
        />
        <FormChoiceGroup
          control={control}
          name="answer"
          label="Sa réponse aux propositions"
          choices={CHOICES}
          rules={{ required: 'Choisissez sa réponse.' }}
        />
        <div className="dialog-buttons">
          <Button variant="quiet" onPress={onCancel}>
            Annuler
          </Button>
          <Button type="submit" isPending={state.fetching}>
            Enregistrer la réponse
          </Button>
        </div>
      </Form>
    </>
  );
}
