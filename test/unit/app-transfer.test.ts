import { describe, expect, it } from 'vitest';
import { firstWorkspace } from '../../src/app/workspace.js';
import {
  parseJson,
  readScenarioFile,
  readWorkspaceFile,
  recordNameOf,
  scenarioFile,
  workspaceFile,
} from '../../src/app/transfer.js';
import { MAX_LINK, readShareFragment, shareFragment } from '../../src/app/share.js';

const clock = () => {
  let n = 0;
  return { now: 5000, id: () => `id${++n}` };
};

function aWorkspaceFile() {
  const { ws, scenario } = firstWorkspace({ client: 'Acme', scenario: 'Base' }, clock());
  const records = { [scenario.id]: [{ name: 'calculator', data: { v: 2, inputs: { clients: '12' } }, schema: 2 }] };
  return { file: workspaceFile(ws, records, 6000), scenario };
}

describe('workspace files', () => {
  it('reads back what it writes', () => {
    const { file } = aWorkspaceFile();
    const read = readWorkspaceFile(JSON.stringify(file));
    expect(read).toEqual({ ok: true, value: file });
  });

  it('refuses a truncated file, text that is not JSON, another format or version, a wrong shape', () => {
    const text = JSON.stringify(aWorkspaceFile().file);
    expect(readWorkspaceFile(text.slice(0, text.length - 20))).toMatchObject({ ok: false, code: 'truncated' });
    expect(readWorkspaceFile('hello')).toMatchObject({ ok: false, code: 'notJson' });
    expect(readWorkspaceFile('')).toMatchObject({ ok: false, code: 'notJson' });
    expect(readWorkspaceFile('[1,2]')).toMatchObject({ ok: false, code: 'wrongShape' });
    expect(readWorkspaceFile(text.replace('"version":1', '"version":2'))).toMatchObject({ ok: false, code: 'wrongVersion' });
    expect(readWorkspaceFile(text.replace('mrr-kit-workspace', 'other-app'))).toMatchObject({ ok: false, code: 'wrongFormat' });
    const file = aWorkspaceFile().file;
    const noName = { ...file, workspace: { ...file.workspace, clients: [{ ...file.workspace.clients[0], name: 5 }] } };
    expect(readWorkspaceFile(JSON.stringify(noName))).toMatchObject({ ok: false, code: 'wrongShape' });
    const badKey = {
      ...file,
      workspace: { ...file.workspace, scenarios: [{ ...file.workspace.scenarios[0], storageKey: '../x' }] },
    };
    expect(readWorkspaceFile(JSON.stringify(badKey))).toMatchObject({ ok: false, code: 'wrongShape' });
    const orphan = { ...file, records: { nobody: [] } };
    expect(readWorkspaceFile(JSON.stringify(orphan))).toMatchObject({ ok: false, code: 'wrongShape' });
    const badRecord = { ...file, records: { [file.workspace.scenarios[0]!.id]: [{ name: 'x:y:z', data: 1, schema: 1 }] } };
    expect(readWorkspaceFile(JSON.stringify(badRecord))).toMatchObject({ ok: false, code: 'wrongShape' });
  });

  it('never lets __proto__ reach a prototype', () => {
    const parsed = parseJson('{"a":{"__proto__":{"polluted":1},"constructor":{"prototype":{"x":1}},"b":2}}');
    expect(parsed.ok).toBe(true);
    const value = (parsed as { value: { a: Record<string, unknown> } }).value;
    expect(value.a).toEqual({ b: 2 });
    expect(Object.getPrototypeOf(value.a)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const { file, scenario } = aWorkspaceFile();
    const text = JSON.stringify(file).replace('"inputs":{', '"inputs":{"__proto__":{"polluted":true},');
    const read = readWorkspaceFile(text);
    expect(read.ok).toBe(true);
    const data = (read as { value: typeof file }).value.records[scenario.id]![0]!.data as { inputs: object };
    expect(Object.keys(data.inputs)).toEqual(['clients']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('names records without their storage key', () => {
    expect(recordNameOf('calculator:ws-a1', 'ws-a1')).toBe('calculator');
    expect(recordNameOf('channel:pricing:ws-a1', 'ws-a1')).toBe('channel:pricing');
    expect(recordNameOf('calculator:ws-a12', 'ws-a1')).toBeUndefined();
  });
});

describe('scenario files and share links', () => {
  const { scenario } = aWorkspaceFile();
  const file = scenarioFile(scenario, 'Acme', [{ name: 'calculator', data: { inputs: { clients: '40' } }, schema: 2 }], 7000);

  it('reads a scenario file back', () => {
    expect(readScenarioFile(JSON.stringify(file))).toEqual({ ok: true, value: file });
    expect(readScenarioFile(JSON.stringify({ ...file, version: 9 }))).toMatchObject({ ok: false, code: 'wrongVersion' });
  });

  it('round-trips a scenario through a compressed fragment, and refuses a cut one', async () => {
    const fragment = await shareFragment(file);
    expect(fragment).toMatch(/^#\/share\/[A-Za-z0-9_-]+$/);
    expect(fragment.length).toBeLessThan(MAX_LINK);
    expect(await readShareFragment(fragment)).toEqual({ ok: true, value: file });
    const cut = await readShareFragment(fragment.slice(0, fragment.length - 12));
    expect(cut.ok).toBe(false);
    expect(await readShareFragment('#/share/***')).toMatchObject({ ok: false, code: 'notJson' });
  });
});
