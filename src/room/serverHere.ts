/**
 * Whether the page came from a room server (`npm run room`): that server adds
 * `<meta name="cachescope-room" content="…">` to the page, and a static host does not, so the app
 * shows its room buttons only where a room can open. This module is in the page's first load: it
 * imports nothing.
 */

export const ROOM_META = 'cachescope-room';

/** The room server's address for join links, or null when no room server served this page. */
export function roomServerBase(doc: Document = document, href: string = location.href): string | null {
  const meta = doc.querySelector<HTMLMetaElement>(`meta[name="${ROOM_META}"]`);
  if (!meta) return null;
  // Empty when the page's own address is the one to share; set when it was opened on localhost.
  return meta.content || new URL('.', href).href;
}

/** The link a participant opens: the app's address with `?join=CODE`. */
export const joinLink = (base: string, code: string): string => {
  const url = new URL(base);
  url.search = `?join=${code}`;
  url.hash = '';
  return url.href;
};
