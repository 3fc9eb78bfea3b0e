import { useState } from 'react';
import { Dialog, DialogTrigger, Form, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useForm } from 'react-hook-form';
import { useMutation } from 'urql';
import { readError } from '../graphql/errors';
import { Button } from '../ui/button';
import { FormChoiceGroup } from '../ui/form/form-choice-group';
import { Notice } from '../ui/notice';
import { AcceptReferralMutation } from './inbox.operations';
import type { InboxReferral } from './inbox.operations';

interface AcceptValues {
  samePerson: 'same' | 'new' | '';
}

export interface AcceptDialogProps {
  referral: InboxReferral;
  /** Told once the api has accepted: what to announce. */
  onAccepted(message: string): void;
}

/**
 * « Accepter » : the situation is opened. When the api finds a person of the territory with the
 * same names and birth date, the coordinator says whether it is her, and the referral joins her
 * situation rather than opening a second file.
 */
export function AcceptDialog({ referral, onAccepted }: AcceptDialogProps) {
  return (
    <DialogTrigger>
      <Button>
        Accepter<span className="visually-hidden"> la saisine {referral.person.caseCode}</span>
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <AcceptForm
                referral={referral}
                onCancel={close}
                onAccepted={(message) => {
                  close();
                  onAccepted(message);
                }}
              />
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

function AcceptForm({ referral, onAccepted, onCancel }: AcceptDialogProps & { onCancel(): void }) {
  const [state, accept] = useMutation(AcceptReferralMutation);
  const [refusal, setRefusal] = useState<string>();
  const duplicate = referral.possibleDuplicate;
  const { control, handleSubmit } = useForm<AcceptValues>({ defaultValues: { samePerson: '' } });
  const code = referral.person.caseCode;

  const submit = handleSubmit(async ({ samePerson }) => {
    setRefusal(undefined);
    const joins = duplicate && samePerson === 'same';
    const result = await accept({
      input: { referralId: referral.id, samePersonAsPersonId: joins ? duplicate.id : null },
    });
    if (result.error) return setRefusal(readError(result.error).message);
    onAccepted(
      joins
        ? `La saisine ${code} est acceptée : elle rejoint la situation ${duplicate.caseCode}.`
        : `La saisine ${code} est acceptée : une situation est ouverte.`,
    );
  });

  return (
    <>
      <Heading slot="title">Accepter la saisine {code}</Heading>
      <p>
        La cellule prend la situation en charge : une situation est ouverte pour {referral.person.pseudonym},
        et le partenaire qui a saisi la cellule en est informé.
      </p>
      {refusal ? <Notice tone="error">{refusal}</Notice> : null}
      <Form className="form" onSubmit={(event) => void submit(event)} validationBehavior="aria">
        {duplicate ? (
          <>
            <Notice>
              Doublon possible : une personne du territoire porte les mêmes nom, prénom et date de naissance —{' '}
              <strong>
                {duplicate.caseCode} ({duplicate.pseudonym})
              </strong>
              .
            </Notice>
            <FormChoiceGroup
              control={control}
              name="samePerson"
              label="Est-ce la même personne ?"
              choices={[
                {
                  value: 'same',
                  label: `Oui : la saisine rejoint la situation ${duplicate.caseCode}`,
                  description: 'Vous avez vérifié qu’il s’agit bien de la même personne.',
                },
                {
                  value: 'new',
                  label: 'Non : ouvrir une nouvelle situation',
                  description: 'Deux personnes différentes portent les mêmes nom et date de naissance.',
                },
              ]}
              rules={{ required: 'Dites s’il s’agit de la même personne.' }}
            />
          </>
        ) : null}
        <div className="dialog-buttons">
          <Button variant="quiet" onPress={onCancel}>
            Annuler
          </Button>
          <Button type="submit" isPending={state.fetching}>
            Accepter la saisine
          </Button>
        </div>
      </Form>
    </>
  );
}
