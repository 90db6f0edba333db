import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { servedModel } from "@/lib/upstream/served-model";

describe("servedModel", () => {
  it("shares one /v1/models lookup among turns that start together", async () => {
    let lookups = 0;
    const server = createServer((_req, res) => {
      lookups++;
      // Slow enough that every caller arrives while the first lookup is still under way.
      setTimeout(() => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({ object: "list", data: [{ id: "m", object: "model", max_model_len: 4096 }] }),
        );
      }, 100);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const upstream = {
        baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
        simulated: false,
      };
      const models = await Promise.all(Array.from({ length: 20 }, () => servedModel(upstream)));
      expect(new Set(models.map((model) => model.id))).toEqual(new Set(["m"]));
      expect(lookups).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("does not keep a failed lookup: the next turn asks again", async () => {
    let lookups = 0;
    const server = createServer((_req, res) => {
      lookups++;
      if (lookups === 1) res.writeHead(500).end("down");
      else
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ object: "list", data: [{ id: "m", object: "model", max_model_len: 4096 }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const upstream = {
        baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
        simulated: false,
      };
      await expect(servedModel(upstream)).rejects.toThrow();
      await expect(servedModel(upstream)).resolves.toMatchObject({ id: "m" });
      expect(lookups).toBe(2);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
