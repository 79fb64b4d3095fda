import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../src/core/config.js';
import { dataLayerEntry } from '../../src/data-layer.js';

describe('validateConfig: every shared field on its own', () => {
  it('keeps the valid fields (trimmed) and reports each invalid one by its path', () => {
    const { config, issues } = validateConfig({
      brandName: '  Acme  ',
      theme: 'dark',
      headingLevel: 7,
      dataLayer: 'yes',
      currency: 'eur',
      locale: 'fr-CA',
      leads: {
        endpoint: 'https://crm.example.com/leads',
        consentText: ' ',
        fields: [{ name: 'phone', label: 'Phone', type: 'tel' }],
      },
      defaults: { clients: 4 },
      tiers: [],
    });
    expect(config).toEqual({
      brandName: 'Acme',
      theme: 'dark',
      currency: 'eur',
      locale: 'fr-CA',
      leads: { endpoint: 'https://crm.example.com/leads', fields: [{ name: 'phone', label: 'Phone', type: 'tel' }] },
      defaults: { clients: 4 },
    });
    expect(issues).toEqual([
      { field: 'headingLevel', code: 'invalid' },
      { field: 'dataLayer', code: 'invalid' },
      { field: 'leads.consentText', code: 'invalid' },
    ]);
  });

  it('refuses endpoints that are not http(s) or a path of the page', () => {
    for (const endpoint of ['javascript:alert(1)', '//evil.example', 'ftp://x', 'data:,x', 'https://', ' ']) {
      expect(validateConfig({ leads: { endpoint } }).issues, endpoint).toEqual([{ field: 'leads.endpoint', code: 'invalid' }]);
    }
    for (const endpoint of ['/leads', './leads', 'http://127.0.0.1:8787/leads', 'https://crm.example.com/x?y=1']) {
      expect(validateConfig({ leads: { endpoint } }).config.leads?.endpoint, endpoint).toBe(endpoint);
    }
  });

  it('refuses a bare word (a host written without its scheme would be read as a path): "leads", "crm.example/in"', () => {
    for (const endpoint of ['leads', 'crm.example.com/leads', '///x'])
      expect(validateConfig({ leads: { endpoint } }).issues, endpoint).toEqual([{ field: 'leads.endpoint', code: 'invalid' }]);
  });

  it('a leads object whose fields are all refused is kept empty (capture stays on, without the refused values)', () => {
    expect(validateConfig({ leads: { endpoint: '//evil.example' } })).toEqual({
      config: { leads: {} },
      issues: [{ field: 'leads.endpoint', code: 'invalid' }],
    });
  });

  it('leads.minFillMs: a number of milliseconds from 0 to 3000 (the minimum fill time is at most 3 s)', () => {
    for (const ms of [0, 1500, 3000]) expect(validateConfig({ leads: { minFillMs: ms } }).config.leads?.minFillMs).toBe(ms);
    for (const ms of [-1, 3001, 60_000, '2000', Number.NaN])
      expect(validateConfig({ leads: { minFillMs: ms } }).issues, String(ms)).toEqual([
        { field: 'leads.minFillMs', code: 'invalid' },
      ]);
  });

  it('lead fields: named once each, 10 at most, known input types', () => {
    const field = (name: string) => ({ name, label: name });
    expect(validateConfig({ leads: { fields: [field('a'), field('a')] } }).issues).toHaveLength(1);
    expect(validateConfig({ leads: { fields: Array.from({ length: 11 }, (_, i) => field(`f${i}`)) } }).issues).toHaveLength(1);
    expect(validateConfig({ leads: { fields: [{ ...field('a'), type: 'password' }] } }).issues).toHaveLength(1);
    expect(validateConfig({ leads: 'x' }).issues).toEqual([{ field: 'leads', code: 'invalid' }]);
  });

  it('nothing given: nothing to say; not an object: one issue', () => {
    expect(validateConfig(undefined)).toEqual({ config: {}, issues: [] });
    expect(validateConfig([1]).issues).toEqual([{ field: '', code: 'invalid' }]);
  });
});

describe('dataLayerEntry: no personal data', () => {
  const event = (type: string, detail: unknown) => new CustomEvent(type, { detail });

  it('a lead gives its id and consent, never its fields or its consent text', () => {
    const entry = dataLayerEntry(
      event('mrr-lead', {
        leadId: 'id-1',
        consent: { accepted: true, text: 'I, Ada, agree' },
        fields: { name: 'Ada', email: 'ada@example.com' },
        result: { note: 'ada@example.com', mrr: 5 },
        pageUrl: 'https://agency.example/?email=ada@example.com',
      }),
      'mrr-calculator',
    );
    expect(entry).toEqual({ event: 'mrr-lead', mrrElement: 'mrr-calculator', leadId: 'id-1', consent: true });
  });

  it('a change gives only numbers and yes/no values', () => {
    const entry = dataLayerEntry(
      event('mrr-change', {
        summary: { endingMrr: 10, label: 'Ada' },
        segments: [{ name: 'x' }],
        ok: true,
        event: 'spoof',
        mrrElement: 'spoof',
      }),
      'mrr-unit-economics',
    );
    expect(entry).toEqual({ event: 'mrr-change', mrrElement: 'mrr-unit-economics', summary: { endingMrr: 10 }, ok: true });
  });
});
