import { checkpointDirectoryOf, parseAuditChainKeys } from './audit-chain-keys';

const key = (fill: number, bytes = 32) => Buffer.alloc(bytes, fill);

describe('parseAuditChainKeys', () => {
  it('keeps the order given: the first key is the current one', () => {
    const parsed = parseAuditChainKeys(
      ` k2026:${key(2).toString('base64')} ,k2025:${key(1, 64).toString('base64url')}`,
    );
    expect(parsed.problem).toBeUndefined();
    expect(parsed.keys).toEqual([
      { id: 'k2026', secret: key(2) },
      { id: 'k2025', secret: key(1, 64) },
    ]);
  });

  it.each([
    ['', /au moins une clé/],
    ['sans-deux-points', /identifiant:clé-en-base64/],
    [`:${key(1).toString('base64')}`, /l'identifiant doit compter/],
    [`a b:${key(1).toString('base64')}`, /l'identifiant doit compter/],
    ['k1:pas du base64 !', /base64/],
    [`k1:${key(1, 31).toString('base64')}`, /32 octets au moins .*31 reçus/],
    [`k1:${key(1).toString('base64')},k1:${key(2).toString('base64')}`, /« k1 » apparaît deux fois/],
  ])('refuses %j in French', (text, problem) => {
    expect(parseAuditChainKeys(text).problem).toMatch(problem);
  });

  it('never repeats a secret in its problem', () => {
    const secret = key(5, 20).toString('base64');
    expect(parseAuditChainKeys(`k1:${secret}`).problem).not.toContain(secret);
  });
});

describe('checkpointDirectoryOf', () => {
  it('reads a file URL as an absolute directory, and nothing else', () => {
    expect(checkpointDirectoryOf('file:///var/lib/relais/audit-checkpoints')).toBe(
      '/var/lib/relais/audit-checkpoints',
    );
    expect(checkpointDirectoryOf('file://serveur/partage')).toBeUndefined();
    expect(checkpointDirectoryOf('https://stockage.example/relais')).toBeUndefined();
    expect(checkpointDirectoryOf('/var/lib/relais')).toBeUndefined();
  });
});
