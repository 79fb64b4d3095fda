/**
 * Subscription periods as columns: one typed array per field and an interned table of customer
 * ids, instead of one object per period. This is the shape a million periods travel in: from the
 * import worker to the page (the typed arrays' buffers are transferred, not copied), into
 * IndexedDB and back (typed arrays clone as a memory copy), and into the movement engine (no date
 * parsing, no customer-id Map). `periodsToColumns` and `columnsToPeriods` (in `movements.ts` and
 * here) convert from and to `SubscriptionPeriod` objects.
 */
import { fromMinor, roundHalfAway, toMonthlyMinor, type BillingInterval } from './money.js';
import { isoDay } from './dates.js';
import { holdsAt, textOf, type TextSource } from './text-source.js';
import type { SubscriptionPeriod } from './movements.js';

/** `endDay` of a period that is still running. */
export const RUNNING = -1;

/**
 * Periods as columns; entry `i` of every array describes period `i`, for `i < length` (arrays may
 * be longer). Days are day keys (`monthIndex × 32 + day`, as `parseIsoDay` in `dates.ts` returns),
 * so `day >> 5` is the month index.
 */
export interface PeriodColumns {
  length: number;
  /** Customer ids, each once; `customer[i]` indexes this table. */
  customerIds: string[];
  customer: Int32Array;
  /** First day. */
  startDay: Int32Array;
  /** Day after the last day (exclusive), or {@link RUNNING}. */
  endDay: Int32Array;
  /** Monthly recurring revenue of the period in minor units of `currency`: amount × quantity,
   * converted from its billing interval and rounded (`toMonthlyMinor`). */
  monthlyMinor: Float64Array;
  /** ISO 4217 code (upper case). */
  currency: string;
}

/**
 * Monthly minor units of a price (`amount × quantity`, major units) billed every `intervalCount`
 * `interval`s: the price in minor units first (`factor` is 10^digits of the currency), then its
 * monthly equivalent, as `toMinor` and `toMonthlyMinor` round. The one rounding rule of the engine
 * and of the import.
 */
export function monthlyMinorOf(price: number, factor: number, interval: BillingInterval = 'month', intervalCount = 1): number {
  const minor = roundHalfAway(price * factor);
  return interval === 'month' && intervalCount === 1 ? minor : toMonthlyMinor(minor, interval, intervalCount);
}

/** True when `value` has the shape of {@link PeriodColumns} (typed arrays and a customer table). */
export function isPeriodColumns(value: unknown): value is PeriodColumns {
  const c = value as PeriodColumns | null;
  return (
    typeof c === 'object' &&
    c !== null &&
    !Array.isArray(c) &&
    typeof c.length === 'number' &&
    Array.isArray(c.customerIds) &&
    c.customer instanceof Int32Array &&
    c.startDay instanceof Int32Array &&
    c.endDay instanceof Int32Array &&
    c.monthlyMinor instanceof Float64Array
  );
}

/** Empty columns in `currency`. */
export function emptyColumns(currency = 'USD'): PeriodColumns {
  return {
    length: 0,
    customerIds: [],
    customer: new Int32Array(0),
    startDay: new Int32Array(0),
    endDay: new Int32Array(0),
    monthlyMinor: new Float64Array(0),
    currency: currency.toUpperCase(),
  };
}

/**
 * Appends periods into growable columns (capacity doubles), interning customer ids. `build()`
 * returns columns whose arrays are exactly `length` long, ready to transfer or store.
 */
export class PeriodColumnsBuilder {
  length = 0;
  readonly customerIds: string[] = [];
  private lastId = '';
  private lastCustomer = -1;
  private customer: Int32Array;
  private startDay: Int32Array;
  private endDay: Int32Array;
  private monthlyMinor: Float64Array;

  constructor(
    readonly currency: string,
    capacity = 1024,
  ) {
    const n = Math.max(16, capacity);
    this.customer = new Int32Array(n);
    this.startDay = new Int32Array(n);
    this.endDay = new Int32Array(n);
    this.monthlyMinor = new Float64Array(n);
  }

  /** Dense index of customer `id`, added to the table on first sight. */
  customerIndex(id: string): number {
    // Exports usually list a customer's periods together: a repeat needs no lookup.
    if (id === this.lastId && this.lastCustomer >= 0) return this.lastCustomer;
    return this.lookup(id, 0, id.length);
  }

