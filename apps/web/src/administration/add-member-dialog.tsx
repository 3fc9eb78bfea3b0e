import { useState } from 'react';
import { Dialog, DialogTrigger, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useMutation } from 'urql';
import { FormPartnerSearchField } from '../directory/partner-search-field';
import { readError } from '../graphql/errors';
import { Button } from '../ui/button';
import { FormChoiceGroup } from '../ui/form/form-choice-group';
import { FormSelectField } from '../ui/form/form-select-field';
import { FormTextField } from '../ui/form/form-text-field';
import { applyServerErrors } from '../ui/form/server-errors';
import { Notice } from '../ui/notice';
import { CreateUserMutation } from './administration.operations';
import { PROFESSION_OPTIONS, ROLE_CHOICES } from './member-labels';
import type { Profession, Role } from './member-labels';
import type { SetPasswordLinkResult } from './set-password-link';

interface AddMemberValues {
  firstName: string;
  lastName: string;
  email: string;
  organisationId: string;
  profession: Profession | '';
  roles: Role[];
}

const FIELDS = ['firstName', 'lastName', 'email', 'organisationId', 'profession', 'roles'] as const;

export interface AddMemberDialogProps {
  territoryId: string;
  /** Told once the account exists, with what the api said of its set-password link. */
  onCreated(person: string, link: SetPasswordLinkResult): void;
}

/** « Ajouter un membre » and its dialog: the person, their organisation and profession, their first roles. */
export function AddMemberDialog(props: AddMemberDialogProps) {
  return (
    <DialogTrigger>
      <Button>Ajouter un membre</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <AddMemberForm
                {...props}
                onCancel={close}
                onCreated={(person, link) => {
                  close();
                  props.onCreated(person, link);
                }}
              />
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function AddMemberForm({ territoryId, onCancel, onCreated }: AddMemberDialogProps & { onCancel(): void }) {
  const [state, createUser] = useMutation(CreateUserMutation);
  const [general, setGeneral] = useState<string[]>([]);
  const { control, handleSubmit, setError } = useForm<AddMemberValues>({
    defaultValues: { firstName: '', lastName: '', email: '', organisationId: '', profession: '', roles: [] },
  });

  const submit = handleSubmit(async ({ profession, ...values }) => {
    setGeneral([]);
    if (!profession) return;
    const result = await createUser({ input: { territoryId, ...values, profession } });
    if (result.error) {
      const shown = readError(result.error);
      const unplaced = applyServerErrors(shown, FIELDS, setError);
      const placed = Object.keys(shown.fields).length > unplaced.length;
      setGeneral(unplaced.length ? unplaced : placed ? [] : [shown.message]);
      return;
    }
    const created = result.data?.createUser;
    if (created) onCreated(`${created.user.firstName} ${created.user.lastName}`, created.setPasswordLink);
  });

  return (
    <>
      <Heading slot="title">Ajouter un membre</Heading>
      <p className="hint">
        Le compte est créé sans mot de passe : la personne le choisit par un lien à usage unique.
      </p>
      {general.map((message) => (
        <Notice key={message} tone="error">
          {message}
        </Notice>
      ))}
      <Form className="form" onSubmit={(event) => void submit(event)} validationBehavior="aria">
        <FormTextField
          control={control}
          name="firstName"
          label="Prénom"
          autoComplete="off"
          rules={{ required: 'Indiquez le prénom.' }}
        />
        <FormTextField
          control={control}
          name="lastName"
          label="Nom"
          autoComplete="off"
          rules={{ required: 'Indiquez le nom.' }}
        />
        <FormTextField
          control={control}
          name="email"
          label="Adresse e-mail professionnelle"
          type="email"
          autoComplete="off"
          rules={{ required: 'Indiquez l’adresse e-mail.' }}
        />
        <FormPartnerSearchField
          control={control}
          name="organisationId"
          territoryId={territoryId}
          label="Organisation"
          hint="Le partenaire qui emploie la personne. Un partenaire absent s’ajoute dans « Partenaires »."
          rules={{ required: 'Choisissez l’organisation.' }}
        />
        <FormSelectField
          control={control}
          name="profession"
          label="Profession"
          hint="Avec la nature de l’organisation, elle fixe ce que la personne peut lire des situations."
          options={PROFESSION_OPTIONS}
          emptyLabel="Choisissez une profession"
          rules={{ required: 'Choisissez la profession.' }}
        />
        <FormChoiceGroup
          control={control}
          name="roles"
          label="Rôles"
          choices={ROLE_CHOICES}
          multiple
          rules={{ required: 'Choisissez au moins un rôle.' }}
        />
        <div className="dialog-buttons">
          <Button variant="quiet" onPress={onCancel}>
            Annuler
          </Button>
          <Button type="submit" isPending={state.fetching}>
            Créer le compte
          </Button>
        </div>
      </Form>
    </>
  );
}
