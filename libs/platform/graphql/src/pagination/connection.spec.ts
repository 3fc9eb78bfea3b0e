import { pageOf } from './connection';
import { decodeCursor, encodeCursor } from './cursor';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SHAPE = [(value: string) => DAY.test(value), (value: string) => value.length > 0];

describe('cursors', () => {
  it('give back the sort key they were made from', () => {
    expect(decodeCursor(encodeCursor(['2026-03-10', 'a1']), SHAPE)).toEqual(['2026-03-10', 'a1']);
  });

  it('refuse what they did not write, or a key of another shape', () => {
    expect(decodeCursor('pas un curseur', SHAPE)).toBeNull();
    expect(decodeCursor(encodeCursor(['2026-03-10']), SHAPE)).toBeNull();
    expect(decodeCursor(encodeCursor(['10/03/2026', 'a1']), SHAPE)).toBeNull();
    expect(decodeCursor(Buffer.from('{"a":1}').toString('base64url'), SHAPE)).toBeNull();
    expect(decodeCursor(Buffer.from('[1,2]').toString('base64url'), SHAPE)).toBeNull();
  });
});

describe('a page read with one row more than asked', () => {
  const rows = ['a', 'b', 'c'].map((id, index) => ({ id, day: `2026-03-1${index}` }));
  const page = (read: typeof rows, first: number) =>
    pageOf(
      read,
      first,
      (row) => [row.day, row.id],
      (row) => row.id,
    );

  it('says more follow, and ends on the last row it shows', () => {
    const first = page(rows, 2);
    expect(first.edges.map((edge) => edge.node)).toEqual(['a', 'b']);
    expect(first.pageInfo).toEqual({ hasNextPage: true, endCursor: first.edges[1].cursor });
    expect(decodeCursor(first.pageInfo.endCursor!, SHAPE)).toEqual(['2026-03-11', 'b']);
  });

  it('gives each edge the cursor of its own row, read as often as asked', () => {
    const shown = page(rows, 3).edges;
    for (let reading = 0; reading < 2; reading += 1)
      expect(shown.map((edge) => decodeCursor(edge.cursor, SHAPE))).toEqual(
        rows.map((row) => [row.day, row.id]),
      );
  });

  it('says nothing follows when the extra row is missing, and has no cursor when empty', () => {
    expect(page(rows, 3).pageInfo.hasNextPage).toBe(false);
    expect(page([], 3)).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });
});
