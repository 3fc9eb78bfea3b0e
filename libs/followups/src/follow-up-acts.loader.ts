import { Injectable } from '@nestjs/common';
import { Principal } from '@relais/access';
import { Connection } from '@relais/graphql';
import { FollowUpActObject } from './dto/follow-up.objects';
import { ActsPage, FollowUpActsQueryService } from './follow-up-acts.query';

interface Batch {
  followUpIds: Set<string>;
  pages: Promise<Map<string, Connection<FollowUpActObject>>>;
}

/**
 * Gathers the follow-ups whose acts one request asks (a page of « mes accompagnements ») and reads
 * them in one statement. Batches live with the request's GraphQL context, so two requests never
 * share one, and are told apart by the page asked (`first`, `after`).
 */
@Injectable()
export class FollowUpActsLoader {
  private readonly batches = new WeakMap<object, Map<string, Batch>>();

  constructor(private readonly acts: FollowUpActsQueryService) {}

  load(
    context: object,
    principal: Principal,
    followUpId: string,
    page: ActsPage,
  ): Promise<Connection<FollowUpActObject>> {
    let open = this.batches.get(context);
    if (!open) this.batches.set(context, (open = new Map()));
    const key = JSON.stringify([page.first, page.after ?? null]);
    let batch = open.get(key);
    if (!batch) {
      const followUpIds = new Set<string>();
      const batches = open;
      // The other follow-ups of the list reach here after the same chain of promises; a macrotask
      // waits for all of them, where a microtask could leave some for a second statement.
      const pages = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        batches.delete(key);
        return this.acts.pages(principal, [...followUpIds], page);
      });
      batch = { followUpIds, pages };
      open.set(key, batch);
    }
    batch.followUpIds.add(followUpId);
    return batch.pages.then((pages) => pages.get(followUpId)!);
  }
}
