import { useState } from 'react';
import type { ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import type { CombinedError } from 'urql';
import { readError } from '../graphql/errors';
import { Button } from '../ui/button';
import { Notice } from '../ui/notice';

export interface ConfirmDialogProps {
  /** The button's words; `context` is added for screen readers (« … de Camille Martin »). */
  trigger: string;
  context: string;
  title: string;
  /** What will happen, in full: the dialog names the person and the consequence. */
  children: ReactNode;
  confirm: string;
  /** Runs the operation; its refusal stays in the dialog, in the api's words. */
  run(): Promise<{ error?: CombinedError }>;
  onDone(): void;
}

/** A button whose operation is confirmed in a dialog first (changing someone's access is not undone by a click). */
export function ConfirmDialog({
  trigger,
  context,
  title,
  children,
  confirm,
  run,
  onDone,
}: ConfirmDialogProps) {
  const [refusal, setRefusal] = useState<string>();
  const [pending, setPending] = useState(false);
  return (
    <DialogTrigger onOpenChange={() => setRefusal(undefined)}>
      <Button variant="quiet">
        {trigger}
        <span className="visually-hidden"> {context}</span>
      </Button>
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">
            {({ close }) => (
              <>
                <Heading slot="title">{title}</Heading>
                {children}
                {refusal ? <Notice tone="error">{refusal}</Notice> : null}
                <div className="dialog-buttons">
                  <Button variant="quiet" onPress={close}>
                    Annuler
                  </Button>
                  <Button
                    isPending={pending}
                    onPress={() => {
                      setPending(true);
                      setRefusal(undefined);
                      void run().then((result) => {
                        setPending(false);
                        if (result.error) return setRefusal(readError(result.error).message);
                        close();
                        onDone();
                      });
                    }}
                  >
                    {confirm}
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
