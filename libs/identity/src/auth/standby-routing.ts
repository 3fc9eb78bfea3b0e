import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { requestOf } from '@relais/access';
import { ReadPositions } from '@relais/database';
import { GraphQLResolveInfo } from 'graphql';
import { catchError, concatMap, from, Observable, throwError } from 'rxjs';

/**
 * Whether the operation only reads: a GraphQL query (never a mutation, whose own reads must see its
 * writes), or a GET (the documents).
 */
export function readsOnly(context: ExecutionContext): boolean {
  if (context.getType<string>() === 'graphql')
    return GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>().operation.operation === 'query';
  return ['GET', 'HEAD'].includes(requestOf(context).method);
}

/**
 * After each mutation of a signed-in session, before its answer leaves: the primary's position is
 * given to the session and its territories (`ReadPositions`), so the next request — the same
 * session's, or anyone's after a withdrawal or a suspension — reads nothing on a standby that has
 * not replayed it.
 */
@Injectable()
export class WritePositionsInterceptor implements NestInterceptor {
  constructor(private readonly positions: ReadPositions) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (readsOnly(context)) return next.handle();
    const record = () => {
      const principal = requestOf(context).principal;
      return principal
        ? this.positions.recordWrite(principal.sessionId, principal.territoryIds)
        : Promise.resolve();
    };
    return next.handle().pipe(
      concatMap((value) => from(record().then(() => value))),
      catchError((error: unknown) => from(record()).pipe(concatMap(() => throwError(() => error)))),
    );
  }
}
