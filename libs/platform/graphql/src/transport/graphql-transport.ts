import { FastifyRequest } from 'fastify';
import { UNSUPPORTED_MEDIA_TYPE_MESSAGE } from '../errors/error-formatter';
import { RequestRefusal } from '../errors/request-refusal';
import { hasSessionCookie } from './session-cookie';

/**
 * Media types a GraphQL POST may carry. Both make a browser ask before sending across origins
 * (CORS preflight), unlike the form and text types a page of another site can post freely.
 */
export const GRAPHQL_POST_MEDIA_TYPES: readonly string[] = ['application/json', 'application/graphql'];

function mediaTypeOf(header: string | undefined): string | undefined {
  return header?.split(';')[0].trim().toLowerCase() || undefined;
}

/**
 * The refusal a request to the GraphQL endpoint meets before its body is even read, or undefined:
 * - a POST whose body is not JSON (or `application/graphql`): forms (`x-www-form-urlencoded`,
 *   `multipart/form-data`) and `text/plain` are what another site can make a browser send;
 * - a GET carrying the session cookie: a browser attaches cookies to any GET, and GraphQL GETs
 *   are the one way to read without a preflight. The web client reads with POST;
 * - a HEAD, which would run the GET route without its check for mutations.
 */
export function transportRefusal(
  request: Pick<FastifyRequest, 'method' | 'headers'>,
): RequestRefusal | undefined {
  if (request.method === 'POST') {
    const mediaType = mediaTypeOf(request.headers['content-type']);
    if (!mediaType || !GRAPHQL_POST_MEDIA_TYPES.includes(mediaType)) {
      return new RequestRefusal('UNSUPPORTED_MEDIA_TYPE', UNSUPPORTED_MEDIA_TYPE_MESSAGE);
    }
  }
  if (request.method === 'HEAD') {
    // Fastify answers HEAD with the GET route, where Mercurius checks for mutations on GET only.
    return new RequestRefusal('METHOD_NOT_ALLOWED', 'Les requêtes GraphQL s’envoient en POST ou en GET.');
  }
  if (request.method === 'GET' && hasSessionCookie(request.headers.cookie)) {
    return new RequestRefusal(
      'METHOD_NOT_ALLOWED',
      'Avec un cookie de session, les requêtes GraphQL s’envoient en POST (JSON), jamais en GET.',
    );
  }
  return undefined;
}

/** Fastify `preParsing` hook of the GraphQL routes: refuses before the body is read. */
export async function refuseUnsafeTransport(request: FastifyRequest): Promise<void> {
  const refusal = transportRefusal(request);
  if (refusal) throw refusal;
}
