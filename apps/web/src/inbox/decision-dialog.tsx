import { useState } from 'react';
import type { ReactNode } from 'react';
import { Dialog, DialogTrigger, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import type { CombinedError } from 'urql';
import { readError } from '../graphql/errors';
import { Button } from '../ui/button';
import { FormSelectField } from '../ui/form/form-select-field';
import type { SelectOption } from '../ui/form/form-select-field';
import { FormTextField } from '../ui/form/form-text-field';
import { applyServerErrors } from '../ui/form/server-errors';
import { Notice } from '../ui/notice';

export interface DecisionValues {
  target: string;
  reason: string;
}

const FIELDS = ['target', 'reason'] as const;

export interface DecisionDialogProps {
  /** The button's words; `context` is added for screen readers (« … la saisine K7-… »). */
  trigger: string;
  context: string;
  variant?: 'primary' | 'quiet';
  title: string;
  /** What the decision does, said before it is made. */
  children: ReactNode;
  /** A choice to make first (where the referral goes), when the decision has one. */
  targets?: { label: string; options: readonly SelectOption[]; required: string };
  reason: { label: string; hint: string; required: string };
  confirm: string;
  /** Runs the operation; a refusal stays in the dialog, on its field when the api names one. */
  run(values: DecisionValues): Promise<{ error?: CombinedError }>;
  onDone(): void;
}

/** The api names the reason after its own input (`message`, `note`, `reason`): one field here. */
const REASON_FIELDS = new Set(['message', 'note', 'reason']);

/**
 * A decision that must be explained (redirecting a referral, asking for the person's consent,
 * refusing a derogation): a dialog with the reason, written for whoever it is sent to, required.
 */
export function DecisionDialog(props: DecisionDialogProps) {
  return (
    <DialogTrigger>
      <Button variant={props.variant ?? 'quiet'}>
        {props.trigger}
        <span className="visually-hidden"> {props.context}</span>
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <DecisionForm
                {...props}
                onCancel={close}
                onDone={() => {
                  close();
                  props.onDone();
                }}
              />
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function DecisionForm({
  title,
  children,
  targets,
  reason,
  confirm,
  run,
  onDone,
  onCancel,
}: DecisionDialogProps & { onCancel(): void }) {
  const [general, setGeneral] = useState<string[]>([]);
  const [pending, setPending] = useState(false);
  const { control, handleSubmit, setError } = useForm<DecisionValues>({
    defaultValues: { target: '', reason: '' },
  });

  const submit = handleSubmit(async (values) => {
    setGeneral([]);
    setPending(true);
    const result = await run({ target: values.target, reason: values.reason.trim() });
    setPending(false);
    if (!result.error) return onDone();
    const shown = readError(result.error);
    const fields = Object.fromEntries(
      Object.entries(shown.fields).map(([field, message]) => {
        const last = field.split('.').at(-1) ?? field;
        return [REASON_FIELDS.has(last) ? 'reason' : last, message];
      }),
    );
    const unplaced = applyServerErrors({ ...shown, fields }, FIELDS, setError);
    const placed = Object.keys(fields).length > unplaced.length;
    setGeneral(unplaced.length ? unplaced : placed ? [] : [shown.message]);
  });

  return (
    <>
      <Heading slot="title">{title}</Heading>
      {children}
      {general.map((message) => (
        <Notice key={message} tone="error">
          {message}
        </Notice>
      ))}
      <Form className="form" onSubmit={(event) => void submit(event)} validationBehavior="aria">
        {targets ? (
          <FormSelectField
            control={control}
            name="target"
            label={targets.label}
            options={targets.options}
            emptyLabel="Choisissez…"
            rules={{ required: targets.required }}
          />
        ) : null}
        <FormTextField
          control={control}
          name="reason"
          label={reason.label}
          hint={reason.hint}
          multiline
          rules={{
            validate: (value: string) => value.trim().length > 0 || reason.required,
            required: reason.required,
            maxLength: { value: 2000, message: 'Au plus 2 000 caractères.' },
          }}
        />
        <div className="dialog-buttons">
          <Button variant="quiet" onPress={onCancel}>
            Annuler
          </Button>
          <Button type="submit" isPending={pending}>
            {confirm}
          </Button>
        </div>
      </Form>
    </>
  );
}
