import type { Metadata } from "next";
import { NotFoundNotice } from "@/components/not-found/not-found-notice";
import { MESSAGES } from "@/lib/i18n/messages";
import { getRequestLocale } from "@/lib/i18n/server";

export const metadata: Metadata = { robots: { index: false } };

export default async function NotFound() {
  const { notFound } = MESSAGES[await getRequestLocale()];
  return <NotFoundNotice title={notFound.pageTitle} body={notFound.pageBody} linkText={notFound.home} />;
}
