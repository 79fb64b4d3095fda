/**
 * The designer's reader of `config.defaults.catalog` and `.tiers`, loaded on demand by the shared
 * settings reader (src/config/settings.ts) when a designer is given larger defaults. It imports
 * only the core: importing the designer's own modules would split them out of its first file (a
 * cost on every page that shows it); the conversion to inputs comes from the element's class.
 */
import { type PackageDesign, validatePackageDesign } from '../../src/core/packages.js';
import type { LargerDefaultsReader } from '../../src/config/settings.js';
import type { DesignerInputs } from './state.js';

/** What the reader needs of the designer. */
export interface DesignerParts {
  currency: string;
  /** A design as typed inputs (defaults.ts `inputsFromDesign`, numbers in the element's locale; at most the designer's tiers). */
  toInputs: (design: PackageDesign) => DesignerInputs;
}

/**
 * The larger defaults a configuration may give (`config.defaults.catalog` and `.tiers`, the core's
 * `CatalogProduct[]` and `PackageTier[]`): read together as a design in `currency`, checked with the
 * core's schema (`validatePackageDesign`; product ids unique; no more tiers than the designer
 * holds), and given as typed inputs. Tiers name the catalogue's products: they need it, and a
 * refused catalogue (or the user's own, edited or saved) refuses them too.
 */
export function designerConfigDefaults(
  given: Record<string, unknown>,
  kept: (field: string) => boolean,
  { currency, toInputs }: DesignerParts,
): { inputs: Partial<DesignerInputs>; refused: string[] } {
  const refused = Object.keys(given).filter((k) => k !== 'catalog' && k !== 'tiers');
  const hasTiers = 'tiers' in given;
  if (!('catalog' in given)) return { inputs: {}, refused: hasTiers ? [...refused, 'tiers'] : refused };
  const catalog = given['catalog'];
  const tiers = hasTiers ? given['tiers'] : [];
  const issues = validatePackageDesign({ currency, catalog, tiers });
  const ids = Array.isArray(catalog) ? catalog.map((p) => (p as { id?: unknown }).id) : [];
  const catalogOk = !issues.some((i) => i.field.startsWith('catalog') || i.field === '') && new Set(ids).size === ids.length;
  if (!catalogOk) return { inputs: {}, refused: [...refused, 'catalog', ...(hasTiers ? ['tiers'] : [])] };
  let tiersOk = !issues.some((i) => i.field.startsWith('tiers'));
  const read = toInputs({ currency, catalog, tiers: tiersOk ? tiers : [] } as PackageDesign);
  // More tiers than the designer holds are cut by the conversion: refused rather than cut.
  if (tiersOk && read.tiers.length < (tiers as unknown[]).length) tiersOk = false;
  if (hasTiers && !tiersOk) refused.push('tiers');
  // The user's own catalogue (edited or saved) stays, and the configured tiers are not given with it.
  if (kept('catalog')) return { inputs: {}, refused };
  const inputs: Partial<DesignerInputs> = { catalog: read.catalog };
  if (hasTiers && tiersOk) inputs.tiers = read.tiers;
  return { inputs, refused };
}

/** The reader of `host` (a `<mrr-package-designer>`), as the settings reader calls it. */
export function readerFor(host: HTMLElement): LargerDefaultsReader {
  const el = host as HTMLElement & { currency: string; i18n: { number(n: number, digits: number): string } };
  const designer = host.constructor as unknown as { toInputs: (d: PackageDesign, fmt: (n: number) => string) => DesignerInputs };
  return (given, kept) =>
    designerConfigDefaults(given, kept, {
      currency: el.currency,
      toInputs: (d) => designer.toInputs(d, (n) => el.i18n.number(n, 6)),
    });
}
