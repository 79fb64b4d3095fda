import type { FieldErrors } from '../../src/controllers/form-controller.js';
import type { L } from './fields.js';
import type { DesignerKey } from './messages.js';
import type { DesignerResult } from './read.js';
import type { DesignerInputs, ProductInput, TierInput } from './state.js';

/** What the section renderers get from the element: the state to show and the edits they may make. */
export interface View {
  i18n: L;
  t: (key: DesignerKey, params?: Record<string, string | number>) => string;
  inputs: DesignerInputs;
  errors: FieldErrors;
  /** The last valid result (possibly stale: see `stale`). */
  result?: DesignerResult;
  stale: boolean;
  currency: string;
  /** Money in major units, exact to the minor unit. */
  money: (major: number) => string;
  /** A product's name as shown (its words, else "Product n"). */
  productLabel: (p: ProductInput) => string;
  /** A tier's name as shown (its name, else "Tier n"). */
  tierLabel: (tier: TierInput) => string;
  edit: (patch: Partial<DesignerInputs>, field: string) => void;
  editProduct: (key: string, patch: Partial<ProductInput>, field: string) => void;
  editTier: (id: string, patch: Partial<TierInput>, field: string) => void;
  addProduct: () => void;
  removeProduct: (key: string) => void;
  addTier: () => void;
  removeTier: (id: string) => void;
  /** Tier whose canvas is open. */
  canvasTier: string;
  selectCanvasTier: (id: string) => void;
  focus: (id: string) => void;
  /** What the last pull from the ICP did, in words. */
  icpMessage: string;
  /** Adds the saved ICP's pains and gains to the tier's canvas. */
  pullFromIcp: (tierId: string) => void;
}
