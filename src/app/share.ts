/**
 * Share links: a scenario file compressed (`CompressionStream`, deflate) and written in base64url
 * into the URL fragment, `#/share/<data>`. The fragment never reaches a server, so nothing is
 * uploaded. A link longer than {@link MAX_LINK} characters is not offered (chat apps and mail
 * clients cut or refuse long links): the file is offered instead.
 */
import { readScenarioFile, type Parsed, type ScenarioFile } from './transfer.js';

export const SHARE_ROUTE = '#/share/';
/** Longest link offered, in characters (the whole URL). */
export const MAX_LINK = 2000;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** The fragment (`#/share/…`) that carries `file`. */
export async function shareFragment(file: ScenarioFile): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(file));
  return SHARE_ROUTE + toBase64Url(await pipe(bytes, new CompressionStream('deflate')));
}

/** The scenario file a share fragment carries, judged as any imported file is. */
export async function readShareFragment(fragment: string): Promise<Parsed<ScenarioFile>> {
  const data = fragment.startsWith(SHARE_ROUTE) ? fragment.slice(SHARE_ROUTE.length) : fragment;
  const bytes = fromBase64Url(data);
  if (!bytes || bytes.length === 0) return { ok: false, code: 'notJson' };
  let text: string;
  try {
    text = new TextDecoder().decode(await pipe(bytes, new DecompressionStream('deflate')));
  } catch {
    // A link cut short (by a chat app or a copy) no longer decompresses.
    return { ok: false, code: 'truncated' };
  }
  return readScenarioFile(text);
}
