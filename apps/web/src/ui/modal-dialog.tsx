import type { ReactNode } from 'react';
import { Dialog, DialogTrigger, Modal, ModalOverlay } from 'react-aria-components';
import './dialog.css';

/**
 * A button that opens a modal dialog (Échap or a click outside closes it, the focus returns to the
 * button): `children` draws its content and is given the function that closes it.
 */
export function ModalDialog({
  trigger,
  children,
}: {
  trigger: ReactNode;
  children(close: () => void): ReactNode;
}) {
  return (
    <DialogTrigger>
      {trigger}
      <ModalOverlay className="modal-overlay" isDismissable>
        <Modal className="modal">
          <Dialog className="dialog">{({ close }) => children(close)}</Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
