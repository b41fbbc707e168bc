/**
 * A small ZeroMQ client (ZMTP 3.0, NULL security, TCP) in plain TypeScript:
 * the DEALER and SUB sockets a Jupyter client needs, each connected to one
 * peer.
 *
 * Why not the `zeromq` npm package: its native addon runs on Deno's libuv
 * emulation, and with Deno 2.9.6 it crashes the process (SIGSEGV/SIGBUS) in
 * about one of six kernel shutdowns, when a socket is closed shortly after
 * its peer went away (and always when `receiveTimeout` is used). This
 * implementation uses only `Deno.connect`, so it cannot crash the runner.
 *
 * Only what ZMTP 3.0 requires of a single-peer client is implemented: the
 * greeting, the READY handshake (with `Socket-Type` and `Identity`),
 * multipart messages with short and long frames, and 3.0-style subscription
 * messages (`0x01` + prefix), which every ZMTP 3.x publisher accepts.
 *
 * @example
 * ```ts
 * import { ZmtpSocket } from "./zmtp.ts";
 *
 * const shell = await ZmtpSocket.connect({ port: 5555, type: "DEALER", identity: "me" });
 * await shell.send([new TextEncoder().encode("hello")]);
 * const reply = await shell.receive(); // Uint8Array[] or null once closed
 * shell.close();
 * ```
 *
 * @module
 */

/** The socket types this client implements. */
export type ZmtpSocketType = "DEALER" | "SUB";

/** Options for {@linkcode ZmtpSocket.connect}. */
export interface ZmtpConnectOptions {
  /** Host to connect to (default 127.0.0.1). */
  hostname?: string;
  /** TCP port. */
  port: number;
  /** Our socket type. */
  type: ZmtpSocketType;
  /** Routing identity sent in READY (DEALER only; 1-255 bytes). */
  identity?: string;
  /** Keep retrying a refused connection for this long, in ms (default 0: no retry). */
  retryMs?: number;
  /** Stop retrying early when this returns true (for example: the peer process died). */
  giveUp?: () => boolean;
}

/** The peer socket types each of our types may talk to. */
const COMPATIBLE: Record<ZmtpSocketType, string[]> = {
  DEALER: ["ROUTER", "DEALER", "REP"],
  SUB: ["PUB", "XPUB"],
};

const FLAG_MORE = 0x01;
const FLAG_LONG = 0x02;
const FLAG_COMMAND = 0x04;
const GREETING_SIZE = 64;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * The 64-byte ZMTP 3.0 greeting for the NULL mechanism, as a client.
 *
 * @example
 * ```ts
 * greeting().length; // 64
 * ```
 */
export function greeting(): Uint8Array {
  const bytes = new Uint8Array(GREETING_SIZE);
  bytes[0] = 0xff;
  bytes[9] = 0x7f;
  bytes[10] = 3; // major version
  bytes[11] = 0; // minor version
  bytes.set(encoder.encode("NULL"), 12);
  return bytes;
}

/**
 * Encodes one frame (flags, 1- or 8-byte size, body).
 *
 * @example
 * ```ts
 * encodeFrame(new Uint8Array([1, 2]), { more: true }); // Uint8Array [1, 2, 1, 2]
 * ```
 */
export function encodeFrame(
  body: Uint8Array,
  { more = false, command = false }: { more?: boolean; command?: boolean } = {},
): Uint8Array {
  const long = body.length > 255;
  const header = long ? 9 : 2;
  const frame = new Uint8Array(header + body.length);
  frame[0] = (more ? FLAG_MORE : 0) | (long ? FLAG_LONG : 0) | (command ? FLAG_COMMAND : 0);
  if (long) new DataView(frame.buffer).setBigUint64(1, BigInt(body.length));
  else frame[1] = body.length;
  frame.set(body, header);
  return frame;
}

/**
 * Encodes a command body: name and `name -> value` properties.
 *
 * @example
 * ```ts
 * encodeCommand("READY", { "Socket-Type": "DEALER" });
 * ```
 */
export function encodeCommand(name: string, properties: Record<string, string>): Uint8Array {
  const parts: Uint8Array[] = [new Uint8Array([name.length]), encoder.encode(name)];
  for (const [key, value] of Object.entries(properties)) {
    const valueBytes = encoder.encode(value);
    const size = new Uint8Array(4);
    new DataView(size.buffer).setUint32(0, valueBytes.length);
    parts.push(new Uint8Array([key.length]), encoder.encode(key), size, valueBytes);
  }
  return concat(parts);
}

/**
 * Decodes a command body into its name and properties.
 *
 * @example
 * ```ts
 * decodeCommand(encodeCommand("READY", { "Socket-Type": "ROUTER" }));
 * // { name: "READY", properties: { "Socket-Type": "ROUTER" } }
 * ```
 */
