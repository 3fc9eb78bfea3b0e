import { useCallback, useEffect, useRef, useState } from 'react';
import type { Ref } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';
import { useClient } from 'urql';
import { readError } from '../../graphql/errors';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import { frenchCalendarDate } from '../../ui/written-dates';
import { revealSecondsLeft, spokenDuration } from './meeting-clock';
import type { RoomOrganisation } from './meeting-room';
import { RevealIdentityMutation } from './meeting-mode.operations';
import { useTick } from './use-fullscreen';

interface ShownIdentity {
  firstName: string | null;
  lastName: string | null;
  birthDate: string | null;
  visibleSeconds: number;
  /** `performance.now()` when the answer arrived: the countdown starts there. */
  receivedAt: number;
}

export interface IdentityRevealProps {
  itemId: string;
  caseCode: string;
  /** The room the api will check, as the confirmation says it. */
  room: RoomOrganisation[];
  /** Without recorded attendance the api knows no room: the button says what to do first. */
  attendanceRecorded: boolean;
  /** Said under the button: why the room checked may be wider than the item's list. */
  roomNote?: string;
}

/**
 * « Dévoiler l'identité » for one item: confirmed in a dialog that names who is in the room, then
 * the api decides. Refused, its reason is shown; allowed, the identity stays on screen for the
 * seconds the api gave, with a countdown and « Masquer ». The identity lives only in this
 * component's state: cleared when the time is up, on « Masquer », and when the component goes
 * (another item — the parent keys it by item —, the end of the meeting, a sign-out).
 */
