import { ArgumentsHost, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlArgumentsHost } from '@nestjs/graphql';
import { RequestException } from '@relais/graphql';
import { FastifyRequest } from 'fastify';
import { Principal } from './principal';

export function requestOf(context: ArgumentsHost): FastifyRequest {
  if (context.getType<string>() === 'graphql') {
    return GqlArgumentsHost.create(context).getContext<{ request: FastifyRequest }>().request;
  }
  return context.switchToHttp().getRequest<FastifyRequest>();
}

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = requestOf(context).principal;
    if (!principal) throw new RequestException('NOT_AUTHENTICATED');
    return principal;
  },
);
