import { ArgumentsHost, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { GqlArgumentsHost } from '@nestjs/graphql';
import { assertNever, ErrorWitness } from '@relais/graphql';
import { FastifyRequest } from 'fastify';
import { GraphQLResolveInfo } from 'graphql';
import { AccessException } from '../access.exception';
import { AccessRequirement } from '../access-requirement';
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
 * What each guarded operation declares it needs, kept by the ability guard for the record of a
 * refusal met later: by GraphQL field (its resolve info), or by HTTP request.
 */
const requirements = new WeakMap<object, AccessRequirement>();

/** One GraphQL field's resolution, or one HTTP request. */
function handlingOf(host: ArgumentsHost): object | undefined {
  const handling: unknown =
    host.getType<string>() === 'graphql'
      ? GqlArgumentsHost.create(host).getInfo()
      : host.switchToHttp().getRequest();
  return typeof handling === 'object' && handling !== null ? handling : undefined;
}

/**
 * Turns a refusal met while answering a request into one security record: the ability guard's, a
 * resolver's, a controller's or a service's, seen by the exception filter (`refusalWitness`)
 * after the service's transaction has rolled back and before the caller is answered, so that an
 * auditor reading next finds it. A NOT_FOUND is reported only when it names an existing row.
 */
@Injectable()
export class AccessRefusalReporter {
  private readonly logger = new Logger('AccessRefusal');

  constructor(
    @Optional() @Inject(ACCESS_REFUSAL_LISTENER) private readonly listener?: AccessRefusalListener,
  ) {}

  /** Called by the ability guard: the operation's requirement names a refusal's subject. */
  remember(host: ArgumentsHost, requirement: AccessRequirement): void {
    const handling = handlingOf(host);
    if (handling) requirements.set(handling, requirement);
  }

  /** Resolves once the refusal is recorded; never rejects: the caller gets the refusal it earned. */
  report(host: ArgumentsHost, error: unknown): Promise<void> {
    const listener = this.listener;
    if (!listener || !(error instanceof AccessException)) return Promise.resolve();
    const failed = (failure: unknown) => this.logger.error({ err: failure, msg: 'Refus non enregistré' });
    try {
      const request = requestOf(host);
      const principal = request?.principal;
      if (!principal) return Promise.resolve();
      const earlier = reported.get(request);
      if (earlier) return earlier;
      const handling = handlingOf(host);
      const requirement = handling ? requirements.get(handling) : undefined;
      const refusal = refusalOf(error, principal, describe(host, request), requirement);
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
}

/** For the api's exception filter: waits for the record of an access refusal, and of nothing else. */
export function refusalWitness(reporter: AccessRefusalReporter): ErrorWitness {
  return (exception, host) =>
    exception instanceof AccessException ? reporter.report(host, exception) : undefined;
}

interface Operation {
  name: string | null;
  changes: boolean;
}

/** The operation by its schema name or route template: nothing the caller typed is kept. */
function describe(host: ArgumentsHost, request: FastifyRequest): Operation {
  if (host.getType<string>() === 'graphql') {
    const info = GqlArgumentsHost.create(host).getInfo<GraphQLResolveInfo>();
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
