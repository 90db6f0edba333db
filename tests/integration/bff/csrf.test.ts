import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, loadRoutes, params } from "@/tests/support/routes";
import { readUiChunks, userMessage } from "@/tests/support/ui-stream";

let routes: Awaited<ReturnType<typeof loadRoutes>>;
let doctor: typeof import("@/app/api/doctor/route");
const owner = new Browser();
const ID = "csrf-conversation";
const EVIL = { origin: "https://evil.example" };

beforeAll(async () => {
  routes = await loadRoutes();
  doctor = await import("@/app/api/doctor/route");
  const response = await routes.chat.POST(
    owner.request("/api/chat", {
      method: "POST",
      json: { id: ID, trigger: "submit-message", message: userMessage("Hello") },
      headers: { origin: "http://localhost" },
    }),
  );
  expect(response.status).toBe(200);
  await readUiChunks(owner.remember(response));
});
afterAll(async () => {
  await routes.sim.close();
});

async function expectRefused(response: Response): Promise<void> {
  expect(response.status).toBe(403);
  expect(response.headers.get("set-cookie")).toBeNull();
  const { error } = (await response.json()) as { error: { code: string; message: string } };
  expect(error.code).toBe("forbidden");
  expect(error.message).toContain("https://evil.example");
}

async function stored() {
  const response = await routes.conversation.GET(owner.request(`/api/conversations/${ID}`), params(ID));
  return response.status === 200 ? ((await response.json()) as { title: string; messages: unknown[] }) : null;
}

describe("state-changing routes refuse other sites (CSRF)", () => {
  it("refuses every state-changing route from another site, changing nothing and issuing no cookie", async () => {
    const before = await stored();
    const json = (body: unknown) => ({ json: body, headers: EVIL });
    await expectRefused(
      await routes.chat.POST(
        owner.request("/api/chat", {
          method: "POST",
          ...json({ id: ID, trigger: "submit-message", message: userMessage("Injected") }),
        }),
      ),
    );
    await expectRefused(
      await routes.stop.POST(
        owner.request(`/api/chat/${ID}/stop`, { method: "POST", headers: EVIL }),
        params(ID),
      ),
    );
    await expectRefused(
      await routes.conversation.PATCH(
        owner.request(`/api/conversations/${ID}`, { method: "PATCH", ...json({ title: "Pwned" }) }),
        params(ID),
      ),
    );
    await expectRefused(
      await routes.conversation.DELETE(
        owner.request(`/api/conversations/${ID}`, { method: "DELETE", headers: EVIL }),
        params(ID),
      ),
    );
    await expectRefused(
      await routes.timing.PUT(
        owner.request(`/api/conversations/${ID}/messages/m/timing`, { method: "PUT", ...json({}) }),
        { params: Promise.resolve({ id: ID, messageId: "m" }) },
      ),
    );
    await expectRefused(
      await doctor.POST(new Request("http://localhost/api/doctor", { method: "POST", headers: EVIL })),
    );
    // A new visitor from another site is refused before being given an identity.
    await expectRefused(
      await routes.chat.POST(
        new Browser().request("/api/chat", {
          method: "POST",
          ...json({ id: "csrf-new-visitor", trigger: "submit-message", message: userMessage("Hi") }),
        }),
      ),
    );
    expect(await stored()).toEqual(before);
  });

  it("does not refuse reads: the cookie is SameSite=Lax and other sites cannot read responses", async () => {
    const response = await routes.conversations.GET(owner.request("/api/conversations", { headers: EVIL }));
    expect(response.status).toBe(200);
  });

  it("accepts the app's own pages and clients without Origin, directly and behind a proxy", async () => {
    const rename = (title: string, headers: Record<string, string>) =>
      routes.conversation.PATCH(
        owner.request(`/api/conversations/${ID}`, { method: "PATCH", json: { title }, headers }),
        params(ID),
      );
    expect((await rename("Same origin", { origin: "http://localhost" })).status).toBe(200);
    expect((await rename("No origin (CLI)", {})).status).toBe(200);
    const proxied = {
      origin: "https://chat.example",
      "x-forwarded-host": "chat.example",
      "x-forwarded-proto": "https",
    };
    expect((await rename("Behind a proxy", proxied)).status).toBe(200);
    expect((await stored())?.title).toBe("Behind a proxy");
  });
});

describe("the owner cookie", () => {
  it("is HttpOnly and SameSite=Lax, and Secure only when the browser used https", async () => {
    const cookieFor = async (url: string, headers: Record<string, string> = {}) => {
      const response = await routes.conversations.GET(new Request(url, { headers }));
      return response.headers.get("set-cookie") ?? "";
    };
    const plain = await cookieFor("http://localhost/api/conversations");
    expect(plain).toMatch(/^r1_owner=[\w-]+\.[\w-]+; /);
    expect(plain.split("; ")).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/"]));
    expect(plain).not.toContain("Secure");
    expect(await cookieFor("https://chat.example/api/conversations")).toMatch(/; Secure$/);
    expect(
      await cookieFor("http://10.0.0.5:3000/api/conversations", { "x-forwarded-proto": "https" }),
    ).toMatch(/; Secure$/);
    expect(
      await cookieFor("http://10.0.0.5:3000/api/conversations", { "x-forwarded-proto": "javascript" }),
    ).not.toContain("Secure");
  });
});
