// Which endpoint a gallery image's Edit goes to, and which one the form's choice means: the one
// place these rules live (Edit, Use as control image, and whether the gallery offers the latter).
import type { EndpointInfo } from '@server/contract';

/** The endpoint the form's choice means: the chosen one if the server still has it, else its first. */
export const chosenEndpoint = (endpoints: EndpointInfo[], chosen: string | null): EndpointInfo | undefined => endpoints.find((e) => e.id === chosen) ?? endpoints[0];

/**
 * The endpoint an edit of an image goes to: the one that made it, when it is still there and can
 * edit (the edit starts where the image did); otherwise the one chosen, if it can edit, else the
 * first that can. undefined: no endpoint on this server can edit.
 */
export function editEndpoint(endpoints: EndpointInfo[], chosen: string | null, madeBy: string | null | undefined): EndpointInfo | undefined {
  const made = endpoints.find((e) => e.id === madeBy && e.edit);
  const current = chosenEndpoint(endpoints, chosen);
  return made ?? (current?.edit ? current : endpoints.find((e) => e.edit));
}

/** The names of the endpoints that can edit, for the message that says the chosen one cannot. */
export const editorNames = (endpoints: EndpointInfo[]) => endpoints.filter((e) => e.edit).map((e) => e.name);
