/** Types of scripts/commit-msg.mjs for the tests that import it. */
export declare const MAX_SUBJECT: number;
export declare function checkCommitMessage(message: string): string | null;
