// The embed bench's host page: an agency's plain page with one element (what it holds and when
// its main content counts as drawn), shared by embed.bench.mjs and trace-embed.mjs.

/** The designer's "Export for the pricing table" for a good / better / best design (README's form). */
export const PRICING = {
  v: 1,
  currency: 'EUR',
  annualDiscountPct: 15,
  tiers: [
    ['good', 'Good', 150, false, ['More 5-star reviews', 'A listing that converts', 'Monthly report']],
    [
      'better',
      'Better',
      390,
      true,
      ['More 5-star reviews', 'A listing that converts', 'Local ads that pay back', 'Monthly call'],
    ],
    ['best', 'Best', 790, false, ['Everything in Better', 'A site that books clients', 'Email campaigns', 'Weekly call']],
  ].map(([id, name, price, highlighted, outcomes]) => ({
    id,
    name,
    highlighted,
    outcomes,
    cta: { label: 'Start', href: `/signup?plan=${id}` },
    month: { price, listValue: Math.round(price * 1.2), setupFee: 0 },
    year: { price: price * 12 * 0.85, perMonth: price * 0.85, savings: price * 12 * 0.15 },
  })),
};

/**
 * Per element: what the host page holds and when its main content counts as drawn (a test on the
 * element's shadow root, `r`). Every element gets `storage-key=""` (saves and restores nothing, so
 * runs share no IndexedDB state) and shows what it shows a first visitor: its example figures or
 * starter design; movements its built-in example dataset (`example`: without data it shows only
 * the import panel); the pricing table three tiers in a child script (with none it shows "no plans").
 */
export const SETUPS = {
  'mrr-calculator': {
    markup: '<mrr-calculator storage-key="" clients="40" price="1200"></mrr-calculator>',
    ready: `r.querySelector('svg path') && !el.matches(':state(loading)')`,
    content: 'example figures (clients 40, price 1200), chart drawn',
  },
  'mrr-unit-economics': {
    markup: '<mrr-unit-economics storage-key=""></mrr-unit-economics>',
    ready: `r.querySelector('[part=kpis]') && r.querySelector('[part=chart] path')`,
    content: 'example figures, KPIs and LTV chart drawn',
  },
  'mrr-revenue-motions': {
    markup: '<mrr-revenue-motions storage-key=""></mrr-revenue-motions>',
    ready: `r.querySelector('[part=kpis]') && r.querySelector('[part=table]')`,
    content: 'example segments, KPIs and plan table drawn',
  },
  'mrr-pricing-table': {
    markup: `<mrr-pricing-table storage-key=""><script type="application/json">${JSON.stringify(PRICING)}</script></mrr-pricing-table>`,
    ready: `r.querySelectorAll('[part=tier]').length === 3 && r.querySelector('[part=cta]')`,
    content: 'three tiers (EUR, 3–4 outcomes each) in a child JSON script, cards drawn',
  },
  'mrr-movements': {
    markup: '<mrr-movements storage-key="" example></mrr-movements>',
    ready: `r.querySelector('[part=kpis]') && r.querySelector('svg path') && r.querySelector('[part=cohorts]')`,
    content: 'built-in example dataset (`example`): KPI tiles, movements chart and cohort heatmap drawn',
  },
  'mrr-package-designer': {
    markup: '<mrr-package-designer storage-key=""></mrr-package-designer>',
    ready: `r.querySelector('[part=economics]') && r.querySelector('[part=canvas]:not([aria-busy])') && r.querySelector('[part=what-if]')`,
    content: 'starter catalogue and tiers: tiers with economics, canvas and what-if drawn',
  },
  'mrr-icp-builder': {
    markup: '<mrr-icp-builder storage-key=""></mrr-icp-builder>',
    ready: `r.querySelector('[part=criteria]') && r.querySelector('[part=fit]')`,
    content: 'starter profile: criteria and the example account’s fit drawn',
  },
};

/**
 * The host-page rules the README's embed section recommends: until the element is defined (and,
 * for an element drawn in steps, while it is loading) it takes the space it will take (a phone's
 * screen), so the text below it does not jump when it renders. `EMBED_RESERVE=0`: without them.
 */
export const reserve = (tag) =>
  process.env.EMBED_RESERVE === '0'
    ? ''
    : `${tag}:not(:defined) { display: block; min-block-size: 100vh; }\n${tag}:state(loading) { display: block; min-block-size: 100vh; }`;

/** The host page with `v`'s element and file, or without any for the baseline. */
export const hostPage = (v) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Agency</title>
<script>
  window.__longTasks = []; window.__shifts = []; window.__marks = {};
  new PerformanceObserver((list) => { for (const e of list.getEntries()) __longTasks.push({ start: e.startTime, duration: e.duration }); })
    .observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) __shifts.push({ start: e.startTime, value: e.value, nodes: e.sources.map((s) => s.node?.id || s.node?.nodeName || '?') }); })
    .observe({ type: 'layout-shift', buffered: true });
  ${v.tag ? `customElements.whenDefined('${v.tag}').then(() => { __marks.defined = performance.now(); });` : ''}
</script>
<style>body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; padding: 1rem; max-width: 60rem; }</style>
${v.script ? `<style>${reserve(v.tag)}</style>` : ''}
${v.script ? `<script type="module" src="${v.script}"></script>` : ''}
</head><body>
<h1>Grow your agency's recurring revenue</h1>
<p>We help agencies turn projects into retainers. Try the numbers for your own client base below.</p>
${v.tag ? SETUPS[v.tag].markup : ''}
<p id="below">Questions? Write to us: we answer within a day. Our retainers start at three months.</p>
</body></html>`;
