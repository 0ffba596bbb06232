// A file of millions of blank lines (a 51 KB ZIP inflates to 50 MB of them) costs no database call per line, so
// without turns of the event loop it was read in one go while every other request waited (SECURITY.md).
import { describe, expect, it } from 'vitest';
import { TextFileReader } from '../src/imports/text-file-reader.ts';
import type { Problem, RecordSink } from '../src/imports/upload-sink.ts';

/** Counts turns of the event loop until stopped: a self-renewing setImmediate runs once per turn, never more. */
function countTurns() {
  let turns = 0;
  let running = true;
  const tick = () => {
    if (!running) return;
    turns++;
    setImmediate(tick);
  };
  setImmediate(tick);
  return {
    stop: () => {
      running = false;
      return turns;
    },
  };
}

function collectingSink() {
  const records: number[] = [];
  const problems: Problem[] = [];
  const sink: RecordSink = {
    header: async () => true,
    record: async (_file, _entity, line) => {
      records.push(line);
    },
    problem: async (p) => {
      problems.push(p);
    },
  };
  return { sink, records, problems };
}

describe('reading a file of blank lines', () => {
  it('lets the event loop run while it reads, and still reads the rows after them', async () => {
    const { sink, records } = collectingSink();
    const reader = new TextFileReader('production.csv', 'production', 'csv', sink);
    const blank = '\n'.repeat(2_000_000);
    const text = `country,stage,material,year,quantity,unit,basis,source_id,status\n${blank}CHN,mining,REE,2024,1,t,gross,s,verified\n`;

    const turns = countTurns();
    await reader.push(new TextEncoder().encode(text));
    await reader.end();
    const taken = turns.stop();
    // One turn per thousand lines at least; reading in one go leaves this at 0 or 1.
    expect(taken).toBeGreaterThanOrEqual(1_000);
    expect(records).toEqual([2_000_002]);
  });

  it('takes turns on JSON too', async () => {
    const { sink, records } = collectingSink();
    const reader = new TextFileReader('production.json', 'production', 'json', sink);
    const text = `[${'{"country":"CHN"},'.repeat(20_000)}{"country":"JPN"}]`;
    const turns = countTurns();
    await reader.push(new TextEncoder().encode(text));
    await reader.end();
    const taken = turns.stop();
    expect(taken).toBeGreaterThanOrEqual(10);
    expect(records).toHaveLength(20_001);
  });
});
