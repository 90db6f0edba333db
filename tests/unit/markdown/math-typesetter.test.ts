import { describe, expect, it, vi } from "vitest";
import { MathTypesetter } from "@/lib/markdown/math-typesetter";
import { type MathRequest, mathKey } from "@/lib/markdown/typeset-protocol";

/** Stands in for the KaTeX worker: keeps what the page posts, and answers when told to. */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly posted: MathRequest[][] = [];
  terminated = false;

  postMessage(batch: MathRequest[]) {
    this.posted.push(batch);
  }

  terminate() {
    this.terminated = true;
  }

  answerNext() {
    const batch = this.posted.shift() ?? [];
    const data = batch.map((request) => ({ ...request, html: `<b>${request.source}</b>` }));
    this.onmessage?.({ data } as MessageEvent);
  }
}

function withFakeWorker() {
  const worker = new FakeWorker();
  const typesetter = new MathTypesetter(() => worker as unknown as Worker);
  return { worker, typesetter };
}

const nextMicrotask = () => new Promise<void>((resolve) => queueMicrotask(resolve));

/** Subscribes to a formula and asks for it, as MathFormula does; the listener hears when its HTML is in. */
function askFor(typesetter: MathTypesetter, source: string, display: boolean) {
  const listener = vi.fn();
  typesetter.subscribe(mathKey(source, display), listener);
  return { listener, html: typesetter.typeset(source, display) };
}

describe("MathTypesetter in a browser", () => {
  it("sends the formulas of one render to the worker in one message, each once", async () => {
    const { worker, typesetter } = withFakeWorker();
    expect(typesetter.typeset("x^2", false)).toBeUndefined();
    expect(typesetter.typeset("x^2", false)).toBeUndefined();
    expect(typesetter.typeset("x^2", true)).toBeUndefined();
    await nextMicrotask();
    expect(worker.posted).toEqual([
      [
        { source: "x^2", display: false },
        { source: "x^2", display: true },
      ],
    ]);
  });

  it("tells a formula's subscribers when its HTML arrives, and serves it from the cache after", async () => {
    const { worker, typesetter } = withFakeWorker();
    const other = vi.fn();
    typesetter.subscribe(mathKey("b", false), other);
    const { listener } = askFor(typesetter, "a", false);
    await nextMicrotask();
    worker.answerNext();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(other).not.toHaveBeenCalled();
    expect(typesetter.typeset("a", false)).toBe("<b>a</b>");
    await nextMicrotask();
    expect(worker.posted).toEqual([]);
  });

  it("stops telling a subscriber who unsubscribed", async () => {
    const { worker, typesetter } = withFakeWorker();
    const listener = vi.fn();
    const unsubscribe = typesetter.subscribe(mathKey("a", false), listener);
    typesetter.typeset("a", false);
    unsubscribe();
    await nextMicrotask();
    worker.answerNext();
    expect(listener).not.toHaveBeenCalled();
  });

  it("starts the worker once, ahead of the first formula", async () => {
    const createWorker = vi.fn(() => new FakeWorker() as unknown as Worker);
    const typesetter = new MathTypesetter(createWorker);
    typesetter.start();
    typesetter.start();
    typesetter.typeset("a", false);
    await nextMicrotask();
    expect(createWorker).toHaveBeenCalledTimes(1);
  });

  it("typesets on the page when the worker fails, formulas already sent to it included", async () => {
    const { worker, typesetter } = withFakeWorker();
    const { listener } = askFor(typesetter, "\\frac{1}{2}", true);
    await nextMicrotask();
    expect(worker.posted).toHaveLength(1);
    worker.onerror?.(new Event("error"));
    expect(worker.terminated).toBe(true);
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(1));
    expect(typesetter.typeset("\\frac{1}{2}", true)).toContain('class="katex-display"');
    expect(typesetter.typeset("y", false)).toContain('class="katex"');
  });

  it("typesets on the page in a browser without workers", async () => {
    const typesetter = new MathTypesetter(() => {
      throw new ReferenceError("Worker is not defined");
    });
    const { listener, html } = askFor(typesetter, "z", false);
    expect(html).toBeUndefined();
    await vi.waitFor(() => expect(listener).toHaveBeenCalledTimes(1));
    expect(typesetter.typeset("z", false)).toContain('class="katex"');
  });
});

describe("MathTypesetter in place", () => {
  it("typesets at once, caches, and never starts a worker", async () => {
    const createWorker = vi.fn(() => new FakeWorker() as unknown as Worker);
    const render = vi.fn((source: string) => `<i>${source}</i>`);
    const typesetter = new MathTypesetter(createWorker);
    typesetter.renderWith(render);
    expect(typesetter.typeset("a", false)).toBe("<i>a</i>");
    expect(typesetter.typeset("a", false)).toBe("<i>a</i>");
    typesetter.start();
    await nextMicrotask();
    expect(render).toHaveBeenCalledTimes(1);
    expect(createWorker).not.toHaveBeenCalled();
  });

  it("answers the formulas that were waiting for a worker", async () => {
    const { worker, typesetter } = withFakeWorker();
    const { listener } = askFor(typesetter, "a", false);
    await nextMicrotask();
    typesetter.renderWith((source) => `<i>${source}</i>`);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(typesetter.typeset("a", false)).toBe("<i>a</i>");
    expect(worker.posted).toHaveLength(1);
  });
});

describe("MathTypesetter.adoptTypesetFrom", () => {
  /** A formula element as the server sent it: KaTeX's HTML, with the TeX source in its MathML annotation. */
  function serverFormula(display: boolean, html: string, source: string | null) {
    return {
      innerHTML: html,
      classList: { contains: (name: string) => name === (display ? "math-display" : "math-inline") },
      querySelector: () => (source === null ? null : { textContent: source }),
    };
  }

  it("caches the server's formulas by their source and mode, so none goes to the worker", async () => {
    const { worker, typesetter } = withFakeWorker();
    const root = {
      querySelectorAll: () => [
        serverFormula(false, "<span>inline a</span>", "a"),
        serverFormula(true, "<span>display a</span>", "a"),
        // An invalid formula is an error span without MathML: it is typeset again when needed.
        serverFormula(false, '<span class="katex-error">\\bad</span>', null),
      ],
    } as unknown as ParentNode;
    typesetter.adoptTypesetFrom(root);
    expect(typesetter.typeset("a", false)).toBe("<span>inline a</span>");
    expect(typesetter.typeset("a", true)).toBe("<span>display a</span>");
    expect(typesetter.typeset("\\bad", false)).toBeUndefined();
    await nextMicrotask();
    expect(worker.posted).toEqual([[{ source: "\\bad", display: false }]]);
  });
});
