import { describe, expect, it } from 'vitest';
import { guessMapping, normalizeHeader, validateMapping } from '../../src/import/mapping.js';

describe('guessMapping', () => {
  it('maps the plain dbt playbook header, amount monthly', () => {
    const m = guessMapping(['subscription_id', 'customer_id', 'start_date', 'end_date', 'monthly_amount']);
    expect(m).toMatchObject({
      customerId: 'customer_id',
      start: 'start_date',
      end: 'end_date',
      amount: 'monthly_amount',
      interval: null,
      status: null,
      amountIsMonthly: true,
      amountInMinorUnits: false,
    });
  });

  it("maps Stripe's subscription export", () => {
    const headers = [
      'id',
      'Customer ID',
      'Customer Description',
      'Customer Email',
      'Plan',
      'Quantity',
      'Currency',
      'Interval',
      'Amount',
      'Status',
      'Created (UTC)',
      'Start Date (UTC)',
      'Current Period Start (UTC)',
      'Current Period End (UTC)',
      'Trial Start (UTC)',
      'Trial End (UTC)',
      'Canceled At (UTC)',
      'Ended At (UTC)',
      'Plan Interval',
      'Plan Interval Count',
      'Plan Amount',
    ];
    const m = guessMapping(headers);
    expect(m).toEqual({
      customerId: 'Customer ID',
      start: 'Start Date (UTC)',
      end: 'Ended At (UTC)',
      amount: 'Plan Amount',
      interval: 'Plan Interval',
      intervalCount: 'Plan Interval Count',
      quantity: 'Quantity',
      currency: 'Currency',
      status: 'Status',
      trialEnd: 'Trial End (UTC)',
      amountIsMonthly: false,
      amountInMinorUnits: false,
    });
  });

  it('uses synonyms and prefers a column with values over an empty one', () => {
    const m = guessMapping(['Customer', 'Client', 'Begin', 'Churn Date', 'MRR'], [['', 'k1', '2024-01-01', '', '10']]);
    expect(m.customerId).toBe('Client');
    expect(m.start).toBe('Begin');
    expect(m.end).toBe('Churn Date');
    expect(m.amount).toBe('MRR');
    expect(m.amountIsMonthly).toBe(true);
  });

  it('does not take a trial start for the start date', () => {
    const m = guessMapping(['account', 'Trial Start', 'price']);
    expect(m.start).toBeNull();
    expect(m.customerId).toBe('account');
    expect(validateMapping(m)).toEqual([{ field: 'start', code: 'required' }]);
  });

  it('normalizes headers', () => {
    expect(normalizeHeader('\uFEFFStart Date (UTC)')).toBe('start date');
    expect(normalizeHeader('customer_id')).toBe('customer id');
  });
});

describe('validateMapping', () => {
  it('requires customer, start and amount, known columns, each used once', () => {
    const m = guessMapping(['customer_id', 'start_date', 'monthly_amount']);
    expect(validateMapping(m, ['customer_id', 'start_date', 'monthly_amount'])).toEqual([]);
    expect(validateMapping({ ...m, amount: null })).toEqual([{ field: 'amount', code: 'required' }]);
    expect(validateMapping({ ...m, end: 'nope' }, ['customer_id', 'start_date', 'monthly_amount'])).toEqual([
      { field: 'end', code: 'unknownColumn' },
    ]);
    expect(validateMapping({ ...m, end: 'start_date' })).toEqual([{ field: 'end', code: 'duplicateColumn' }]);
  });
});
