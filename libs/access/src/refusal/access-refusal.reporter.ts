import { ExecutionContext, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { assertNever } from '@relais/graphql';
import { FastifyRequest } from 'fastify';
import { GraphQLResolveInfo } from 'graphql';
import { AccessException } from '../access.exception';
import { ACCESS_REQUIREMENT, AccessRequirement } from '../access-requirement';
import { requestOf } from '../current-principal.decorator';
import { Principal } from '../principal';
import {
  ACCESS_REFUSAL_LISTENER,
  AccessRefusal,
  AccessRefusalKind,
  AccessRefusalListener,
} from './access-refusal';

/**
 * The record of each refused request: a query refused on two fields counts once, and the second
 * field waits for the first one's record, so the answer never leaves before it is written.
 */
const reported = new WeakMap<object, Promise<void>>();

/**
 * Turns a refusal met while answering a request into one security record: the ability guard
 * reports its own refusals (guards run before interceptors), the interceptor those of resolvers
 * and services. A NOT_FOUND is reported only when it names an existing row.
 */
@Injectable()
export class AccessRefusalReporter {
  private readonly logger = new Logger('AccessRefusal');

  constructor(
    private readonly reflector: Reflector,
    @Optional() @Inject(ACCESS_REFUSAL_LISTENER) private readonly listener?: AccessRefusalListener,
  ) {}

  /** Resolves once the refusal is recorded; never rejects: the caller gets the refusal it earned. */
  report(context: ExecutionContext, error: unknown): Promise<void> {
    const listener = this.listener;
    if (!listener || !(error instanceof AccessException)) return Promise.resolve();
    const failed = (failure: unknown) => this.logger.error({ err: failure, msg: 'Refus non enregistré' });
    try {
      const request = requestOf(context);
      const principal = request?.principal;
      if (!principal) return Promise.resolve();
      const earlier = reported.get(request);
      if (earlier) return earlier;
      const refusal = refusalOf(error, principal, describe(context, request), this.requirementOf(context));
      if (!refusal) return Promise.resolve();
      const recording = Promise.resolve()
        .then(() => listener.refused(refusal))
        .catch(failed);
      reported.set(request, recording);
      return recording;
    } catch (failure) {
      failed(failure);
      return Promise.resolve();
    }
  }

  private requirementOf(context: ExecutionContext): AccessRequirement | undefined {
    return this.reflector.get<AccessRequirement | undefined>(ACCESS_REQUIREMENT, context.getHandler());
  }
}

interface Operation {
  name: string | null;
  changes: boolean;
}

/** The operation by its schema name or route template: nothing the caller typed is kept. */
function describe(context: ExecutionContext, request: FastifyRequest): Operation {
  if (context.getType<string>() === 'graphql') {
    const info = GqlExecutionContext.create(context).getInfo<GraphQLResolveInfo>();
    return { name: info?.fieldName ?? null, changes: info?.operation.operation === 'mutation' };
  }
  return {
    name: request.routeOptions?.url ? `${request.method} ${request.routeOptions.url}` : null,
    changes: !['GET', 'HEAD', 'OPTIONS'].includes(request.method),
  };
}

export function refusalOf(
  error: AccessException,
  principal: Principal,
  operation: Operation,
  requirement: AccessRequirement | undefined,
): AccessRefusal | null {
  const target = error.target;
  const kind = kindOf(error, operation);
  if (!kind) return null;
  // Only a territory of the caller's own: an id typed in the request cannot aim a record (and
  // its cost) at another territory's chain.
  const own = (territoryId: string | null | undefined) =>
    territoryId && principal.territoryIds.includes(territoryId) ? territoryId : undefined;
  const pending = principal.memberships.find((membership) => !membership.charterAccepted);
  const territoryId =
    own(target?.territoryId) ??
    (kind === 'CHARTER' ? pending?.territoryId : undefined) ??
    principal.territoryIds[0] ??
    null;
  return {
    kind,
    answer: error.toPublicError().code,
    territoryId,
    actorUserId: principal.userId,
    requestId: principal.requestId || null,
    subjectType: target?.subjectType ?? requirement?.subject ?? 'Unknown',
    subjectId: target?.subjectId ?? null,
    action: target?.action ?? requirement?.action ?? 'unknown',
    operation: operation.name,
  };
}

function kindOf(error: AccessException, operation: Operation): AccessRefusalKind | null {
  switch (error.code) {
    case 'NOT_FOUND':
      // Only an existing row of the caller's territories makes a not-found a refusal.
      return error.target?.subjectId ? 'ACCESS' : null;
    case 'CHARTER_NOT_ACCEPTED':
      return 'CHARTER';
    case 'FORBIDDEN':
      // A refused read is an access refused; a refused change is told apart.
      return operation.changes ? 'MUTATION' : 'ACCESS';
    default:
      return assertNever(error.code);
  }
}
