import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { requestOf } from '@relais/access';

/** The request's id, for public operations that have no principal to carry it. */
export const RequestId = createParamDecorator((_data: unknown, context: ExecutionContext): string => {
  const id = requestOf(context).id as unknown;
  return typeof id === 'string' || typeof id === 'number' ? String(id) : '';
});
