import type { ChunkKind } from "@/lib/timing/stream-timer";

/** A chat request, as the page hands it to the stream worker. */
export interface FetchRequest {
  type: "fetch";
  id: number;
  url: string;
  method: string;
  headers: [string, string][];
  body?: string;
}

export interface AbortRequest {
  type: "abort";
  id: number;
}

export type ToWorker = FetchRequest | AbortRequest;

/** What the arrival tap saw, on the worker's clock (`performance.timeOrigin` + `at`). */
export type Arrival =
  | { kind: "start"; messageId: string }
  | { kind: "read"; kinds: ChunkKind[]; at: number }
  | { kind: "end"; at: number };

export type FromWorker =
  | {
      type: "response";
      id: number;
      status: number;
      statusText: string;
      headers: [string, string][];
      timeOrigin: number;
    }
  | { type: "chunk"; id: number; bytes: Uint8Array; arrivals: Arrival[] }
  | { type: "end"; id: number; arrivals: Arrival[] }
  | { type: "error"; id: number; name: string; message: string };
