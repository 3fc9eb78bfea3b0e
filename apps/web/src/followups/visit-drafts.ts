import { useSyncExternalStore } from 'react';
import { useClient } from 'urql';
import type { VisitValues } from './visit-values';

/** A visit as typed in the form, before the api has recorded it. */
export interface VisitDraft extends VisitValues {
  /** The last save did not reach the api (connection lost): the draft waits for « Réessayer ». */
  unsent: boolean;
}

/**
 * The visits typed and not yet recorded, one per follow-up, in memory only: never in the browser's
 * storage, where a shared tablet would keep them after the session. Kept per session (see
 * `useVisitDrafts`) so that nothing typed by one person is offered to the next.
 */
export class VisitDraftStore {
  private readonly drafts = new Map<string, VisitDraft>();
  private readonly announcements = new Map<string, string>();
  private readonly listeners = new Set<() => void>();

  get(followUpId: string): VisitDraft | undefined {
    return this.drafts.get(followUpId);
  }

  keep(followUpId: string, draft: VisitDraft): void {
    this.drafts.set(followUpId, { ...draft, presentUserIds: [...draft.presentUserIds] });
    this.changed();
  }

  /** Recorded by the api, or given up: nothing waits any more. */
  discard(followUpId: string): void {
    if (this.drafts.delete(followUpId)) this.changed();
  }

  clear(): void {
    this.announcements.clear();
    if (!this.drafts.size) return;
    this.drafts.clear();
    this.changed();
  }

  /** What the follow-up's page says once, on return from the form (« La visite est enregistrée »). */
  announce(followUpId: string, message: string): void {
    this.announcements.set(followUpId, message);
  }

  /** The announcement waiting for the follow-up's page, given once. */
  takeAnnouncement(followUpId: string): string | undefined {
    const message = this.announcements.get(followUpId);
    this.announcements.delete(followUpId);
    return message;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

/*
 * One store per urql client. The app makes a new client at each sign-out (app.tsx, so that nothing
 * read under one session shows under the next): the drafts go with the old client, unreachable and
 * collected, without the shell having to know about them.
 */
const stores = new WeakMap<object, VisitDraftStore>();

/** The drafts of the session that `client` serves. */
export function visitDraftsOf(client: object): VisitDraftStore {
  let store = stores.get(client);
  if (!store) {
    store = new VisitDraftStore();
    stores.set(client, store);
  }
  return store;
}

/** This session's visit drafts. */
export function useVisitDrafts(): VisitDraftStore {
  return visitDraftsOf(useClient());
}

/** The draft waiting for `followUpId` in this session, kept up to date. */
export function useVisitDraft(followUpId: string): VisitDraft | undefined {
  const store = useVisitDrafts();
  return useSyncExternalStore(store.subscribe, () => store.get(followUpId));
}
