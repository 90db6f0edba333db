/**
 * What the pages may cost a first visit. A route or file that is not in the build yet is reported as
 * "not built" rather than failing, until every route in this table exists.
 */
export interface PageBudget {
  /** The App Router route, as in the build output: "/", "/embed", "/s/[token]". */
  route: string;
  /** JavaScript loaded before the page is interactive, gzipped. */
  maxKb: number;
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
  { route: "/s/[token]", maxKb: 90 },
];

export const FILE_BUDGETS: FileBudget[] = [{ name: "widget loader", path: "public/widget.js", maxKb: 3 }];
