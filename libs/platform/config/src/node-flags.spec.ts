import { API_NODE_FLAGS, withApiNodeFlags } from './node-flags';

describe('withApiNodeFlags', () => {
  it('adds the api’s flags after those already given, or alone', () => {
    expect(withApiNodeFlags(' --enable-source-maps ')).toBe(
      ['--enable-source-maps', ...API_NODE_FLAGS].join(' '),
    );
    expect(withApiNodeFlags(undefined)).toBe(API_NODE_FLAGS.join(' '));
  });
});
