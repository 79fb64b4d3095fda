/** Prospect columns by their common names, and a web address read as "has a website" (issue 16, item 6). */
import { describe, expect, it } from 'vitest';
import { type Icp, readIcpBoolean, STARTER_ICP } from '../../src/core/icp.js';
import { guessProspectMapping, scoreAll } from '../../src/icp/scoring.js';

/** The starter's fields and the component starter's website, location and rating. */
const ICP: Icp = {
  criteria: [
    ...STARTER_ICP.criteria,
    { id: 'web', field: 'hasWebsite', type: 'boolean', weight: 1, ideal: [true], acceptable: [], disqualify: [false] },
    { id: 'loc', field: 'location', type: 'category', weight: 1, ideal: ['Lyon'], acceptable: [], disqualify: [] },
    { id: 'rat', field: 'rating', type: 'number', weight: 1, ideal: [{ min: 4 }], acceptable: [], disqualify: [] },
  ],
};

describe('guessProspectMapping: common column names', () => {
  it('maps website, google_reviews, employees_count, category, city and google_rating to the starter fields', () => {
    const headers = ['name', 'website', 'google_reviews', 'employees_count', 'category', 'city', 'google_rating'];
    const m = guessProspectMapping(ICP, headers);
    expect(m.hasWebsite).toBe('website');
    expect(m.reviewCount).toBe('google_reviews');
    expect(m.employees).toBe('employees_count');
    expect(m.industry).toBe('category');
    expect(m.location).toBe('city');
    expect(m.rating).toBe('google_rating');
  });

  it('a column named as the field wins over a common name; `reviews` alone feeds the review count', () => {
    expect(guessProspectMapping(ICP, ['reviews', 'reviewCount']).reviewCount).toBe('reviewCount');
    expect(guessProspectMapping(ICP, ['Reviews']).reviewCount).toBe('Reviews');
  });

  it('one column feeds one field only', () => {
    const m = guessProspectMapping(ICP, ['website']);
    expect(Object.values(m).filter((h) => h === 'website')).toHaveLength(1);
  });
});

describe('readIcpBoolean: a web address', () => {
  it('reads as yes (the prospect has one); other text stays unreadable', () => {
    for (const url of ['https://acme.example/contact', 'www.acme.com', 'acme-dental.com', 'Shop.co.uk/'])
      expect(readIcpBoolean(url), url).toBe(true);
    for (const text of ['1.5', 'maybe', 'acme dental', '12.50']) expect(readIcpBoolean(text), text).toBe(undefined);
  });

  it('scores a website column of addresses as known', () => {
    const scores = scoreAll(ICP, { headers: ['website'], rows: [['https://a.example'], ['']] });
    const c = scores.criteria.indexOf('web');
    const n = scores.criteria.length;
    expect(scores.matches[c]).not.toBe(0);
    expect(scores.matches[n + c]).toBe(0);
  });
});
