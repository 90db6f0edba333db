import { expect, test } from "@playwright/test";

test("/status shows the upstream, its live load, recent latency, and runs the deployment doctor", async ({
  page,
}) => {
  await page.goto("/");
  await page.getByTestId("composer-input").fill("What is 12 + 30?");
  await page.getByTestId("composer-input").press("Enter");
  await expect(page.getByTestId("send")).toBeVisible({ timeout: 30_000 });

  await page.getByTestId("status-link").click();
  await expect(page).toHaveURL(/\/status$/);
  await expect(page.getByTestId("status-health")).toHaveAttribute("data-healthy", "true");
  await expect(page.getByTestId("status-model")).toHaveText("deepseek-ai/DeepSeek-R1-Distill-Qwen-1.5B");
  await expect(page.getByTestId("status-max-model-len")).toHaveText("131,072");
  await expect(page.getByTestId("status-load")).toContainText("Running 0");
  await expect(page.getByTestId("status-recent")).toContainText(/\d+ answers? since this server started/);
  await expect(page.locator("svg[role=img]").first()).toBeVisible();
  expect(await page.content()).not.toContain("127.0.0.1");

  await page.getByTestId("run-doctor").click();
  const findings = page.getByTestId("doctor-findings");
  await expect(findings).toBeVisible({ timeout: 90_000 });
  await expect(findings.locator('[data-finding="reasoning-parser"]')).toHaveAttribute("data-status", "ok");
  await expect(findings.locator('[data-finding="stream-buffering"]')).toHaveAttribute("data-status", "ok");
  await expect(findings.locator('[data-status="fail"]')).toHaveCount(0);
  expect(await page.content()).not.toContain("127.0.0.1");
});
