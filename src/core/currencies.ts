/**
 * ISO 4217 currency codes. `Intl` formats any three letters (`XYZ`) without complaint, so a code
 * is accepted only when it is in the runtime's list of supported currencies
 * (`Intl.supportedValuesOf('currency')`), or in a short fallback list on runtimes without it.
 */
const FALLBACK =
  'AED AUD BRL CAD CHF CNY CZK DKK EGP EUR GBP HKD ILS INR JOD JPY KRW KWD MAD MXN NOK NZD PLN QAR SAR SEK SGD TND TRY USD ZAR';

let known: Set<string> | undefined;

/** The ISO 4217 codes the runtime knows, upper case. */
export function currencyCodes(): Set<string> {
  if (known) return known;
  let list: string[] = FALLBACK.split(' ');
  try {
    const supported = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('currency');
    if (supported && supported.length > 0) list = supported;
  } catch {
    // keep the fallback list
  }
  known = new Set(list.map((c) => c.toUpperCase()));
  return known;
}

/** True for an ISO 4217 code the runtime knows (`EUR`, `jpy`); false for `XYZ`, `garbage!`, ''. */
export function isIsoCurrency(code: unknown): code is string {
  return typeof code === 'string' && /^[A-Za-z]{3}$/.test(code) && currencyCodes().has(code.toUpperCase());
}
