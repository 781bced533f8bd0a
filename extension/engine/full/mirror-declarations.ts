import { type DeclaredFile, declaredFileFromHeaders, declaredFileFromTree } from '../../../shared/models/declared-file';
import { fetchFromMirror, type MirrorRequest, missingFileError } from './fetch-from-mirror';

const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/**
 * What the mirror declares about each file of one repository at one revision, as the daemon
 * reads it: the headers of the first answer to a HEAD of `resolve/<revision>/<path>`, never of
 * where a redirect leads. A browser cannot read the headers of a redirect (fetch hands back an
 * opaque one), and the Hub redirects every LFS file to its CDN; for those, and whenever the
 * headers declare no digest, the Hub's tree listing of the file's folder says the same
 * (`/api/models/<repo>/tree/<revision>/<folder>`: LFS sha256 and size, or git blob id).
 */
export function mirrorDeclarations(request: MirrorRequest, repo: string, revision: string) {
  const base = request.mirror.replace(/\/+$/u, '');
  const listings = new Map<string, Promise<unknown>>();

  const listing = (folder: string): Promise<unknown> => {
    let found = listings.get(folder);
    if (!found) {
      const url = `${base}/api/models/${repo}/tree/${encodeURIComponent(revision)}${folder ? `/${encodePath(folder)}` : ''}`;
      // A mirror without the Hub's API lists nothing: the file is then declared by nothing.
      found = fetchFromMirror(url, request).then((r) => (r.ok ? r.json().catch(() => undefined) : undefined));
      listings.set(folder, found);
    }
    return found;
  };

  return async function declared(path: string): Promise<DeclaredFile> {
    const url = `${base}/${repo}/resolve/${encodeURIComponent(revision)}/${encodePath(path)}`;
    const response = await fetchFromMirror(url, request, { method: 'HEAD', redirect: 'manual' });
    // A mirror that does not answer HEAD (405, 501) may still list the file; other refusals are final.
    if (response.status >= 400 && response.status !== 405 && response.status !== 501) throw missingFileError(url, response.status, request);
    const readable = response.type !== 'opaqueredirect' && response.status < 400;
    const fromHeaders = readable ? declaredFileFromHeaders(response.headers) : {};
    if (fromHeaders.digest) return fromHeaders;
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    return { ...declaredFileFromTree(await listing(folder), path), ...(fromHeaders.commit ? { commit: fromHeaders.commit } : {}) };
  };
}
