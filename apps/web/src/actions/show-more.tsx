import { useEffect, useRef, useState } from 'react';
import { Button } from '../ui/button';
import type { ActionList } from './use-action-list';

function actionsAdded(added: number): string {
  if (added === 0) return 'Aucune action de plus.';
  return added > 1 ? `${added} actions de plus sont affichées.` : '1 action de plus est affichée.';
}

/**
 * « Afficher plus » under a list read a page at a time. What it brought is said in a status
 * message; when nothing is left the button goes, and the reading position moves to the words that
 * say so rather than being lost with it.
 */
export function ShowMore({
  list,
  label,
  addedText = actionsAdded,
  allShownText = 'Toutes sont maintenant affichées.',
}: {
  list: Pick<ActionList, 'hasMore' | 'loadingMore' | 'showMore'>;
  label: string;
  /** What a page brought, in words (« 3 actions de plus sont affichées. »). */
  addedText?: (added: number) => string;
  /** Said once nothing is left, agreed with what is listed (« Tous sont maintenant affichés. »). */
  allShownText?: string;
}) {
  const [told, setTold] = useState<string>();
  const end = useRef<HTMLParagraphElement>(null);
  const reachedEnd = told !== undefined && !list.hasMore;
  const more = async () => setTold(addedText(await list.showMore()));

  useEffect(() => {
    if (reachedEnd) end.current?.focus();
  }, [reachedEnd]);

  return (
    <div className="show-more">
      {list.hasMore ? (
        <Button variant="quiet" isPending={list.loadingMore} onPress={() => void more()}>
          {label}
        </Button>
      ) : null}
      <p
        ref={end}
        role="status"
        tabIndex={reachedEnd ? -1 : undefined}
        className={reachedEnd ? 'muted show-more-end' : 'visually-hidden'}
      >
        {told ? `${told}${reachedEnd ? ` ${allShownText}` : ''}` : ''}
      </p>
    </div>
  );
}
