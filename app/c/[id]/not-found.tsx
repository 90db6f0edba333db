import type { Metadata } from "next";
import { NotFoundNotice } from "@/components/not-found/not-found-notice";
import { MESSAGES } from "@/lib/i18n/messages";
import { getRequestLocale } from "@/lib/i18n/server";

export const metadata: Metadata = { robots: { index: false } };

/** Also what another browser's conversation looks like: it must not be told apart from a missing one. */
export default async function ConversationNotFound() {
  const { notFound } = MESSAGES[await getRequestLocale()];
  return (
    <NotFoundNotice
      title={notFound.conversationTitle}
      body={notFound.conversationBody}
      linkText={notFound.newChat}
    />
  );
}
