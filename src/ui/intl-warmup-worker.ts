/**
 * The Intl warm-up worker (src/ui/intl-warmup.ts): builds the engine's number-format and plural
 * tables, which the whole process then shares, and says it is done. A file of its own (Vite emits
 * it to dist/assets), not a `blob:` URL: a host's `default-src 'self'` allows it.
 */
new Intl.NumberFormat('en', { style: 'currency', currency: 'USD' }).format(1);
new Intl.PluralRules('en').select(1);
(self as unknown as { postMessage(message: unknown): void }).postMessage(0);

export {};
