import { useState } from 'react';
import { Dialog, DialogTrigger, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useMutation } from 'urql';
import { readError } from '../graphql/errors';
import { Button } from '../ui/button';
import { FormChoiceGroup } from '../ui/form/form-choice-group';
import { Notice } from '../ui/notice';
import { GrantRoleMutation, RevokeRoleMutation } from './administration.operations';
import { ROLE_CHOICES, ROLES } from './member-labels';
import type { Role } from './member-labels';

export interface RolesDialogProps {
  territoryId: string;
  userId: string;
  person: string;
  roles: readonly string[];
  onChanged(message: string): void;
}

/** « Modifier les rôles » : the roles held, checked; each change is one grant or one withdrawal. */
export function RolesDialog(props: RolesDialogProps) {
  return (
    <DialogTrigger>
      <Button variant="quiet">
        Modifier les rôles
        <span className="visually-hidden"> de {props.person}</span>
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <RolesForm
                {...props}
                onCancel={close}
                onChanged={(message) => {
                  close();
                  props.onChanged(message);
                }}
              />
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function RolesForm({
  territoryId,
  userId,
  person,
  roles,
  onCancel,
  onChanged,
}: RolesDialogProps & { onCancel(): void }) {
  const [granting, grantRole] = useMutation(GrantRoleMutation);
  const [revoking, revokeRole] = useMutation(RevokeRoleMutation);
  const [refusal, setRefusal] = useState<string>();
  const held = ROLES.filter((role) => roles.includes(role));
  const { control, handleSubmit } = useForm<{ roles: Role[] }>({ defaultValues: { roles: held } });

  const submit = handleSubmit(async (values) => {
    setRefusal(undefined);
    const granted = values.roles.filter((role) => !held.includes(role));
    const revoked = held.filter((role) => !values.roles.includes(role));
    // One operation per role, as the api records each in the audit log; the first refusal stops.
    for (const role of granted) {
      const result = await grantRole({ input: { territoryId, userId, role } });
      if (result.error) return setRefusal(readError(result.error).message);
    }
    for (const role of revoked) {
      const result = await revokeRole({ input: { territoryId, userId, role } });
      if (result.error) return setRefusal(readError(result.error).message);
    }
    onChanged(
      granted.length + revoked.length
        ? `Les rôles de ${person} sont enregistrés.`
        : `Les rôles de ${person} sont inchangés.`,
    );
  });

  return (
    <>
      <Heading slot="title">Rôles de {person}</Heading>
      <p className="hint">
        Un rôle retiré cesse de fonctionner à la prochaine requête de la personne. Retirer tous ses rôles
        revient à lui fermer le territoire.
      </p>
      {refusal ? <Notice tone="error">{refusal}</Notice> : null}
      <Form className="form" onSubmit={(event) => void submit(event)} validationBehavior="aria">
        <FormChoiceGroup control={control} name="roles" label="Rôles" choices={ROLE_CHOICES} multiple />
        <div className="dialog-buttons">
          <Button variant="quiet" onPress={onCancel}>
            Annuler
          </Button>
          <Button type="submit" isPending={granting.fetching || revoking.fetching}>
            Enregistrer les rôles
          </Button>
        </div>
      </Form>
    </>
  );
}
