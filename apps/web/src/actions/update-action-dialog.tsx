import { useState } from 'react';
import { Dialog, DialogTrigger, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useMutation } from 'urql';
import { readError } from '../graphql/errors';
import { Button } from '../ui/button';
import { FormChoiceGroup } from '../ui/form/form-choice-group';
import { FormTextField } from '../ui/form/form-text-field';
import { applyServerErrors } from '../ui/form/server-errors';
import { frenchCalendarDate } from '../ui/written-dates';
import { Notice } from '../ui/notice';
import { ACTION_STATUS_DESCRIPTIONS, ACTION_STATUS_LABELS, ACTION_STATUSES } from './action-status';
import type { ActionStatus } from './action-status';
import { UpdateActionMutation } from './actions.operations';

interface UpdateActionValues {
  status: ActionStatus;
  outcome: string;
}

const FIELDS = ['status', 'outcome'] as const;

const CHOICES = ACTION_STATUSES.map((status) => ({
  value: status,
  label: ACTION_STATUS_LABELS[status],
  description: ACTION_STATUS_DESCRIPTIONS[status],
}));

export interface UpdateActionDialogProps {
  action: { id: string; description: string; dueOn: string; status: ActionStatus; outcome: string | null };
  caseCode: string;
  /** Told once the api has recorded the change: what to announce. */
  onUpdated(message: string): void;
}

/** « Mettre à jour » and its dialog: the action's new status and, if there is one, its outcome. */
export function UpdateActionDialog({ action, caseCode, onUpdated }: UpdateActionDialogProps) {
  return (
    <DialogTrigger>
      <Button variant="quiet">
        Mettre à jour
        <span className="visually-hidden">
          {' '}
          l’action pour {caseCode}, échéance {frenchCalendarDate(action.dueOn, { weekday: false })}
        </span>
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <UpdateActionForm
                action={action}
                caseCode={caseCode}
                onCancel={close}
                onUpdated={(message) => {
                  close();
                  onUpdated(message);
                }}
              />
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function UpdateActionForm({
  action,
  caseCode,
  onCancel,
  onUpdated,
}: UpdateActionDialogProps & { onCancel(): void }) {
  const [state, updateAction] = useMutation(UpdateActionMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const { control, handleSubmit, setError } = useForm<UpdateActionValues>({
    defaultValues: { status: action.status, outcome: action.outcome ?? '' },
  });

  const submit = handleSubmit(async (values) => {
    setGeneral([]);
    const outcome = values.outcome.trim();
    // The outcome already noted is in the field: emptied, it is erased (sent empty, not left out).
    const erased = !outcome && Boolean(action.outcome);
    const result = await updateAction({
      input: { actionId: action.id, status: values.status, outcome: outcome || (erased ? '' : null) },
    });
    if (result.error) {
      const shown = readError(result.error);
      const unplaced = applyServerErrors(shown, FIELDS, setError);
      const placed = Object.keys(shown.fields).length > unplaced.length;
      setGeneral(unplaced.length ? unplaced : placed ? [] : [shown.message]);
      return;
    }
    const said = outcome ? ', avec son résultat' : erased ? ', son résultat effacé' : '';
    onUpdated(
      `L’action pour ${caseCode} est enregistrée comme « ${ACTION_STATUS_LABELS[values.status]} »${said}.`,
    );
  });

  return (
    <>
      <Heading slot="title">Mettre à jour l’action</Heading>
      <p className="multiline action-quote">{action.description}</p>
      <p className="hint">
        Situation {caseCode} · échéance le {frenchCalendarDate(action.dueOn)}
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
          label="Où en est l’action ?"
          choices={CHOICES}
          rules={{ required: 'Choisissez où en est l’action.' }}
        />
        <FormTextField
          control={control}
          name="outcome"
          label="Résultat"
          hint={
            action.outcome
              ? 'Le résultat déjà noté est repris ici : complétez-le ou corrigez-le, sans aucune information de santé (1 000 caractères au plus). Vidé, il est effacé.'
              : 'Ce qui a été fait, ou ce qui bloque, sans aucune information de santé (1 000 caractères au plus).'
          }
          multiline
          rules={{ maxLength: { value: 1000, message: 'Au plus 1 000 caractères.' } }}
        />
        <div className="dialog-buttons">
          <Button variant="quiet" onPress={onCancel}>
            Annuler
          </Button>
          <Button type="submit" isPending={state.fetching}>
            Enregistrer
          </Button>
        </div>
      </Form>
    </>
  );
}
