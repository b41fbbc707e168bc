/**
 * tools/zmtp.ts against a minimal ZMTP 3.0 peer written here with
 * Deno.listen: handshake (greeting, READY with Socket-Type and Identity),
 * multipart messages with short and long frames, subscriptions, closing.
 */
import assert from "node:assert/strict";
import { decodeCommand, encodeCommand, encodeFrame, greeting, ZmtpSocket } from "../tools/zmtp.ts";

const text = new TextEncoder();
const str = (b: Uint8Array) => new TextDecoder().decode(b);

/** Reads exactly n bytes from a connection. */
async function readExact(conn: Deno.Conn, n: number): Promise<Uint8Array> {
  const out = new Uint8Array(n);
  let at = 0;
  while (at < n) {
    const got = await conn.read(out.subarray(at));
    if (got === null) throw new Error("peer closed");
    at += got;
  }
  return out;
}

/** Reads one frame as the peer. */
async function readFrame(conn: Deno.Conn): Promise<{ flags: number; body: Uint8Array }> {
  const [flags] = await readExact(conn, 1);
  const size = flags & 0x02
    ? Number(new DataView((await readExact(conn, 8)).buffer).getBigUint64(0))
    : (await readExact(conn, 1))[0];
  return { flags, body: await readExact(conn, size) };
}

/** A one-connection peer of the given type; returns what it saw. */
function peer(type: string, script: (conn: Deno.Conn) => Promise<void>) {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  const done = (async () => {
    const conn = await listener.accept();
    listener.close();
    try {
      const theirs = await readExact(conn, 64);
      await conn.write(greeting());
      const ready = await readFrame(conn);
      await conn.write(
        encodeFrame(encodeCommand("READY", { "Socket-Type": type }), { command: true }),
      );
      await script(conn);
      return { greeting: theirs, ready: decodeCommand(ready.body), readyFlags: ready.flags };
    } finally {
      conn.close();
    }
  })();
  return { port, done };
}

Deno.test("frame and command encoding", () => {
  assert.deepEqual([...encodeFrame(text.encode("ab"), { more: true })], [1, 2, 97, 98]);
  const long = encodeFrame(new Uint8Array(300));
  assert.equal(long[0], 0x02);
  assert.equal(new DataView(long.buffer).getBigUint64(1), 300n);
  assert.equal(long.length, 309);
  assert.deepEqual(
    decodeCommand(encodeCommand("READY", { "Socket-Type": "DEALER", Identity: "me" })),
    {
      name: "READY",
      properties: { "Socket-Type": "DEALER", Identity: "me" },
    },
  );
  const g = greeting();
  assert.deepEqual([g[0], g[9], g[10], g[11]], [0xff, 0x7f, 3, 0]);
  assert.equal(str(g.subarray(12, 16)), "NULL");
});

Deno.test("DEALER: handshake with identity, multipart both ways, long frames, close", async () => {
  const big = "x".repeat(70_000);
  const received: string[][] = [];
  const router = peer("ROUTER", async (conn) => {
    const parts: string[] = [];
    for (;;) {
      const frame = await readFrame(conn);
      parts.push(str(frame.body));
      if (!(frame.flags & 0x01)) break;
    }
    received.push(parts);
    await conn.write(encodeFrame(text.encode("<IDS|MSG>"), { more: true }));
    await conn.write(encodeFrame(text.encode(big), { more: true }));
    await conn.write(encodeFrame(new Uint8Array(0)));
  });
  const socket = await ZmtpSocket.connect({
    port: router.port,
    type: "DEALER",
    identity: "client-1",
  });
  assert.equal(socket.peerType, "ROUTER");
  await socket.send(["hello", text.encode("world"), ""]);
  const reply = await socket.receive();
  assert.deepEqual(reply?.map(str), ["<IDS|MSG>", big, ""]);
  const seen = await router.done;
  assert.equal(str(seen.greeting.subarray(12, 16)), "NULL");
  assert.equal(seen.readyFlags, 0x04, "READY is sent as a short command frame");
  assert.deepEqual(seen.ready, {
    name: "READY",
    properties: { "Socket-Type": "DEALER", Identity: "client-1" },
  });
  assert.deepEqual(received, [["hello", "world", ""]]);
  // the peer closed: receive() gives null instead of hanging
  assert.equal(await socket.receive(), null);
  assert.equal(socket.closed, true);
  await socket.close();
  await assert.rejects(() => socket.send(["late"]), /closed/);
});

Deno.test("SUB: subscribing sends 0x01 + prefix; a wrong peer type is refused", async () => {
  let subscription: Uint8Array | undefined;
  const pub = peer("PUB", async (conn) => {
    subscription = (await readFrame(conn)).body;
    await conn.write(encodeFrame(text.encode("topic")));
  });
  const sub = await ZmtpSocket.connect({ port: pub.port, type: "SUB" });
  await sub.subscribe();
  assert.deepEqual((await sub.receive())?.map(str), ["topic"]);
  await pub.done;
  assert.deepEqual([...subscription!], [1]);
  await sub.close();

  const wrong = peer("PUB", async () => {});
  await assert.rejects(
    () => ZmtpSocket.connect({ port: wrong.port, type: "DEALER" }),
    /a DEALER cannot talk to a PUB socket/,
  );
  await wrong.done;
});

Deno.test("connect: a refused port fails with a clear message after the retry window", async () => {
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (listener.addr as Deno.NetAddr).port;
  listener.close();
  await assert.rejects(
    () => ZmtpSocket.connect({ port, type: "DEALER", retryMs: 100 }),
    new RegExp(`cannot connect to tcp://127\\.0\\.0\\.1:${port}`),
  );
});
