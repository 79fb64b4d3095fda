/** Types of scripts/api-docs.mjs for the tests that import it. */
export declare function renderApi(manifest: unknown): string;
