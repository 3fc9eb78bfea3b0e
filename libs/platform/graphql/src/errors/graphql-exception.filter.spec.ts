import { ArgumentsHost } from '@nestjs/common';
import { ErrorWitness, GraphqlExceptionFilter } from './graphql-exception.filter';
import { RequestException } from './request.exception';

function host(type: 'graphql' | 'http'): ArgumentsHost {
  const reply = { status: jest.fn(), header: jest.fn(), send: jest.fn() };
  reply.status.mockReturnValue(reply);
  reply.header.mockReturnValue(reply);
  reply.send.mockReturnValue(reply);
  return {
    getType: () => type,
    switchToHttp: () => ({ getResponse: () => reply }),
  } as unknown as ArgumentsHost;
}

const replyOf = (http: ArgumentsHost) =>
  http.switchToHttp().getResponse<{ status: jest.Mock; send: jest.Mock }>();

describe('GraphqlExceptionFilter', () => {
  it('answers a GraphQL error with itself, at once, when no witness asks to wait', () => {
    const refusal = new RequestException('NOT_ALLOWED');
    expect(new GraphqlExceptionFilter().catch(refusal, host('graphql'))).toBe(refusal);
    const uninterested: ErrorWitness = jest.fn(() => undefined);
    expect(new GraphqlExceptionFilter(uninterested).catch(refusal, host('graphql'))).toBe(refusal);
  });

  it('waits for the witness of a domain refusal before answering, on GraphQL and on HTTP routes', async () => {
    let release!: () => void;
    const witness: ErrorWitness = jest.fn(() => new Promise<void>((resolve) => (release = resolve)));
    const filter = new GraphqlExceptionFilter(witness);
    const refusal = new RequestException('NOT_ALLOWED');

    let answered: unknown = 'nothing yet';
    const graphql = (filter.catch(refusal, host('graphql')) as Promise<unknown>).then((value) => {
      answered = value;
    });
    await new Promise(setImmediate);
    expect(answered).toBe('nothing yet');
    release();
    await graphql;
    expect(answered).toBe(refusal);

    const http = host('http');
    const sending = filter.catch(refusal, http) as Promise<unknown>;
    await new Promise(setImmediate);
    expect(replyOf(http).send).not.toHaveBeenCalled();
    release();
    await sending;
    expect(replyOf(http).status).toHaveBeenCalledWith(403);
    expect(replyOf(http).send).toHaveBeenCalledWith(expect.objectContaining({ code: 'FORBIDDEN' }));
  });

  it('shows the witness domain refusals only: any other error goes on unseen', () => {
    const witness = jest.fn(() => Promise.resolve());
    const failure = new Error('panne');
    expect(new GraphqlExceptionFilter(witness).catch(failure, host('graphql'))).toBe(failure);
    expect(witness).not.toHaveBeenCalled();
  });
});
