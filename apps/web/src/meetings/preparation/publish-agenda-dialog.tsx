import { useState } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useMutation } from 'urql';
import { readError } from '../../graphql/errors';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { writtenDuration } from '../meeting-labels';
import { PublishAgendaMutation } from './preparation.operations';

export interface PublishAgendaDialogProps {
  meetingId: string;
  items: number;
  /** Minutes beyond the meeting's length, said again before publishing; 0 when it fits. */
  overBy: number;
  onPublished(): void;
}

/** Publishing freezes the agenda and tells the invitees: confirmed first, its consequences said. */
export function PublishAgendaDialog({ meetingId, items, overBy, onPublished }: PublishAgendaDialogProps) {
  const [publishing, publish] = useMutation(PublishAgendaMutation);
  const [refusal, setRefusal] = useState<string>();
  return (
    <DialogTrigger onOpenChange={() => setRefusal(undefined)}>
      <Button>Publier l’ordre du jour</Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title">Publier l’ordre du jour ?</Heading>
                <p>
                  {items} point{items > 1 ? 's' : ''}. Une fois publié, l’ordre du jour est figé : vous ne
                  pourrez plus ajouter, retirer, déplacer ni régler de point. Les membres de la cellule et les
                  partenaires invités sont prévenus, chacun pour sa part.
                </p>
                {overBy > 0 ? (
                  <p>
                    <strong>Attention :</strong> les points dépassent de {writtenDuration(overBy)} la durée de
                    la séance.
                  </p>
                ) : null}
                {refusal ? <Notice tone="error">{refusal}</Notice> : null}
                <div className="dialog-buttons">
                  <Button variant="quiet" onPress={close}>
                    Annuler
                  </Button>
                  <Button
                    isPending={publishing.fetching}
                    onPress={() => {
                      setRefusal(undefined);
                      void publish({ meetingId }).then((result) => {
                        if (result.error) return setRefusal(readError(result.error).message);
                        close();
                        onPublished();
                      });
                    }}
                  >
                    Publier
                  </Button>
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
