// Each user's browser stores are their own: with accounts (AUTH=users or proxy) the server names a
// space for the signed-in user in the `studio_space` cookie, and every IndexedDB database,
// localStorage key and channel is named within it, so two designers who sign in one after the
// other in one browser each see only their own gallery, history and drafts. Read once, as the page
// loads (before any store opens); a change of user reloads the page (features/account). Without
// accounts the cookie is absent and the names are the ones the studio always used.
const SPACE = /(?:^|;\s*)studio_space=([A-Za-z0-9_-]{1,64})(?:;|$)/;

export const readUserSpace = (cookie: string): string => cookie.match(SPACE)?.[1] ?? '';

/** This page's space ('' without accounts). */
export const userSpace = typeof document === 'undefined' ? '' : readUserSpace(document.cookie);

/** A store's name within this page's space. */
export const spaced = (name: string, space = userSpace) => (space ? `${name}@${space}` : name);
