import type { OwnShare } from "@/lib/share/shares";

/** The browser's side of the share API (app/api/conversations/[id]/share, app/api/shares). */
export type { OwnShare };

async function shareOrNull(response: Response): Promise<OwnShare | null> {
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`share request failed with ${response.status}`);
  return (await response.json()) as OwnShare | null;
}

/**
 * The share API as one identity: the browser's cookie by default, or the widget's identity header (its
 * frame cannot count on cookies).
 */
export function shareApi(identity: Record<string, string> = {}) {
  const json = (body: unknown): RequestInit => ({
    headers: { ...identity, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return {
    find: async (conversationId: string) =>
      shareOrNull(
        await fetch(`/api/conversations/${conversationId}/share`, { cache: "no-store", headers: identity }),
      ),
    create: async (conversationId: string, showQuestion: boolean) =>
      shareOrNull(
        await fetch(`/api/conversations/${conversationId}/share`, {
          method: "POST",
          ...json({ showQuestion }),
        }),
      ),
    update: async (token: string, showQuestion: boolean) =>
      shareOrNull(await fetch(`/api/shares/${token}`, { method: "PUT", ...json({ showQuestion }) })),
    revoke: async (token: string) => {
      const response = await fetch(`/api/shares/${token}`, { method: "DELETE", headers: identity });
      if (!response.ok && response.status !== 404) throw new Error(`revoke failed with ${response.status}`);
    },
  };
}

/** The link to hand out: a path on the site the owner is using (browser only). */
export function absoluteUrl(path: string): string {
  return new URL(path, window.location.origin).toString();
}
