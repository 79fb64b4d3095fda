/**
 * Events of MRR Kit elements: typed classes, bubbling and composed (they cross shadow roots to the
 * host page), fired only on user action — never when a property is set from code.
 */
export class MrrEvent<T> extends CustomEvent<T> {
  constructor(type: string, detail: T) {
    super(type, { detail, bubbles: true, composed: true });
  }
}
