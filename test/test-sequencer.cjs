// @ts-check
const Sequencer = require('@jest/test-sequencer').default;

/**
 * The order Jest hands test files to its two workers. A browser file mostly waits (on Chromium, the
 * api and Postgres) while an end-to-end file keeps a core busy: alternating them keeps both cores
 * working, where two browser files side by side leave one idle. The longest kinds go first and unit
 * tests last, so the run does not end with one worker alone on a long file. Within a kind, Jest's
 * own order (files that failed last time, then the longest last time, else the largest).
 */
class RelaisSequencer extends Sequencer {
  /** @param {import('@jest/test-result').Test[]} tests */
  sort(tests) {
    const ordered = /** @type {import('@jest/test-result').Test[]} */ (super.sort(tests));
    const browser = ordered.filter((test) => /\/test\/browser\//.test(test.path));
    const endToEnd = ordered.filter((test) => !browser.includes(test) && /\.e2e-spec\.ts$/.test(test.path));
    const rest = ordered.filter((test) => !browser.includes(test) && !endToEnd.includes(test));
    const alternated = [];
    for (let index = 0; index < Math.max(browser.length, endToEnd.length); index += 1) {
      if (index < browser.length) alternated.push(browser[index]);
      if (index < endToEnd.length) alternated.push(endToEnd[index]);
    }
    return [...alternated, ...rest];
  }
}

module.exports = RelaisSequencer;
