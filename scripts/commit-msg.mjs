// Checks a commit message: its subject (first line) is at most 72 characters, details go in the body.
// Git runs it through .githooks/commit-msg once `git config core.hooksPath .githooks` is set
// (README "Development"); `node scripts/commit-msg.mjs <file>` checks a message file by hand.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const MAX_SUBJECT = 72;

/**
 * The subject of a message as git will record it (comment lines and leading blank lines are
 * dropped by git's cleanup), and an error text when it is too long or missing; null when fine.
 */
export function checkCommitMessage(message) {
  const lines = message.split(/\r?\n/).filter((line) => !line.startsWith('#'));
  const subject = (lines.find((line) => line.trim() !== '') ?? '').trimEnd();
  if (subject === '') return 'The commit message is empty: write a subject line.';
  const length = [...subject].length;
  if (length > MAX_SUBJECT) {
    return (
      `The commit subject is ${length} characters; keep it to ${MAX_SUBJECT} and put details in the body ` +
      `(a blank line, then the rest):\n  ${subject}\n  ${' '.repeat(MAX_SUBJECT)}^ ${MAX_SUBJECT}`
    );
  }
  return null;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node scripts/commit-msg.mjs <commit message file>');
    process.exit(2);
  }
  const error = checkCommitMessage(readFileSync(file, 'utf8'));
  if (error) {
    console.error(`commit-msg: ${error}`);
    process.exit(1);
  }
}
