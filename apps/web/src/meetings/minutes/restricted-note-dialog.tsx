import { useState } from 'react';
import { Form, Heading } from 'react-aria-components';
import { useForm, useWatch } from 'react-hook-form';
import { useMutation } from 'urql';
import { readError } from '../../graphql/errors';
import { Button } from '../../ui/button';
import { FormChoiceGroup } from '../../ui/form/form-choice-group';
import { FormTextField } from '../../ui/form/form-text-field';
import { formNoticeMessages } from '../../ui/form/server-errors';
import { ModalDialog } from '../../ui/modal-dialog';
import { Notice } from '../../ui/notice';
import { AddRestrictedNoteMutation } from './minutes.operations';
import { NOTE_CATEGORY_TEXTS } from './minutes-text';
import type { NoteCategory } from './minutes-text';

interface NoteValues {
  category: NoteCategory | '';
  text: string;
}

const FIELDS = ['category', 'text'] as const;

export interface RestrictedNoteDialogProps {
  itemId: string;
  position: number;
  caseCode: string;
  /** The categories the api lets me write on this item. */
  categories: readonly NoteCategory[];
  /** Told once the api has recorded the note: what to announce. */
  onAdded(message: string): void;
}

/** « Ajouter une note réservée » on one item: the category, who will read it, then the text. */
export function RestrictedNoteDialog(props: RestrictedNoteDialogProps) {
  return (
    <ModalDialog
      trigger={
        <Button variant="quiet">
          Ajouter une note réservée
          <span className="visually-hidden">
            {' '}
            au point {props.position}, {props.caseCode}
          </span>
        </Button>
      }
    >
      {(close) => (
        <NoteForm
          {...props}
          onCancel={close}
          onAdded={(message) => {
            close();
            props.onAdded(message);
          }}
        />
      )}
    </ModalDialog>
  );
}

function NoteForm({
  itemId,
  position,
  caseCode,
  categories,
  onAdded,
  onCancel,
}: RestrictedNoteDialogProps & { onCancel(): void }) {
  const [state, addNote] = useMutation(AddRestrictedNoteMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const { control, handleSubmit, setError } = useForm<NoteValues>({
    // One category possible: it is the note's; several: the author chooses, nothing is assumed.
    defaultValues: { category: categories.length === 1 ? categories[0] : '', text: '' },
  });
  const category = useWatch({ control, name: 'category' });

  const submit = handleSubmit(async (values) => {
    if (!values.category) return;
    setGeneral([]);
    const result = await addNote({
      input: { itemId, category: values.category, text: values.text.trim() },
    });
    if (result.error) {
      setGeneral(formNoticeMessages(readError(result.error), FIELDS, setError));
      return;
    }
    onAdded(
      `Note réservée enregistrée au point ${position} (${caseCode}), « ${NOTE_CATEGORY_TEXTS[values.category].label} ».`,
    );
  });

  return (
    <>
      <Heading slot="title">Note réservée — point {position}</Heading>
      <p className="hint">
        Situation {caseCode}. N’écrivez que le strictement nécessaire : la note s’ajoute au compte rendu et ne
        peut plus être modifiée.
      </p>
      {general.map((message) => (
        <Notice key={message} tone="error">
          {message}
        </Notice>
      ))}
      <Form className="form" onSubmit={(event) => void submit(event)} validationBehavior="aria">
        <FormChoiceGroup
          control={control}
          name="category"
          label="Qui pourra la lire ?"
          choices={categories.map((value) => ({
            value,
            label: NOTE_CATEGORY_TEXTS[value].label,
            description: NOTE_CATEGORY_TEXTS[value].readers,
          }))}
          rules={{ required: 'Choisissez la catégorie de la note.' }}
        />
        <FormTextField
          control={control}
          name="text"
          label="Note"
          hint="De 3 à 2 000 caractères."
          multiline
          rules={{
            required: 'Écrivez la note.',
            validate: (value) =>
              (typeof value === 'string' && value.trim().length >= 3) || 'Au moins 3 caractères.',
            maxLength: { value: 2000, message: 'Au plus 2 000 caractères.' },
          }}
        />
        <div className="note-restriction" aria-live="polite">
          {category ? (
            <p>
              <strong>Cette note sera « {NOTE_CATEGORY_TEXTS[category].label} » :</strong>{' '}
              {NOTE_CATEGORY_TEXTS[category].readers}
            </p>
          ) : (
            <p>Choisissez qui pourra la lire avant de l’enregistrer.</p>
          )}
        </div>
        <div className="dialog-buttons">
          <Button variant="quiet" onPress={onCancel}>
            Annuler
          </Button>
          <Button type="submit" isPending={state.fetching}>
            Enregistrer la note
          </Button>
        </div>
      </Form>
    </>
  );
}
