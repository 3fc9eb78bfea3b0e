import { useState } from 'react';
import { Heading } from 'react-aria-components';
import { useMutation } from 'urql';
import { readError } from '../../graphql/errors';
import { Button } from '../../ui/button';
import { ModalDialog } from '../../ui/modal-dialog';
import { Notice } from '../../ui/notice';
import type { Minutes, Partner } from './minutes.operations';
import { PublishMinutesMutation } from './minutes.operations';
import { publicationShares } from './minutes-text';

export interface PublishMinutesDialogProps {
  meetingId: string;
  /** The coordinator's draft: every item and every action. */
  draft: Minutes;
  partners: readonly Partner[];
  onPublished(message: string): void;
}

/** « Publier le compte rendu… »: who will receive what, then the publication. */
export function PublishMinutesDialog(props: PublishMinutesDialogProps) {
  return (
    <ModalDialog trigger={<Button>Publier le compte rendu…</Button>}>
      {(close) => (
        <Confirmation
          {...props}
          onCancel={close}
          onPublished={(message) => {
            close();
            props.onPublished(message);
          }}
        />
      )}
    </ModalDialog>
  );
}

function Confirmation({
  meetingId,
  draft,
  partners,
  onPublished,
  onCancel,
}: PublishMinutesDialogProps & { onCancel(): void }) {
  const [state, publish] = useMutation(PublishMinutesMutation);
  const [error, setError] = useState<string>();
  const shares = publicationShares(draft, partners);

  const confirm = async () => {
    setError(undefined);
    const result = await publish({ meetingId });
    if (result.error) {
      setError(readError(result.error).message);
      return;
    }
    onPublished('Compte rendu publié : chaque partenaire reçoit sa part, les actions sont lancées.');
  };

  return (
    <>
      <Heading slot="title">Publier le compte rendu ?</Heading>
      <p>
        Chaque partenaire le reçoit pour sa part, jamais plus : ce que l’aperçu montre pour lui. Les membres
        qui étaient dans la salle lisent les points où ils étaient, dans la limite du consentement de la
        personne ; les notes réservées restent à ceux que leur catégorie autorise.
      </p>
      {shares.length ? (
        <ul className="minutes-list publication-shares">
          {shares.map((share) => (
            <li key={share.name}>
              <strong>{share.name}</strong> :{' '}
              {share.actions.length
                ? `${share.actions.length} action${share.actions.length > 1 ? 's' : ''} à mener (${share.actions
                    .map((action) => `« ${action.description} », ${action.caseCode}`)
                    .join(' ; ')})`
                : 'aucune action'}
              {share.attended ? ', et les points où ses membres étaient dans la salle.' : '.'}
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        Les personnes présentes dans la salle sont prévenues ; les situations examinées passent en « actions
        en cours » jusqu’à leur prochain réexamen ; les invitations aux points prennent fin. Le compte rendu
        ne pourra plus être modifié, seulement complété de notes réservées.
      </p>
      {error ? <Notice tone="error">{error}</Notice> : null}
      <div className="dialog-buttons">
        <Button variant="quiet" onPress={onCancel}>
          Annuler
        </Button>
        <Button onPress={() => void confirm()} isPending={state.fetching}>
          Publier
        </Button>
      </div>
    </>
  );
}
