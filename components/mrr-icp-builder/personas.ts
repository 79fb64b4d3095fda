/** Personas (kinds of person), each linked to a profile (a kind of account). */
import { html, type TemplateResult } from 'lit';
import { type L, selectField, sentence, textField } from './fields.js';
import { fieldId, type IcpInput, NAME_MAX, type PersonaInput, TEXT_MAX } from './state.js';

export interface PersonasView {
  i18n: L;
  personas: PersonaInput[];
  icps: IcpInput[];
  profileLabel(icp: IcpInput, index: number): string;
  personaLabel(p: PersonaInput, index: number): string;
  onPersona(index: number, patch: Partial<PersonaInput>): void;
  onAdd(): void;
  onRemove(index: number): void;
}

const LONG_FIELDS = ['goals', 'frustrations', 'channels', 'objections'] as const;

export function renderPersonas(v: PersonasView): TemplateResult {
  const { i18n } = v;
  const t = i18n.t.bind(i18n);
  return html`<section class="personas" part="personas" aria-labelledby="personas-title">
    <h3 id="personas-title">${t('personas')}</h3>
    <p class="hint">${t('personasHint')}</p>
    ${v.personas.length === 0 ? html`<p class="empty">${t('noPersonas')}</p>` : ''}
    <div class="persona-list">
      ${v.personas.map((p, i) => {
        const label = v.personaLabel(p, i);
        return html`<fieldset class="persona" data-persona=${p.id} part="persona">
          <legend><bdi>${label}</bdi></legend>
          <div class="row">
            ${textField(i18n, {
              id: fieldId(p.id, 'role'),
              label: t('role'),
              value: p.role,
              max: NAME_MAX,
              onInput: (role) => v.onPersona(i, { role }),
            })}
            ${selectField({
              id: fieldId(p.id, 'icp'),
              label: t('linkedProfile'),
              value: p.icpId,
              options: v.icps.map((x) => x.id),
              text: (id) => {
                const index = v.icps.findIndex((x) => x.id === id);
                const icp = v.icps[index];
                return icp ? v.profileLabel(icp, index) : id;
              },
              onChange: (icpId) => v.onPersona(i, { icpId }),
            })}
          </div>
          <div class="row long">
            ${LONG_FIELDS.map((key) =>
              textField(i18n, {
                id: fieldId(p.id, key),
                label: t(key),
                value: p[key],
                max: TEXT_MAX,
                multiline: true,
                onInput: (value) => v.onPersona(i, { [key]: value }),
              }),
            )}
          </div>
          <button type="button" class="remove" data-remove-persona=${p.id} @click=${() => v.onRemove(i)}>
            ${sentence(t('removePersona'), { name: { user: label } })}
          </button>
        </fieldset>`;
      })}
    </div>
    <button type="button" id="add-persona" class="add" @click=${() => v.onAdd()}>${t('addPersona')}</button>
  </section>`;
}
