import { renderSharePage } from "../../lib/share/render/share-page";
import { SAMPLE_SHARE } from "./sample-share";

/** What the pages may cost a first visit. A route missing from the build fails the check. */
export interface PageBudget {
  /** The App Router route, as in the build output: "/", "/embed", "/s/[token]". */
  route: string;
  /** JavaScript loaded before the page is interactive, gzipped. */
  maxKb: number;
  /**
   * For a route handler (route.ts), which serves HTML of its own rather than a React page: that HTML, made
   * by the handler's own renderer. Its scripts are what a first visit loads.
   */
  renderHtml?: () => string;
}

export interface FileBudget {
  name: string;
  /** Relative to the project root. */
  path: string;
  maxKb: number;
}

export const PAGE_BUDGETS: PageBudget[] = [
  { route: "/", maxKb: 180 },
  { route: "/embed", maxKb: 150 },
  {
    route: "/s/[token]",
    maxKb: 90,
    renderHtml: () => renderSharePage(SAMPLE_SHARE, "T".repeat(24), "en"),
  },
];

export const FILE_BUDGETS: FileBudget[] = [{ name: "widget loader", path: "public/widget.js", maxKb: 3 }];
