import type { RefObject } from 'react';
import type { ItemTimes } from './meeting-clock';
import { elapsedOn, spokenDuration, timeBoxState } from './meeting-clock';
import type { MeetingModeItem } from './meeting-mode.operations';
import { useTick } from './use-fullscreen';

/** The agenda's kinds of item, as the room says them. */
const KIND_LABELS: Record<MeetingModeItem['kind'], string> = {
  NEW: 'Nouvelle situation',
  REVIEW: 'Point de suivi',
  RE_EXAMINATION: 'Réexamen',
};

const TIME_BOX_WORDS = {
  within: 'dans le temps prévu',
  closing: 'à conclure',
  over: 'temps dépassé',
} as const;

/** The item as the room sees it: case code and pseudonym, never a name; its time box and elapsed time. */
export function ItemHeading({
  item,
  count,
  times,
  headingRef,
}: {
  item: MeetingModeItem;
  count: number;
  times: ItemTimes;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const now = useTick(1000);
  const elapsed = elapsedOn(times, item.id, now);
  const state = timeBoxState(elapsed, item.minutes);
  const over = elapsed - item.minutes * 60_000;
  return (
    <header className="item-heading">
      <p className="item-position">
        Point {item.position} sur {count} · {KIND_LABELS[item.kind]}
        {item.presentation > 1 ? ` · ${item.presentation}e présentation` : ''}
      </p>
      <h2 ref={headingRef} tabIndex={-1} className="item-code">
        <span className="visually-hidden">Situation </span>
        {item.caseCode}
      </h2>
      {item.pseudonym ? <p className="item-pseudonym">{item.pseudonym}</p> : null}
      <p className={`item-time item-time-${state}`}>
        <span>
          Temps prévu : <strong>{item.minutes} min</strong>
        </span>
        <span>
          Écoulé : <strong>{spokenDuration(elapsed)}</strong>
        </span>
        <span className="item-time-state">
          {state === 'over' ? `${TIME_BOX_WORDS.over} de ${spokenDuration(over)}` : TIME_BOX_WORDS[state]}
        </span>
      </p>
    </header>
  );
}
