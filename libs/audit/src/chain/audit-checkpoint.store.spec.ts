import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditChainKeyring } from './audit-chain-keyring';
import { signCheckpoint } from './audit-checkpoint';
import { FileAuditCheckpointStore } from './audit-checkpoint.store';

const territoryId = '3f1c2a9e-0b7d-4c55-8e21-6a4d9b0f1c77';
const key = new AuditChainKeyring([{ id: 'a', secret: Buffer.alloc(32, 1) }]).current;
const checkpoint = (sequence: string, takenAt = '2026-03-02T10:00:00.000Z') =>
  signCheckpoint(key, { territoryId, sequence, headHash: 'ab'.repeat(32), takenAt });

describe('FileAuditCheckpointStore', () => {
  let directory: string;
  let store: FileAuditCheckpointStore;
  beforeEach(() => {
    directory = mkdtempSync(join(tmpdir(), 'relais-checkpoints-'));
    store = new FileAuditCheckpointStore(directory);
  });
  afterEach(() => {
    chmodSync(directory, 0o700);
    rmSync(directory, { recursive: true, force: true });
  });

  it('keeps one read-only file per checkpoint, listed in sequence order, without temporary files', async () => {
    expect(await store.list(territoryId)).toEqual([]);
    expect(await store.append(checkpoint('10'))).toBe(true);
    expect(await store.append(checkpoint('9'))).toBe(true);
    const listed = await store.list(territoryId);
    expect(listed.map(({ checkpoint }) => checkpoint?.sequence)).toEqual(['9', '10']);
    const files = readdirSync(join(directory, territoryId));
    expect(files).toEqual(['00000000000000000009.json', '00000000000000000010.json']);
    expect(statSync(join(directory, territoryId, files[0])).mode & 0o222).toBe(0);
  });

  it('never replaces a checkpoint: a second one for the same sequence leaves the first', async () => {
    const first = checkpoint('5', '2026-03-02T10:00:00.000Z');
    expect(await store.append(first)).toBe(true);
    expect(await store.append(checkpoint('5', '2026-03-02T11:00:00.000Z'))).toBe(false);
    expect((await store.list(territoryId)).map((stored) => stored.checkpoint)).toEqual([first]);
  });

  it('lists a file that is not a checkpoint, or one whose name and content disagree, as unreadable', async () => {
    await store.append(checkpoint('3'));
    const territoryDirectory = join(directory, territoryId);
    writeFileSync(join(territoryDirectory, '00000000000000000004.json'), 'pas un point de contrôle');
    writeFileSync(join(territoryDirectory, '00000000000000000007.json'), JSON.stringify(checkpoint('8')));
    writeFileSync(join(territoryDirectory, 'notes.txt'), 'ignoré');
    const listed = await store.list(territoryId);
    expect(listed.map(({ name, checkpoint }) => [name, checkpoint?.sequence])).toEqual([
      ['00000000000000000003.json', '3'],
      ['00000000000000000004.json', undefined],
      ['00000000000000000007.json', undefined],
    ]);
  });

  it('refuses a territory id that is not a uuid before it becomes a path', async () => {
    await expect(store.list('../../etc')).rejects.toThrow('Identifiant de territoire invalide.');
  });
});