export function IdentityReveal({
  itemId,
  caseCode,
  room,
  attendanceRecorded,
  roomNote,
}: IdentityRevealProps) {
  const client = useClient();
  const [shown, setShown] = useState<ShownIdentity>();
  const [refusal, setRefusal] = useState<string>();
  const [ended, setEnded] = useState<string>();
  const [pending, setPending] = useState(false);
  const mounted = useRef(true);
  const panel = useRef<HTMLDivElement>(null);
  const refusalBox = useRef<HTMLDivElement>(null);
  const revealButton = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const hide = useCallback((message: string) => {
    const active = document.activeElement;
    const focusWasInside = !active || active === document.body || panel.current?.contains(active);
    setShown(undefined);
    setEnded(message);
    if (focusWasInside) window.setTimeout(() => revealButton.current?.querySelector('button')?.focus(), 0);
  }, []);

  // The api's term, on a timer of its own (an interval may be slowed in a background tab).
  useEffect(() => {
    if (!shown) return;
    const left = shown.visibleSeconds * 1000 - (performance.now() - shown.receivedAt);
    const timer = window.setTimeout(
      () =>
        hide(
          'Le temps d’affichage est écoulé : l’identité est masquée, la personne est de nouveau désignée par son code.',
        ),
      Math.max(0, left),
    );
    return () => window.clearTimeout(timer);
  }, [shown, hide]);

  useEffect(() => {
    if (shown) panel.current?.focus();
  }, [shown]);
  useEffect(() => {
    if (refusal) refusalBox.current?.focus();
  }, [refusal]);

  async function reveal(close: () => void) {
    setPending(true);
    setRefusal(undefined);
    setEnded(undefined);
    // The client's own call, not a hook: nothing but this component's state keeps the answer.
    const result = await client
      .mutation(RevealIdentityMutation, { input: { itemId } }, { requestPolicy: 'network-only' })
      .toPromise();
    if (!mounted.current) return;
    setPending(false);
    close();
    const identity = result.data?.revealIdentityInMeeting;
    if (result.error || !identity) {
      setRefusal(result.error ? readError(result.error).message : 'Relais n’a pas dévoilé l’identité.');
      return;
    }
    setShown({
      firstName: identity.firstName,
      lastName: identity.lastName,
      birthDate: identity.birthDate,
      visibleSeconds: identity.visibleSeconds,
      receivedAt: performance.now(),
    });
  }

  return (
    <section className="meeting-panel reveal" aria-labelledby={`reveal-${itemId}`}>
      <h3 id={`reveal-${itemId}`}>Identité de la personne</h3>
      {shown ? (
        <RevealedIdentity
          ref={panel}
          identity={shown}
          caseCode={caseCode}
          onHide={() => hide('Identité masquée : la personne est de nouveau désignée par son code.')}
        />
      ) : (
        <>
          <p>
            La personne est désignée par son code, <strong>{caseCode}</strong>. Son identité n’est dévoilée à
            la salle que si son consentement nomme chaque organisation présente pour ce point.
          </p>
          {roomNote ? <p className="hint">{roomNote}</p> : null}
          <span ref={revealButton}>
            <DialogTrigger>
              <Button variant="quiet" isDisabled={!attendanceRecorded}>
                Dévoiler l’identité
                <span className="visually-hidden"> de la personne du point {caseCode}</span>
              </Button>
              <ModalOverlay className="modal-overlay" isDismissable={!pending}>
                <Modal className="modal meeting-dialog">
                  <Dialog className="dialog">
                    {({ close }) => (
                      <>
                        <Heading slot="title">Dévoiler l’identité à la salle ?</Heading>
                        <p>
                          Le nom, le prénom et la date de naissance de la personne du point {caseCode} seront
                          affichés à l’écran pour un temps limité, puis masqués. Le dévoilement est inscrit au
                          journal d’audit avec les personnes présentes.
                        </p>
                        <p>
                          <strong>Dans la salle pour ce point</strong> (vous mise à part) :
                        </p>
                        {room.length ? (
                          <ul className="room-list">
                            {room.map((organisation) => (
                              <li key={organisation.id}>
                                <strong>{organisation.name}</strong>
                                {organisation.people.length
                                  ? ` : ${organisation.people.join(', ')}`
                                  : ' : invité à ce point'}
                              </li>
                            ))}
                          </ul>
                        ) : (
                          <p>Personne d’autre que vous.</p>
                        )}
                        <p>Relais refusera si le consentement ne nomme pas chacune de ces organisations.</p>
                        <div className="dialog-buttons">
                          <Button variant="quiet" onPress={close} isDisabled={pending}>
                            Annuler
                          </Button>
                          <Button isPending={pending} onPress={() => void reveal(close)}>
                            Dévoiler l’identité
                          </Button>
                        </div>
                      </>
                    )}
                  </Dialog>
                </Modal>
              </ModalOverlay>
            </DialogTrigger>
          </span>
          {attendanceRecorded ? null : (
            <p className="hint">
              Enregistrez d’abord les présences : l’identité n’est dévoilée qu’à des partenaires connus.
            </p>
          )}
        </>
      )}
      {refusal && !shown ? (
        <div ref={refusalBox} tabIndex={-1} className="announcement">
          <Notice tone="error">
            <p>
              <strong>Identité non dévoilée.</strong> {refusal}
            </p>
          </Notice>
        </div>
      ) : null}
      {ended && !shown ? <Notice tone="success">{ended}</Notice> : null}
    </section>
  );
}

function RevealedIdentity({
  identity,
  caseCode,
  onHide,
  ref,
}: {
  identity: ShownIdentity;
  caseCode: string;
  onHide(): void;
  ref: Ref<HTMLDivElement>;
}) {
  const now = useTick(250);
  const left = revealSecondsLeft(identity.receivedAt, identity.visibleSeconds, now);
  const names = [identity.firstName, identity.lastName?.toLocaleUpperCase('fr')].filter(Boolean).join(' ');
  return (
    <div ref={ref} tabIndex={-1} className="revealed" aria-labelledby={`revealed-${caseCode}`}>
      <p id={`revealed-${caseCode}`} className="revealed-label">
        Identité dévoilée pour le point {caseCode}
      </p>
      <p className="revealed-name">{names || 'Nom non renseigné'}</p>
      {identity.birthDate ? (
        <p className="revealed-birth">
          Née ou né le {frenchCalendarDate(identity.birthDate, { weekday: false })}
        </p>
      ) : null}
      <p className="revealed-countdown">
        Masquée dans <strong>{spokenDuration(left * 1000)}</strong>
      </p>
      <Button onPress={onHide}>Masquer</Button>
    </div>
  );
}
