import {
  packageEconomics,
  type PackageDesign,
  type PackageEconomics,
  type PackageFieldIssue,
  validatePackageDesign,
} from '../../src/core/packages.js';

/** What the table can show: a design with its economics, or why it cannot. */
export type PricingSource =
  | { kind: 'design'; design: PackageDesign; result: PackageEconomics }
  | { kind: 'invalidJson' }
  | { kind: 'invalid'; issues: PackageFieldIssue[] }
  | { kind: 'loading' }
  | { kind: 'none' };

/** The saved record of `<mrr-package-designer>` (`package-designer:<storage-key>`): its design beside its inputs. */
export interface SavedDesigner {
  design?: unknown;
}

/** Validates a design from any source (a property, parsed JSON, storage) and computes it. */
export function readDesign(data: unknown): PricingSource {
  const issues = validatePackageDesign(data);
  if (issues.length) return { kind: 'invalid', issues };
  const design = data as PackageDesign;
  try {
    return { kind: 'design', design, result: packageEconomics(design) };
  } catch {
    return { kind: 'invalid', issues: [{ field: '', code: 'invalid' }] };
  }
}

/** Parses the text of a `<script type="application/json">`; bad JSON is a state, never a throw. */
export function readJson(text: string): PricingSource {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'invalidJson' };
  }
  return readDesign(data);
}

/** The design saved by the package designer under `key`; none when storage is missing or empty. */
export async function loadSavedDesign(key: string): Promise<PricingSource> {
  try {
    const { loadState } = await import('../../src/storage/db.js');
    const record = await loadState<SavedDesigner>(`package-designer:${key}`);
    const design = record?.data?.design;
    return design === undefined ? { kind: 'none' } : readDesign(design);
  } catch {
    return { kind: 'none' };
  }
}
