import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { AccessRefusalReporter } from './access-refusal.reporter';

/**
 * Reports the refusals raised by resolvers, controllers and the services they call, after the
 * service's transaction has rolled back: the record is written in its own transaction before
 * the caller is answered, so an auditor reading next finds it.
 */
@Injectable()
export class AccessRefusalInterceptor implements NestInterceptor {
  constructor(private readonly reporter: AccessRefusalReporter) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          from(this.reporter.report(context, error)).pipe(mergeMap(() => throwError(() => error))),
        ),
      );
  }
}
