import { describe, expect, it } from 'vitest';
import { checkCommitMessage } from '../../scripts/commit-msg.mjs';

describe('commit-msg', () => {
  it('accepts a subject of 72 characters and a long body', () => {
    expect(checkCommitMessage(`${'a'.repeat(72)}\n\n${'b'.repeat(200)}\n`)).toBeNull();
  });

  it('refuses a subject of 73 characters and says the limit', () => {
    expect(checkCommitMessage(`${'a'.repeat(73)}\n`)).toContain('73 characters; keep it to 72');
  });

  it('counts characters, not UTF-16 units, and ignores trailing spaces', () => {
    expect(checkCommitMessage(`${'é'.repeat(70)}→€  \n`)).toBeNull();
  });

  it("skips git's comment lines and leading blank lines", () => {
    expect(checkCommitMessage(`# ${'x'.repeat(100)}\n\nShort subject\n# Please enter the commit message`)).toBeNull();
  });

  it('refuses an empty message', () => {
    expect(checkCommitMessage('\n# only comments\n')).toContain('empty');
  });
});
