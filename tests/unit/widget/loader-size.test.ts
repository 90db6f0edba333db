import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { expect, it } from "vitest";

/** Every host page downloads the loader, whether or not its visitors ever open the chat. */
const BUDGET_GZIP_BYTES = 3 * 1024;

it("keeps the widget loader under 3 KB gzipped", () => {
  const source = readFileSync(new URL("../../../public/widget.js", import.meta.url));
  expect(gzipSync(source, { level: 9 }).length).toBeLessThan(BUDGET_GZIP_BYTES);
});
