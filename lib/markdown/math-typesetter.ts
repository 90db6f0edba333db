import { LruCache } from "./lru-cache";
import {
  KATEX_CACHE_CAPACITY,
  type MathRenderer,
  type MathRequest,
  type MathResult,
  mathKey,
} from "./typeset-protocol";

/**
 * Where a page's formulas are typeset. On the server (and in tests) KaTeX runs in place. In a browser it runs
 * in a worker: setting KaTeX up and typesetting a burst of formulas cost the page's main thread its longest
 * tasks (50–140 ms on a slow machine, see bench/render), during which the stream froze. A formula the worker
 * has not answered yet is a cache miss: the caller shows a placeholder and is told when the HTML is in.
 */
export class MathTypesetter {
  private readonly cache = new LruCache<string, string>(KATEX_CACHE_CAPACITY);
  private readonly listeners = new Map<string, Set<() => void>>();
  /** Formulas asked for and not answered yet, by key. */
  private readonly waiting = new Map<string, MathRequest>();
  /** Those of them not sent to the worker yet. */
  private queue: MathRequest[] = [];
  private flushScheduled = false;
  private renderInPlace: MathRenderer | undefined;
  private worker: Worker | null | undefined;

  constructor(
    private readonly createWorker = () =>
      new Worker(new URL("./katex-worker.ts", import.meta.url), { type: "module" }),
  ) {}

  /** The HTML of a formula, or undefined while it is being typeset (then it is requested). */
  typeset(source: string, display: boolean): string | undefined {
    const key = mathKey(source, display);
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    if (this.renderInPlace) {
      const html = this.renderInPlace(source, display);
      this.cache.set(key, html);
      return html;
    }
    this.request(key, { source, display });
    return undefined;
  }

  subscribe(key: string, listener: () => void): () => void {
    const keyListeners = this.listeners.get(key) ?? new Set();
    this.listeners.set(key, keyListeners);
    keyListeners.add(listener);
    return () => {
      keyListeners.delete(listener);
      if (keyListeners.size === 0) this.listeners.delete(key);
    };
  }

  /**
   * Takes the formulas the server typeset under `root` into the cache, found by the TeX source KaTeX keeps in
   * their MathML. The browser renders stored messages anew once the chat has loaded; with these cached, their
   * formulas show at once instead of as placeholders until the worker has typeset them again.
   */
  adoptTypesetFrom(root: ParentNode): void {
    for (const formula of root.querySelectorAll(".math-inline, .math-display")) {
      const source = formula.querySelector('annotation[encoding="application/x-tex"]')?.textContent;
      if (source == null) continue;
      this.cache.set(mathKey(source, formula.classList.contains("math-display")), formula.innerHTML);
    }
  }

  /** Typesets in place from now on, and answers every formula still waiting. */
  renderWith(render: MathRenderer): void {
    this.renderInPlace = render;
    const waiting = [...this.waiting.values()];
    this.queue = [];
    this.accept(waiting.map((request) => ({ ...request, html: render(request.source, request.display) })));
  }

  /** Starts the worker ahead of the first formula, so KaTeX is loaded by the time one arrives. */
  start(): void {
    if (this.renderInPlace || this.worker !== undefined) return;
    try {
      this.worker = this.createWorker();
      this.worker.onmessage = (event: MessageEvent<MathResult[]>) => this.accept(event.data);
      this.worker.onerror = () => this.fallBackToPage();
    } catch {
      this.fallBackToPage();
    }
  }

  private request(key: string, request: MathRequest): void {
    if (this.waiting.has(key)) return;
    this.waiting.set(key, request);
    this.queue.push(request);
    this.scheduleFlush();
  }

  /** The formulas of one render go to the worker in one message, and come back in one. */
  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    queueMicrotask(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    this.start();
    if (!this.worker || this.queue.length === 0) return;
    this.worker.postMessage(this.queue);
    this.queue = [];
  }

  private accept(results: MathResult[]): void {
    const keys = results.map(({ source, display, html }) => {
      const key = mathKey(source, display);
      this.cache.set(key, html);
      this.waiting.delete(key);
      return key;
    });
    for (const key of keys) for (const listener of this.listeners.get(key) ?? []) listener();
  }

  /**
   * Without a worker (it failed to load, or the browser has none) KaTeX loads on the page, and answers the
   * formulas that were waiting, those sent to a failed worker included.
   */
  private fallBackToPage(): void {
    this.worker?.terminate();
    this.worker = null;
    import("./katex-cache").then(
      ({ renderWithKatex }) => this.renderWith(renderWithKatex),
      () => {
        // Offline: the next formula tries the worker again, and asks for these once more.
        this.worker = undefined;
        this.queue = [...this.waiting.values()];
      },
    );
  }
}

const typesetter = new MathTypesetter();

/** The HTML of a formula, or undefined while a worker typesets it; see `subscribeToMath`. */
export const typesetMath = (source: string, display: boolean) => typesetter.typeset(source, display);

/** Calls `listener` when the formula under `key` (see `mathKey`) has been typeset. */
export const subscribeToMath = (key: string, listener: () => void) => typesetter.subscribe(key, listener);

/** See MathTypesetter.adoptTypesetFrom. */
export const adoptTypesetMath = (root: ParentNode) => typesetter.adoptTypesetFrom(root);

/** Typesets on the spot with `render`: for the server, which sends finished HTML, and tests. */
export const typesetMathInPlace = (render: MathRenderer) => typesetter.renderWith(render);

/** Starts the browser's KaTeX worker before the first formula needs it. */
export const startMathWorker = () => typesetter.start();
