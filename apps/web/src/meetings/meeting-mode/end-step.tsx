import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import { useMutation } from 'urql';
import { readError } from '../../graphql/errors';
import { Link } from '../../routing/link';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/notice';
import type { MeetingModeItem } from './meeting-mode.operations';
import { MarkMeetingHeldMutation } from './meeting-mode.operations';

export interface EndStepProps {
  meetingId: string;
  items: readonly MeetingModeItem[];
  recordedIds: ReadonlySet<string>;
  /** Already held (or its minutes published) when the page opened, or marked so here. */
  held: boolean;
  onHeld(): void;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

/** « Terminer la séance » : the meeting is marked held, and the minutes are written from there. */
export function EndStep({ meetingId, items, recordedIds, held, onHeld, headingRef }: EndStepProps) {
  const [state, markHeld] = useMutation(MarkMeetingHeldMutation);
  const [error, setError] = useState<string>();
  const doneBox = useRef<HTMLDivElement>(null);
  const wasHeld = useRef(held);
  useEffect(() => {
    if (held && !wasHeld.current) doneBox.current?.focus();
    wasHeld.current = held;
  }, [held]);

  const left = items.filter((item) => !recordedIds.has(item.id));
  const minutes = `/seances/${encodeURIComponent(meetingId)}/compte-rendu`;

  async function end() {
    setError(undefined);
    const result = await markHeld({ meetingId });
    if (result.error) return setError(readError(result.error).message);
    onHeld();
  }

  return (
    <section className="meeting-step" aria-labelledby="fin-de-seance">
      <h2 id="fin-de-seance" ref={headingRef} tabIndex={-1}>
        Fin de la séance
      </h2>
      {left.length ? (
        <p>
          {left.length === 1
            ? 'Un point n’est pas enregistré'
            : `${left.length} points ne sont pas enregistrés`}{' '}
          dans ce mode séance : {left.map((item) => item.caseCode).join(', ')}. Revenez-y avec « Point
          précédent » ou {left.length === 1 ? 'complétez-le' : 'complétez-les'} dans le compte rendu.
        </p>
      ) : (
        <p>Tous les points sont enregistrés.</p>
      )}
      {error ? <Notice tone="error">{error}</Notice> : null}
      {held ? (
        <div ref={doneBox} tabIndex={-1} className="announcement">
          <Notice tone="success">
            <p>La séance est tenue. Le compte rendu est en brouillon, lu par la coordination seule.</p>
            <p>
              <Link to={minutes}>Rédiger le compte rendu</Link>
            </p>
          </Notice>
        </div>
      ) : (
        <>
          <p>
            Terminer la séance la marque comme tenue : le compte rendu s’ouvre en brouillon, pour la
            coordination seule, jusqu’à sa publication.
          </p>
          <Button onPress={() => void end()} isPending={state.fetching}>
            Terminer la séance
          </Button>
        </>
      )}
    </section>
  );
}
