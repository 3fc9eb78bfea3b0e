import helmet from 'helmet';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { securityHeaders } from './security-headers';

/** What helmet itself leaves on a real Node response with these options. */
function setByHelmet(options: Parameters<typeof helmet>[0]): Record<string, string> {
  const request = new IncomingMessage(new Socket());
  const response = new ServerResponse(request);
  response.setHeader('x-powered-by', 'un-serveur');
  helmet(options)(request, response, () => undefined);
  return Object.fromEntries(
    Object.entries(response.getHeaders()).map(([name, value]) => [name, String(value)]),
  );
}

describe('securityHeaders', () => {
  it('gives the very headers helmet sets, worked out once', () => {
    const options = { crossOriginEmbedderPolicy: false } as const;
    const headers = securityHeaders(options);
    expect(headers).toEqual(setByHelmet(options));
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['strict-transport-security']).toContain('max-age=');
    expect(headers).not.toHaveProperty('cross-origin-embedder-policy');
    expect(headers).not.toHaveProperty('x-powered-by');
  });

  it('follows the options it is given', () => {
    expect(securityHeaders({ crossOriginEmbedderPolicy: true })['cross-origin-embedder-policy']).toBe(
      'require-corp',
    );
    expect(securityHeaders({ contentSecurityPolicy: false })).not.toHaveProperty('content-security-policy');
  });
});