export function decodeCommand(
  body: Uint8Array,
): { name: string; properties: Record<string, string> } {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let at = 0;
  const nameLength = body[at++];
  const name = decoder.decode(body.subarray(at, at + nameLength));
  at += nameLength;
  const properties: Record<string, string> = {};
  while (at < body.length) {
    const keyLength = body[at++];
    const key = decoder.decode(body.subarray(at, at + keyLength));
    at += keyLength;
    if (at + 4 > body.length) throw new Error(`ZMTP: truncated property "${key}" in ${name}`);
    const valueLength = view.getUint32(at);
    at += 4;
    properties[key] = decoder.decode(body.subarray(at, at + valueLength));
    at += valueLength;
  }
  return { name, properties };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Buffered exact reads from a connection; `null` at end of stream. */
class ByteReader {
  #conn: Deno.Conn;
  #chunks: Uint8Array[] = [];
  #buffered = 0;

  constructor(conn: Deno.Conn) {
    this.#conn = conn;
  }

  async read(size: number): Promise<Uint8Array | null> {
    while (this.#buffered < size) {
      const chunk = new Uint8Array(Math.max(65_536, size - this.#buffered));
      const n = await this.#conn.read(chunk);
      if (n === null) return null;
      this.#chunks.push(chunk.subarray(0, n));
      this.#buffered += n;
    }
    const all = this.#chunks.length === 1 ? this.#chunks[0] : concat(this.#chunks);
    const out = all.slice(0, size);
    const rest = all.subarray(size);
    this.#chunks = rest.length > 0 ? [rest] : [];
    this.#buffered = rest.length;
    return out;
  }
}

interface Frame {
  body: Uint8Array;
  more: boolean;
  command: boolean;
}

async function readFrame(reader: ByteReader): Promise<Frame | null> {
  const flags = await reader.read(1);
  if (flags === null) return null;
  const long = (flags[0] & FLAG_LONG) !== 0;
  const sizeBytes = await reader.read(long ? 8 : 1);
  if (sizeBytes === null) return null;
  const size = long
    ? Number(new DataView(sizeBytes.buffer, sizeBytes.byteOffset, 8).getBigUint64(0))
    : sizeBytes[0];
  const body = size === 0 ? new Uint8Array(0) : await reader.read(size);
  if (body === null) return null;
  return {
    body,
    more: (flags[0] & FLAG_MORE) !== 0,
    command: (flags[0] & FLAG_COMMAND) !== 0,
  };
}

async function connectWithRetry(options: ZmtpConnectOptions): Promise<Deno.Conn> {
  const hostname = options.hostname ?? "127.0.0.1";
  const deadline = Date.now() + (options.retryMs ?? 0);
  for (;;) {
    try {
      return await Deno.connect({ hostname, port: options.port });
    } catch (error) {
      const refused = error instanceof Deno.errors.ConnectionRefused;
      if (!refused || Date.now() >= deadline || options.giveUp?.()) {
        throw new Error(
          `ZMTP: cannot connect to tcp://${hostname}:${options.port}: ${(error as Error).message}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
}

/**
 * One ZMTP connection acting as a DEALER or SUB socket. Incoming messages
 * are queued until {@linkcode ZmtpSocket.receive} takes them.
 *
 * @example
 * ```ts
 * const iopub = await ZmtpSocket.connect({ port: 5556, type: "SUB" });
 * await iopub.subscribe();
 * for await (const frames of iopub) console.log(frames.length);
 * ```
 */
export class ZmtpSocket {
  /** The peer's socket type, from its READY command. */
  readonly peerType: string;
  #conn: Deno.Conn;
  #reader: ByteReader;
  #queue: Uint8Array[][] = [];
  #waiters: Array<(frames: Uint8Array[] | null) => void> = [];
  #writing: Promise<void> = Promise.resolve();
  #closed = false;
  #readLoop: Promise<void>;

  private constructor(conn: Deno.Conn, reader: ByteReader, peerType: string) {
    this.#conn = conn;
    this.#reader = reader;
    this.peerType = peerType;
    this.#readLoop = this.#readMessages();
  }

  /**
   * Connects and performs the ZMTP handshake.
   *
   * @throws if the connection is refused (after `retryMs`), the peer does
   * not speak ZMTP 3 with the NULL mechanism, or its socket type does not
   * match.
   * @example
   * ```ts
   * const control = await ZmtpSocket.connect({ port, type: "DEALER", identity: "ctl", retryMs: 5000 });
   * ```
   */
  static async connect(options: ZmtpConnectOptions): Promise<ZmtpSocket> {
    const conn = await connectWithRetry(options);
    try {
      const reader = new ByteReader(conn);
      await writeAll(conn, greeting());
      const peerGreeting = await reader.read(GREETING_SIZE);
      if (peerGreeting === null) throw new Error("ZMTP: the peer closed during the greeting");
      if (peerGreeting[0] !== 0xff || peerGreeting[9] !== 0x7f || peerGreeting[10] < 3) {
        throw new Error("ZMTP: the peer does not speak ZMTP 3");
      }
      const mechanism = decoder.decode(peerGreeting.subarray(12, 32)).replace(/\0+$/, "");
      if (mechanism !== "NULL") throw new Error(`ZMTP: unsupported mechanism "${mechanism}"`);
      const properties: Record<string, string> = { "Socket-Type": options.type };
      if (options.type === "DEALER" && options.identity) properties.Identity = options.identity;
      await writeAll(conn, encodeFrame(encodeCommand("READY", properties), { command: true }));
      const ready = await readFrame(reader);
      if (ready === null || !ready.command) {
        throw new Error("ZMTP: expected a READY command from the peer");
      }
      const { name, properties: peer } = decodeCommand(ready.body);
      const peerType = peer["Socket-Type"] ?? "";
      if (name !== "READY" || !COMPATIBLE[options.type].includes(peerType)) {
        throw new Error(`ZMTP: a ${options.type} cannot talk to a ${peerType || "?"} socket`);
      }
      return new ZmtpSocket(conn, reader, peerType);
    } catch (error) {
      conn.close();
      throw error;
    }
  }

  /**
   * True once the socket was closed or the peer went away.
   *
   * @example
   * ```ts
   * if (socket.closed) console.log("disconnected");
   * ```
   */
  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Sends one multipart message (strings are sent as UTF-8).
   *
   * @example
   * ```ts
   * await socket.send(["<IDS|MSG>", signature, header, parent, metadata, content]);
   * ```
   */
  send(frames: Array<Uint8Array | string>): Promise<void> {
    if (this.#closed) return Promise.reject(new Error("ZMTP: the socket is closed"));
    if (frames.length === 0) return Promise.reject(new Error("ZMTP: cannot send an empty message"));
    const bytes = concat(
      frames.map((frame, i) =>
        encodeFrame(typeof frame === "string" ? encoder.encode(frame) : frame, {
          more: i < frames.length - 1,
        })
      ),
    );
    const write = this.#writing.then(() => writeAll(this.#conn, bytes));
    this.#writing = write.catch(() => {});
    return write;
  }

  /**
   * Subscribes to messages starting with `prefix` (all messages by default).
   * SUB sockets only.
   *
   * @example
   * ```ts
   * await iopub.subscribe();
   * ```
   */
  subscribe(prefix = ""): Promise<void> {
    return this.send([concat([new Uint8Array([1]), encoder.encode(prefix)])]);
  }

  /**
   * The next message, or `null` once the socket is closed or the peer left.
   *
   * @example
   * ```ts
   * const frames = await socket.receive();
   * ```
   */
  receive(): Promise<Uint8Array[] | null> {
    const next = this.#queue.shift();
    if (next) return Promise.resolve(next);
    if (this.#closed) return Promise.resolve(null);
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  /**
   * Iterates over incoming messages until the socket closes.
   *
   * @example
   * ```ts
   * for await (const frames of socket) handle(frames);
   * ```
   */
  async *[Symbol.asyncIterator](): AsyncGenerator<Uint8Array[]> {
    for (;;) {
      const frames = await this.receive();
      if (frames === null) return;
      yield frames;
    }
  }

  /**
   * Closes the connection; pending and later `receive()` calls give `null`.
   * Waits for the reader to stop. Safe to call more than once.
   *
   * @example
   * ```ts
   * await socket.close();
   * ```
   */
  async close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      try {
        this.#conn.close();
      } catch {
        // already closed by the peer
      }
    }
    await this.#readLoop;
  }

  async #readMessages(): Promise<void> {
    let parts: Uint8Array[] = [];
    try {
      for (;;) {
        const frame = await readFrame(this.#reader);
        if (frame === null) break;
        if (frame.command) continue; // e.g. PING from a 3.1 peer; nothing to do for us
        parts.push(frame.body);
        if (frame.more) continue;
        const message = parts;
        parts = [];
        const waiter = this.#waiters.shift();
        if (waiter) waiter(message);
        else this.#queue.push(message);
      }
    } catch {
      // the connection was closed (by us or by the peer)
    } finally {
      this.#closed = true;
      try {
        this.#conn.close();
      } catch {
        // already closed
      }
      for (const waiter of this.#waiters.splice(0)) waiter(null);
    }
  }
}

async function writeAll(conn: Deno.Conn, bytes: Uint8Array): Promise<void> {
  let written = 0;
  while (written < bytes.length) written += await conn.write(bytes.subarray(written));
}
