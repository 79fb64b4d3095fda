/** Types of scripts/chromium.mjs for the tests that import it. */
export declare const CHROMIUM_ARGS: string[];
/** A Chromium or Chrome binary found on this machine (CHROME_PATH first), else undefined. */
export declare function chromiumPath(): string | undefined;
