import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Hands GraphQL errors straight to the error formatter, which maps or logs them once. Without it,
 * Nest logs every expected refusal (a wrong password, a forbidden action) as an error.
 */
@Catch()
export class GraphqlExceptionFilter implements GqlExceptionFilter, ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    throw exception;
  }
}