  /**
   * {@link customerIndex} of `text.slice(start, end)`, read from a string or its UTF-8 bytes: the id
   * is cut out of the line (decoded) only when it is seen for the first time.
   */
  customerIndexAt(text: TextSource, start: number, end: number): number {
    const last = this.lastId;
    if (this.lastCustomer >= 0 && last.length === end - start && holdsAt(text, start, last)) return this.lastCustomer;
    return this.lookup(text, start, end);
  }

  /**
   * The id table: open addressing over the ids' FNV-1a hashes, read from the text in place (a
   * `Map` would need the id cut out as a string for every row; this table cuts it once, when new).
   * Slot `k` is two entries of `slots`: the hash of its id, then customer index + 1 (0: free). The
   * hash beside the index means a probe reads one cache line and touches an id only when the
   * hashes match (on a file in date order, where every row is a random place in a table larger
   * than the cache, each extra read was a miss). `hashes` keeps each customer's hash, for growing.
   */
  private slots = new Int32Array(1 << 13);
  private hashes = new Int32Array(1 << 11);

  private lookup(text: TextSource, start: number, end: number): number {
    let hash = 0x811c9dc5 | 0;
    if (typeof text === 'string') {
      for (let k = start; k < end; k++) hash = Math.imul(hash ^ text.charCodeAt(k), 0x01000193);
    } else {
      // Bytes hash as the string's code units only when all are ASCII: any other id is decoded first.
      let high = 0;
      for (let k = start; k < end; k++) {
        const b = text[k]!;
        high |= b;
        hash = Math.imul(hash ^ b, 0x01000193);
      }
      if (high >= 0x80) {
        const decoded = textOf(text, start, end);
        return this.lookup(decoded, 0, decoded.length);
      }
    }
    const ids = this.customerIds;
    const length = end - start;
    let slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    let slot = hash & mask;
    for (let taken = slots[2 * slot + 1]!; taken !== 0; taken = slots[2 * slot + 1]!) {
      if (slots[2 * slot] === hash) {
        const c = taken - 1;
        const id = ids[c]!;
        if (id.length === length && holdsAt(text, start, id)) {
          this.lastId = id;
          this.lastCustomer = c;
          return c;
        }
      }
      slot = (slot + 1) & mask;
    }
    const c = ids.length;
    const id =
      typeof text !== 'string' ? textOf(text, start, end) : start === 0 && end === text.length ? text : text.slice(start, end);
    ids.push(id);
    if (c === this.hashes.length) {
      const grown = new Int32Array(c * 2);
      grown.set(this.hashes);
      this.hashes = grown;
    }
    this.hashes[c] = hash;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = c + 1;
    if (ids.length * 4 > slots.length) {
      // Half full: twice the slots, every id placed again from its hash.
      slots = this.slots = new Int32Array(slots.length * 2);
      const grownMask = (slots.length >> 1) - 1;
      for (let k = 0; k < ids.length; k++) {
        const h = this.hashes[k]!;
        let at = h & grownMask;
        while (slots[2 * at + 1] !== 0) at = (at + 1) & grownMask;
        slots[2 * at] = h;
        slots[2 * at + 1] = k + 1;
      }
    }
    this.lastId = id;
    this.lastCustomer = c;
    return c;
  }

  /**
   * Makes room for `capacity` periods at once (a reader that knows the file's size reserves what it
   * expects): one allocation instead of doubling, each memory page written once.
   */
  reserve(capacity: number): void {
    const n = Math.floor(capacity);
    if (Number.isFinite(n) && n > this.customer.length) this.grow(n);
  }

  /** Appends one period; `endDay` is {@link RUNNING} while running. */
  append(customer: number, startDay: number, endDay: number, monthlyMinor: number): void {
    if (this.length === this.customer.length) this.grow(this.length * 2);
    const i = this.length++;
    this.customer[i] = customer;
    this.startDay[i] = startDay;
    this.endDay[i] = endDay;
    this.monthlyMinor[i] = monthlyMinor;
  }

  /**
   * Appends every period of `columns` (another builder's, read from a later part of the same file):
   * its customers interned here in the order of its table, so the table is the one a single builder
   * reading both would have made. Returns each of their customers' index here.
   */
  appendColumns(columns: PeriodColumns): Int32Array {
    const n = columns.length;
    const customers = new Int32Array(columns.customerIds.length);
    columns.customerIds.forEach((id, k) => (customers[k] = this.customerIndex(id)));
    this.reserve(this.length + n);
    const at = this.length;
    this.startDay.set(columns.startDay.subarray(0, n), at);
    this.endDay.set(columns.endDay.subarray(0, n), at);
    this.monthlyMinor.set(columns.monthlyMinor.subarray(0, n), at);
    const customer = this.customer;
    const theirs = columns.customer;
    for (let i = 0; i < n; i++) customer[at + i] = customers[theirs[i]!]!;
    this.length += n;
    return customers;
  }

