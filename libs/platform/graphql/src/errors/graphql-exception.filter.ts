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

/**
 * Hands GraphQL errors straight to the error formatter, which maps or logs them once. Without it,
 * Nest logs every expected refusal (a wrong password, a forbidden action) as an error. On plain
 * HTTP routes (documents), a domain refusal answers its status with the same code and French
 * message; anything else goes on to Nest's own handling.
 */
@Catch()
export class GraphqlExceptionFilter implements GqlExceptionFilter, ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
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
      return reply.status(exception.getStatus()).send(exception.getResponse());
    }
    throw exception;
  }
}
