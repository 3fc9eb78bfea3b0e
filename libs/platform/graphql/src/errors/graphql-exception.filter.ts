import { ArgumentsHost, Catch, ExceptionFilter, HttpException } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';
import { FastifyReply } from 'fastify';
import { DomainException } from './domain.exception';
import { PublicErrorCode } from './public-error';

const HTTP_STATUS: Partial<Record<PublicErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CHARTER_REQUIRED: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
};

const HTTP_REFUSALS: Record<number, { code: PublicErrorCode; message: string }> = {
  400: { code: 'BAD_REQUEST', message: "La requête n'a pas pu être lue." },
  401: { code: 'UNAUTHENTICATED', message: 'Veuillez vous connecter.' },
  403: { code: 'FORBIDDEN', message: "Vous n'avez pas les droits nécessaires pour cette action." },
  404: { code: 'NOT_FOUND', message: 'Cette adresse n’existe pas.' },
  405: { code: 'METHOD_NOT_ALLOWED', message: 'Cette méthode n’est pas acceptée à cette adresse.' },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'La requête dépasse la taille maximale autorisée.' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Ce type de contenu n’est pas accepté.' },
};

/**
 * Sees an error raised by a resolver, a controller or their guards before it is answered: returns
 * what to wait for first, or nothing (the usual case: answered at once). Given only domain
 * refusals, whose answer is always sent, so that no answer is left to a promise that may fail.
 */
export type ErrorWitness = (exception: unknown, host: ArgumentsHost) => Promise<void> | undefined;

/**
 * Hands GraphQL errors straight to the error formatter, which maps or logs them once. Without it,
 * Nest logs every expected refusal (a wrong password, a forbidden action) as an error. On plain
 * HTTP routes (documents), a domain refusal answers its status with the same code and French
 * message; Nest's own 4xx (an unknown address) are answered in French too; anything else goes on
 * to Nest's own handling. A witness (the access library's refusal record) is waited for first.
 */
@Catch()
export class GraphqlExceptionFilter implements GqlExceptionFilter, ExceptionFilter {
  constructor(private readonly witness?: ErrorWitness) {}

  catch(exception: unknown, host: ArgumentsHost): unknown {
    const witnessed = exception instanceof DomainException ? this.witness?.(exception, host) : undefined;
    return witnessed ? witnessed.then(() => this.answer(exception, host)) : this.answer(exception, host);
  }

  private answer(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    if (host.getType() === 'http' && exception instanceof DomainException) {
      const shown = exception.toPublicError();
      const reply = host.switchToHttp().getResponse<FastifyReply>();
      return reply
        .status(HTTP_STATUS[shown.code] ?? 500)
        .header('cache-control', 'no-store')
        .send({ code: shown.code, message: shown.message });
    }
    if (exception instanceof HttpException) {
      const reply = host.switchToHttp().getResponse<FastifyReply>();
      const status = exception.getStatus();
      // Nest's own refusals (an unknown address above all) speak English: answered in French.
      const french =
        status >= 400 && status < 500 ? (HTTP_REFUSALS[status] ?? HTTP_REFUSALS[400]) : undefined;
      return reply.status(status).send(french ?? exception.getResponse());
    }
    throw exception;
  }
}
