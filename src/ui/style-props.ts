import { noChange } from 'lit';
import { Directive, directive, PartType, type ElementPart, type PartInfo } from 'lit/directive.js';

/** CSS properties by their CSS names (`background`, `--mrr-x`); undefined or null removes one. */
export type StyleProps = Readonly<Record<string, string | undefined | null>>;

/**
 * Sets inline styles through the CSSOM (`element.style.setProperty`), never a `style` attribute:
 * a host page whose Content-Security-Policy has no `'unsafe-inline'` for styles (`default-src
 * 'self'`) refuses style attributes, and Lit's `styleMap` writes one on its first render. Goes on
 * the element itself: `<td ${styleProps({ background: colour })}>`.
 */
class StylePropsDirective extends Directive {
  private previous: readonly string[] = [];

  constructor(info: PartInfo) {
    super(info);
    if (info.type !== PartType.ELEMENT) throw new Error('styleProps() goes on an element: <td ${styleProps({...})}>');
  }

  render(_props: StyleProps): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [props]: [StyleProps]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.previous) if (!(name in props)) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) {
      if (value === undefined || value === null) style.removeProperty(name);
      else style.setProperty(name, value);
    }
    this.previous = Object.keys(props);
    return noChange;
  }
}

export const styleProps = directive(StylePropsDirective);
