import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectDateFormat, parseDateCell, readDay } from '../../src/import/dates.js';
import { isoDay, parseIsoDay } from '../../src/core/dates.js';
import { analyzeSubscriptions } from '../../src/core/movements.js';
import { streamImport } from '../../src/import/stream.js';
import { guessMapping } from '../../src/import/mapping.js';

describe('parseDateCell', () => {
  it('reads ISO days, slashes and date-times as UTC days', () => {
    expect(parseDateCell('2024-03-04')).toBe('2024-03-04');
    expect(parseDateCell(' 2024/3/4 ')).toBe('2024-03-04');
    expect(parseDateCell('2024-03-04T10:00:00Z')).toBe('2024-03-04');
    expect(parseDateCell('2024-03-04 10:00')).toBe('2024-03-04');
    expect(parseDateCell('2024-03-04T10:00:00.123Z')).toBe('2024-03-04');
  });
  it('converts an offset to the UTC day', () => {
    expect(parseDateCell('2024-03-04T23:30:00-02:00')).toBe('2024-03-05');
    expect(parseDateCell('2024-03-04T00:30:00+01:00')).toBe('2024-03-03');
  });
  it('reads Unix timestamps in seconds and milliseconds', () => {
    expect(parseDateCell('1709546400')).toBe('2024-03-04');
    expect(parseDateCell('1709546400000')).toBe('2024-03-04');
  });
  it('reads day/month and month/day only when told which', () => {
    expect(parseDateCell('03/04/2024')).toBeNull();
    expect(parseDateCell('03/04/2024', 'dmy')).toBe('2024-04-03');
    expect(parseDateCell('03/04/2024', 'mdy')).toBe('2024-03-04');
    expect(parseDateCell('25.12.2023', 'dmy')).toBe('2023-12-25');
    expect(parseDateCell('12/25/23 3:15 PM', 'mdy')).toBe('2023-12-25');
    expect(parseDateCell('25/12/2023', 'mdy')).toBeNull();
  });
  it('refuses what is not a calendar day', () => {
    for (const s of ['', '2023-02-29', '2024-13-01', '2024-00-10', 'yesterday', '2024-3', '12345']) {
      expect(parseDateCell(s, 'dmy')).toBeNull();
    }
    expect(parseDateCell('2024-02-29')).toBe('2024-02-29');
  });
});

describe('detectDateFormat', () => {
  it('recognizes ISO and Unix samples', () => {
    expect(detectDateFormat(['2024-01-01', '', '2024-02-03 10:00'])).toBe('iso');
    expect(detectDateFormat(['1709546400', '1709546401'])).toBe('unix');
  });
  it('settles dmy by a first part above 12 and mdy by a second part above 12', () => {
    expect(detectDateFormat(['03/04/2024', '25/04/2024'])).toBe('dmy');
    expect(detectDateFormat(['03/04/2024', '04/25/2024'])).toBe('mdy');
  });
  it('asks when every sample could be either', () => {
    expect(detectDateFormat(['03/04/2024', '01/02/2024', '12/12/2024'])).toBe('ambiguous');
  });
  it('says unknown for contradictions and non-dates', () => {
    expect(detectDateFormat(['25/04/2024', '04/25/2024'])).toBe('unknown');
    expect(detectDateFormat(['soon'])).toBe('unknown');
    expect(detectDateFormat([])).toBe('unknown');
  });
});

describe('one date reader, one time-zone rule', () => {
  it('the engine and the import read a date-time with an offset as the same UTC day', () => {
    expect(isoDay(parseIsoDay('2024-03-04T23:30:00-02:00'))).toBe('2024-03-05');
    expect(isoDay(parseIsoDay('2024-03-04T00:30:00+01:00'))).toBe('2024-03-03');
    expect(isoDay(parseIsoDay('2024-03-04T10:00:00Z'))).toBe('2024-03-04');
    expect(isoDay(parseIsoDay('2024-03-04 10:00'))).toBe('2024-03-04');
    expect(parseIsoDay('2024-03-04Tnope')).toBe(-1);
  });

  it('any ISO date-time reads to the same day in the core and in the import, and to what Date says in UTC', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }),
        fc.integer({ min: -12 * 60, max: 14 * 60 }).map((m) => m - (m % 15)),
        fc.constantFrom('T', ' '),
        (ms, offsetMin, sep) => {
          const local = new Date(ms + offsetMin * 60000).toISOString().slice(0, 19).replace('T', sep);
          const sign = offsetMin < 0 ? '-' : '+';
          const abs = Math.abs(offsetMin);
          const text = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const utcDay = new Date(ms).toISOString().slice(0, 10);
          expect(isoDay(parseIsoDay(text)), text).toBe(utcDay);
          expect(parseDateCell(text), text).toBe(utcDay);
          expect(readDay(text), text).toBe(parseIsoDay(utcDay));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('a period object and a CSV row with the same date-time start in the same month', async () => {
    const start = '2024-01-31T22:00:00-05:00'; // February 1st in UTC
    const engine = analyzeSubscriptions([{ customerId: 'a', start, amount: 10 }], { asOf: '2024-03' });
    const imported = await streamImport(
      `customer_id,start_date,monthly_amount\na,${start},10\n`,
      guessMapping(['customer_id', 'start_date', 'monthly_amount']),
    );
    expect(engine.movements[0]?.month).toBe('2024-02');
    expect(imported.analysis?.movements[0]?.month).toBe('2024-02');
  });
});
