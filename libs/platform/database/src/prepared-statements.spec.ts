import { preparedStatementName } from './prepared-statements';

describe('preparedStatementName', () => {
  it('names only texts that open with the marker, by marker and hash of the whole text', () => {
    const text = '/* prepared:scope */ SELECT 1';
    expect(preparedStatementName(text)).toMatch(/^scope-[A-Za-z0-9_-]{16}$/);
    expect(preparedStatementName(text)).toBe(preparedStatementName(text));
    expect(preparedStatementName('/* prepared:scope */ SELECT 2')).not.toBe(preparedStatementName(text));
    expect(preparedStatementName('SELECT 1 /* prepared:scope */')).toBeNull();
    expect(preparedStatementName('/* other */ SELECT 1')).toBeNull();
    expect(preparedStatementName('SELECT 1')).toBeNull();
  });

  it('stays within the 63 bytes Postgres keeps of a name', () => {
    const name = preparedStatementName(`/* prepared:${'x'.repeat(80)} */ SELECT 1`);
    expect(name).toMatch(/^x{40}-/);
    expect(Buffer.byteLength(name!)).toBeLessThanOrEqual(63);
  });
});
