import type { Metadata } from "next";
import { StatusDashboard } from "@/components/status/status-dashboard";
import { statusReport } from "@/lib/observability/status";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Status · r1-chat", robots: { index: false } };

export default async function StatusPage() {
  return <StatusDashboard initial={await statusReport()} />;
}
