#!/usr/bin/env node
// Writes docs/api.md from custom-elements.json (made by `cem analyze`, see `npm run manifest`):
// the elements' attributes, properties, methods, events, CSS parts, custom states and custom properties.
import { readFileSync, writeFileSync } from 'node:fs';

const esc = (s = '') => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const code = (s) => (s ? `\`${esc(s)}\`` : '');

export function renderApi(manifest) {
  const elements = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement && d.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  const out = [
    '# Element API',
    '',
    'Generated from `custom-elements.json` by `scripts/api-docs.mjs` (`npm run manifest`); do not edit by hand.',
    '',
  ];
  for (const el of elements) {
    out.push(`## \`<${el.tagName}>\``, '', (el.description ?? '').replace(/\n/g, ' '), '');
    const attrs = el.attributes ?? [];
    if (attrs.length) {
      out.push('| attribute | property | type | default | description |', '|---|---|---|---|---|');
      for (const a of attrs)
        out.push(
          `| ${code(a.name)} | ${code(a.fieldName)} | ${code(a.type?.text)} | ${code(a.default)} | ${esc(a.description)} |`,
        );
      out.push('');
    }
    const publicMembers = (el.members ?? []).filter((m) => !m.privacy && !m.static && !m.attribute && !m.name.startsWith('_'));
    const fields = publicMembers.filter((m) => m.kind === 'field');
    const methods = publicMembers.filter((m) => m.kind === 'method' && m.description);
    if (fields.length) {
      out.push('| property | type | description |', '|---|---|---|');
      for (const f of fields) out.push(`| ${code(f.name)} | ${code(f.type?.text)} | ${esc(f.description)} |`);
      out.push('');
    }
    if (methods.length) {
      out.push('| method | description |', '|---|---|');
      for (const m of methods) {
        const params = (m.parameters ?? []).map((p) => p.name).join(', ');
        out.push(`| ${code(`${m.name}(${params})`)} | ${esc(m.description)} |`);
      }
      out.push('');
    }
    if (el.events?.length) {
      out.push('| event | type | description |', '|---|---|---|');
      for (const e of el.events) out.push(`| ${code(e.name)} | ${code(e.type?.text)} | ${esc(e.description)} |`);
      out.push('');
    }
    if (el.cssParts?.length) {
      out.push('| CSS part | description |', '|---|---|');
      for (const p of el.cssParts) out.push(`| ${code(p.name)} | ${esc(p.description)} |`);
      out.push('');
    }
    if (el.cssStates?.length) {
      out.push('| custom state | description |', '|---|---|');
      for (const st of el.cssStates) out.push(`| ${code(`:state(${st.name})`)} | ${esc(st.description)} |`);
      out.push('');
    }
    if (el.cssProperties?.length) {
      out.push(`Custom properties: ${el.cssProperties.map((p) => code(p.name)).join(', ')} (see README "Theming").`, '');
    }
  }
  return out.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  writeFileSync('docs/api.md', renderApi(manifest));
  console.log('docs/api.md written');
}