  /** The columns so far as views of the builder's arrays (no copy), valid until the next append. */
  view(): PeriodColumns {
    const n = this.length;
    return {
      length: n,
      customerIds: this.customerIds,
      customer: this.customer.subarray(0, n),
      startDay: this.startDay.subarray(0, n),
      endDay: this.endDay.subarray(0, n),
      monthlyMinor: this.monthlyMinor.subarray(0, n),
      currency: this.currency.toUpperCase(),
    };
  }

  private grow(capacity: number): void {
    const grown = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.customer = grown(this.customer, (n) => new Int32Array(n));
    this.startDay = grown(this.startDay, (n) => new Int32Array(n));
    this.endDay = grown(this.endDay, (n) => new Int32Array(n));
    this.monthlyMinor = grown(this.monthlyMinor, (n) => new Float64Array(n));
  }

  /**
   * The columns, `length` long: the builder's own arrays when at most an eighth of their room is
   * unused (a reserved capacity that was close; copying would write every page again), else
   * copies trimmed to `length`. Either way the builder is done with them.
   */
  build(): PeriodColumns {
    const n = this.length;
    const keep = n > 0 && this.customer.length - n <= this.customer.length / 8;
    const cut = <T extends Int32Array | Float64Array>(a: T): T => (keep ? (a.subarray(0, n) as T) : (a.slice(0, n) as T));
    return {
      length: n,
      customerIds: this.customerIds,
      customer: cut(this.customer),
      startDay: cut(this.startDay),
      endDay: cut(this.endDay),
      monthlyMinor: cut(this.monthlyMinor),
      currency: this.currency.toUpperCase(),
    };
  }
}

/**
 * Periods as objects, for export and tests: `{ customerId, start, end, amount }` with the monthly
 * amount in major units (interval and quantity are already folded into it). Analysing the result
 * gives the same movements as analysing `columns`.
 */
export function columnsToPeriods(columns: PeriodColumns): SubscriptionPeriod[] {
  const { customerIds, customer, startDay, endDay, monthlyMinor, currency } = columns;
  const out = new Array<SubscriptionPeriod>(columns.length);
  // Every column holds `length` entries and every customer index is one of `customerIds`.
  for (let i = 0; i < columns.length; i++) {
    const end = endDay[i]!;
    out[i] = {
      customerId: customerIds[customer[i]!]!,
      start: isoDay(startDay[i]!),
      end: end === RUNNING ? null : isoDay(end),
      amount: fromMinor(monthlyMinor[i]!, currency),
    };
  }
  return out;
}

/** True when each customer's periods are consecutive, the customers in table order (as a builder makes them from a grouped file). */
export function groupedByCustomer(columns: PeriodColumns): boolean {
  const { customer } = columns;
  let next = 0;
  for (let i = 0; i < columns.length; i++) {
    const c = customer[i]!;
    if (c === next) next += 1;
    else if (c !== next - 1) return false;
  }
  return true;
}

/** Rows `from` … `to − 1` of `columns` (copies), sharing the customer table: a chunk to store. */
export function sliceColumns(columns: PeriodColumns, from: number, to: number): PeriodColumns {
  const end = Math.min(to, columns.length);
  return {
    length: Math.max(0, end - from),
    customerIds: columns.customerIds,
    customer: columns.customer.slice(from, end),
    startDay: columns.startDay.slice(from, end),
    endDay: columns.endDay.slice(from, end),
    monthlyMinor: columns.monthlyMinor.slice(from, end),
    currency: columns.currency,
  };
}

/** Joins chunks of one dataset (same customer table and currency) into one set of columns. */
export function concatColumns(chunks: readonly PeriodColumns[], customerIds: string[], currency: string): PeriodColumns {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out: PeriodColumns = {
    length: n,
    customerIds,
    customer: new Int32Array(n),
    startDay: new Int32Array(n),
    endDay: new Int32Array(n),
    monthlyMinor: new Float64Array(n),
    currency: currency.toUpperCase(),
  };
  let at = 0;
  for (const c of chunks) {
    out.customer.set(c.customer.subarray(0, c.length), at);
    out.startDay.set(c.startDay.subarray(0, c.length), at);
    out.endDay.set(c.endDay.subarray(0, c.length), at);
    out.monthlyMinor.set(c.monthlyMinor.subarray(0, c.length), at);
    at += c.length;
  }
  return out;
}
