import type { Metadata } from "next";
import { SharesList } from "@/components/share/shares-list";
import { pageOwner } from "@/lib/chat/page-data";
import { MESSAGES } from "@/lib/i18n/messages";
import { getRequestLocale } from "@/lib/i18n/server";
import { listShares } from "@/lib/share";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = MESSAGES[await getRequestLocale()];
  return { title: `${t.share.myShares} · ${t.app.name}`, robots: { index: false } };
}

/** The owner's live share links, to open, copy or revoke. */
export default async function SharesPage() {
  const ownerId = await pageOwner();
  return <SharesList initial={ownerId ? await listShares(ownerId) : []} />;
}
