/**
 * A minimal Jupyter client for the Deno kernel (`deno jupyter --kernel`),
 * speaking the Jupyter messaging protocol (version 5.3) over ZeroMQ
 * ({@link ./zmtp.ts}).
 *
 * The client starts the kernel as a child process, executes code and
 * collects the outputs in nbformat form. It makes sure no kernel process
 * outlives it: on shutdown, on errors, on timeouts, when the runner receives
 * SIGINT or SIGTERM, and when the runner exits normally. (Nothing can be
 * done if the runner itself is killed with SIGKILL.)
 *
 * @example
 * ```ts
 * import { Kernel } from "./kernel.ts";
 *
 * const kernel = await Kernel.start({ cwd: "notebooks" });
 * try {
 *   const result = await kernel.execute("1 + 1", { timeoutMs: 10_000 });
 *   console.log(result.status, result.outputs);
 * } finally {
 *   await kernel.shutdown();
 * }
 * ```
 *
 * @module
 */
import { Buffer } from "node:buffer";
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import { errorOutput, type Output, OutputCollector } from "./notebook.ts";
import { ZmtpSocket } from "./zmtp.ts";

/** Options for {@linkcode Kernel.start}. */
export interface KernelOptions {
  /** Working directory of the kernel (relative imports resolve from here). */
  cwd?: string;
  /** Maximum time to wait for the kernel to answer, in ms (default 60 000). */
  startTimeoutMs?: number;
  /** Extra environment variables for the kernel (`NO_COLOR=1` is always set). */
  env?: Record<string, string>;
}

/** Options for {@linkcode Kernel.execute}. */
export interface ExecuteOptions {
  /** Give up after this many ms (default 120 000). */
  timeoutMs?: number;
}

/** The error a cell raised (or the reason it did not finish). */
export interface CellError {
  ename: string;
  evalue: string;
  traceback: string[];
}

/** The outcome of {@linkcode Kernel.execute}. */
export interface ExecuteResult {
  /** `"ok"`, `"error"` (the code raised, or the kernel died) or `"timeout"`. */
  status: "ok" | "error" | "timeout";
  /** The kernel's execution counter for this request, if it told us. */
  executionCount: number | null;
  /** The outputs, in nbformat form. */
  outputs: Output[];
  /** Set when `status` is not `"ok"`. */
  error?: CellError;
}

/** One Jupyter message (the parts that matter to a client). */
export interface Message {
  header: Record<string, unknown>;
  parent_header: Record<string, unknown>;
  metadata: Record<string, unknown>;
  content: Record<string, unknown>;
}

/** The connection file the kernel is started with. */
interface ConnectionInfo {
  ip: string;
  transport: "tcp";
  signature_scheme: "hmac-sha256";
  key: string;
  shell_port: number;
  iopub_port: number;
  stdin_port: number;
  control_port: number;
  hb_port: number;
  kernel_name: string;
}

const DELIMITER = "<IDS|MSG>";
const PROTOCOL_VERSION = "5.3";
const IP = "127.0.0.1";
/** How long an interrupted kernel gets to become idle before it is killed. */
const INTERRUPT_GRACE_MS = 1000;
/** How long a kernel gets to exit after `shutdown_request` (and after SIGTERM). */
const EXIT_GRACE_MS = 2000;

/**
 * Decides whether an executed cell failed, from its outputs and its
 * `execute_reply` content. Kernels report a cell error as an `error`
 * message on iopub (Deno >= 2.9), or only as status `"error"` in the reply
 * (Deno 2.8); in the second case an error output is appended to `outputs`.
 *
 * @example
 * ```ts
 * const outputs: Output[] = [];
 * cellError(outputs, { status: "error", ename: "Error", evalue: "boom", traceback: [] });
 * // { ename: "Error", evalue: "boom", traceback: [] }; outputs now holds the error output
 * ```
 */
export function cellError(
  outputs: Output[],
  reply: Record<string, unknown> | undefined,
): CellError | undefined {
  const shown = outputs.find((o) => o.output_type === "error");
  if (shown?.output_type === "error") {
    return { ename: shown.ename, evalue: shown.evalue, traceback: shown.traceback };
  }
  if (reply?.status === "ok") return undefined;
  const out = errorOutput(reply ?? { ename: "NoReply", evalue: "the kernel sent no reply" });
  outputs.push(out);
  return { ename: out.ename, evalue: out.evalue, traceback: out.traceback };
}

/**
 * Kernels that are running in this process, with their connection-file
 * folders: killed and removed on exit or on a signal.
 */
const liveKernels = new Map<Kernel, string>();
const SIGNALS: Deno.Signal[] = ["SIGINT", "SIGTERM"];
let signalHandlers: Array<[Deno.Signal, () => void]> = [];

/** Kills every live kernel and removes its connection file, synchronously. */
function killAll(): number {
  const count = liveKernels.size;
  for (const [kernel, connectionDir] of liveKernels) {
    kernel.kill();
    try {
      Deno.removeSync(connectionDir, { recursive: true });
    } catch {
      // already removed
    }
  }
  return count;
}

function onExitSignal(signal: Deno.Signal): void {
  const count = killAll();
  console.error(`\nreceived ${signal}: killed ${count} kernel(s)`);
  Deno.exit(signal === "SIGINT" ? 130 : 143);
}

function onUnload(): void {
  killAll();
}

function register(kernel: Kernel, connectionDir: string): void {
  if (liveKernels.size === 0) {
    signalHandlers = SIGNALS.map((s) => [s, () => onExitSignal(s)]);
    for (const [signal, handler] of signalHandlers) Deno.addSignalListener(signal, handler);
    globalThis.addEventListener("unload", onUnload);
  }
  liveKernels.set(kernel, connectionDir);
}

function unregister(kernel: Kernel): void {
  if (!liveKernels.delete(kernel) || liveKernels.size > 0) return;
  for (const [signal, handler] of signalHandlers) Deno.removeSignalListener(signal, handler);
  signalHandlers = [];
  globalThis.removeEventListener("unload", onUnload);
}

/** `count` distinct free TCP ports on 127.0.0.1 (bound together, then released). */
function freePorts(count: number): number[] {
  const listeners = Array.from({ length: count }, () => Deno.listen({ hostname: IP, port: 0 }));
  const ports = listeners.map((l) => (l.addr as Deno.NetAddr).port);
  for (const l of listeners) l.close();
  return ports;
}

/** Waits for `promise` at most `ms`; resolves to `undefined` on timeout. */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Reads a byte stream to its end, keeping only the last `max` characters. */
async function readTail(stream: ReadableStream<Uint8Array>, max: number): Promise<string> {
  let text = "";
  const decoder = new TextDecoder();
  for await (const chunk of stream) {
    text = (text + decoder.decode(chunk, { stream: true })).slice(-max);
  }
  return text;
}

/** The iopub messages and the reply of one execute request. */
interface PendingExecution {
  collector: OutputCollector;
  reply?: Record<string, unknown>;
  idle: boolean;
  executionCount: number | null;
  /** Resolves once the kernel is idle again and the reply arrived. */
  finished: Promise<void>;
  finish: () => void;
}

/** The four sockets of a Jupyter client (heartbeat is not used). */
interface Channels {
  shell: ZmtpSocket;
  control: ZmtpSocket;
  stdin: ZmtpSocket;
  iopub: ZmtpSocket;
}

/**
 * A running Deno Jupyter kernel. Create it with {@linkcode Kernel.start},
 * always finish with {@linkcode Kernel.shutdown}.
 *
 * @example
 * ```ts
 * const kernel = await Kernel.start({ cwd: "notebooks" });
 * try {
 *   const r = await kernel.execute('console.log("hi")');
 *   console.log(r.outputs); // [{ output_type: "stream", name: "stdout", text: "hi\n" }]
 * } finally {
 *   await kernel.shutdown();
 * }
 * ```
 */
export class Kernel {
  /** Process id of the kernel. */
  readonly pid: number;
  readonly #process: Deno.ChildProcess;
  readonly #connectionDir: string;
  readonly #info: ConnectionInfo;
  readonly #key: Buffer;
  readonly #session = randomUUID();
  readonly #replies = new Map<string, (message: Message) => void>();
  readonly #executions = new Map<string, PendingExecution>();
  readonly #iopubSeen = new Set<string>();
  readonly #idleWaiters = new Map<string, () => void>();
  readonly #loops: Promise<void>[] = [];
  readonly #stderr: Promise<string>;
  readonly #exited: Promise<Deno.CommandStatus>;
  #channels: Channels | undefined;
  #exitStatus: Deno.CommandStatus | undefined;
  #closed = false;
  #killed = false;
  #shutdownPromise: Promise<void> | undefined;

  private constructor(process: Deno.ChildProcess, connectionDir: string, info: ConnectionInfo) {
    this.#process = process;
    this.pid = process.pid;
    this.#connectionDir = connectionDir;
    this.#info = info;
    this.#key = Buffer.from(info.key, "utf8");
    this.#exited = process.status.then((status) => (this.#exitStatus = status));
    this.#stderr = readTail(process.stderr, 20_000);
    register(this, connectionDir);
  }

  /**
   * Starts a kernel and waits until it answers `kernel_info_request`. If it
   * does not start, the process is killed and the error includes its stderr.
   *
   * @example
   * ```ts
   * const kernel = await Kernel.start({ cwd: "notebooks", startTimeoutMs: 30_000 });
   * ```
   */
  static async start(options: KernelOptions = {}): Promise<Kernel> {
    const [shell, iopub, stdin, control, hb] = freePorts(5);
    const info: ConnectionInfo = {
      ip: IP,
      transport: "tcp",
      signature_scheme: "hmac-sha256",
      key: randomBytes(32).toString("hex"),
      shell_port: shell,
      iopub_port: iopub,
      stdin_port: stdin,
      control_port: control,
      hb_port: hb,
      kernel_name: "deno",
    };
    const dir = await Deno.makeTempDir({ prefix: "deno-kernel-" });
    const connectionFile = `${dir}/connection.json`;
    await Deno.writeTextFile(connectionFile, JSON.stringify(info, null, 2));
    let process: Deno.ChildProcess;
    try {
      process = new Deno.Command(Deno.execPath(), {
        args: ["jupyter", "--kernel", "--conn", connectionFile],
        cwd: options.cwd,
        env: { ...options.env, NO_COLOR: "1" },
        stdin: "null",
        stdout: "null",
        stderr: "piped",
      }).spawn();
    } catch (error) {
      await Deno.remove(dir, { recursive: true });
      throw new Error(`cannot start "${Deno.execPath()} jupyter --kernel": ${error}`);
    }
    const kernel = new Kernel(process, dir, info);
    const deadline = Date.now() + (options.startTimeoutMs ?? 60_000);
    try {
      await kernel.#connect(deadline);
      await kernel.#waitReady(deadline);
    } catch (error) {
      await kernel.shutdown();
      const stderr = (await kernel.#stderr).trim();
      throw new Error(
        `the Deno kernel did not start: ${(error as Error).message}` +
          (stderr ? `\nkernel stderr:\n${stderr}` : ""),
      );
    }
    return kernel;
  }

  /**
   * True until the kernel process has exited, been killed or shut down.
   *
   * @example
   * ```ts
   * if (!kernel.alive) console.log("kernel is gone");
   * ```
   */
  get alive(): boolean {
    return !this.#closed && !this.#killed && this.#exitStatus === undefined;
  }

  /**
   * Runs `code` (store_history, not silent, no stdin) and collects its
   * outputs until the kernel is idle again and has replied. A cell error is
   * detected both from `error` messages on iopub and from an `execute_reply`
   * with status `"error"` ({@linkcode cellError}). On timeout the kernel is
   * interrupted and, if it does not become idle within a second, killed; a
   * kernel that timed out should not be used any more.
   *
   * @example
   * ```ts
   * const r = await kernel.execute("throw new Error('boom')", { timeoutMs: 5000 });
   * r.status; // "error"
   * r.error?.evalue; // "boom"
   * ```
   */
  async execute(code: string, options: ExecuteOptions = {}): Promise<ExecuteResult> {
    if (!this.alive || !this.#channels) throw new Error("the kernel is not running");
    const timeoutMs = options.timeoutMs ?? 120_000;
    const message = this.#message("execute_request", {
      code,
      silent: false,
      store_history: true,
      user_expressions: {},
      allow_stdin: false,
      stop_on_error: true,
    });
    const msgId = message.header.msg_id as string;
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => (finish = resolve));
    const pending: PendingExecution = {
      collector: new OutputCollector(),
      idle: false,
      executionCount: null,
      finished,
      finish,
    };
    this.#executions.set(msgId, pending);
    this.#replies.set(msgId, (reply) => {
      pending.reply = reply.content;
      if (typeof reply.content.execution_count === "number") {
        pending.executionCount = reply.content.execution_count;
      }
      if (pending.idle) pending.finish();
    });
    try {
      await this.#send(this.#channels.shell, message);
      const outcome = await within(
        Promise.race([
          finished.then(() => "done" as const),
          this.#exited.then(() => "exit" as const),
        ]),
        timeoutMs,
      );
      const outputs = pending.collector.outputs;
      const executionCount = pending.executionCount;
      if (outcome === undefined) {
        await this.#interrupt(finished);
        const evalue = `the cell did not finish within ${timeoutMs / 1000} s`;
        return {
          status: "timeout",
          executionCount,
          outputs,
          error: { ename: "Timeout", evalue, traceback: [`Timeout: ${evalue}`] },
        };
      }
      if (outcome === "exit") {
        const stderr = (await within(this.#stderr, 1000))?.trim();
        const evalue = `the kernel exited (code ${this.#exitStatus?.code}) while running the cell`;
        const traceback = [`KernelDied: ${evalue}`, ...(stderr ? stderr.split("\n") : [])];
        return {
          status: "error",
          executionCount,
          outputs,
          error: { ename: "KernelDied", evalue, traceback },
        };
      }
      // The Deno kernel may publish a cell's stdout/stderr just after its idle status:
      // one more round trip lets those messages arrive (later ones are still collected).
      await this.#barrier();
      const error = cellError(outputs, pending.reply);
      return error
        ? { status: "error", executionCount, outputs, error }
        : { status: "ok", executionCount, outputs };
    } finally {
      // #executions keeps the entry: late output of the cell still lands in its outputs
      this.#replies.delete(msgId);
    }
  }

  /**
   * Stops the kernel: `shutdown_request` on the control channel, a short
   * wait, then SIGTERM and finally SIGKILL; closes the sockets and deletes
   * the connection file. Safe to call more than once.
   *
   * @example
   * ```ts
   * await kernel.shutdown();
   * kernel.alive; // false
   * ```
   */
  shutdown(): Promise<void> {
    this.#shutdownPromise ??= this.#shutdown();
    return this.#shutdownPromise;
  }

  /**
   * Kills the kernel process at once (SIGKILL), without waiting. Used on
   * signals and at exit; prefer {@linkcode Kernel.shutdown}, which also
   * cleans up.
   *
   * @example
   * ```ts
   * kernel.kill();
   * kernel.alive; // false
   * ```
   */
  kill(): void {
    if (this.#exitStatus !== undefined) return;
    this.#killed = true;
    try {
      this.#process.kill("SIGKILL");
    } catch {
      // already exited
    }
  }

  async #shutdown(): Promise<void> {
    try {
      if (this.alive && this.#channels) {
        const request = this.#message("shutdown_request", { restart: false });
        await within(
          Promise.race([this.#request(this.#channels.control, request), this.#exited]),
          EXIT_GRACE_MS,
        )
          .catch(() => {});
        await within(this.#exited, EXIT_GRACE_MS);
      }
      for (const signal of ["SIGTERM", "SIGKILL"] as const) {
        if (this.#exitStatus !== undefined) break;
        try {
          this.#process.kill(signal);
        } catch {
          break; // already exited
        }
        await within(this.#exited, EXIT_GRACE_MS);
      }
      await this.#exited;
    } finally {
      this.#closed = true;
      if (this.#channels) await Promise.all(Object.values(this.#channels).map((s) => s.close()));
      await Promise.all(this.#loops);
      await this.#stderr.catch(() => "");
      this.#replies.clear();
      this.#executions.clear();
      await Deno.remove(this.#connectionDir, { recursive: true }).catch(() => {});
      unregister(this);
    }
  }

  /** Sends `interrupt_request`; kills the kernel if it does not become idle. */
  async #interrupt(finished: Promise<void>): Promise<void> {
    if (!this.alive || !this.#channels) return;
    const request = this.#message("interrupt_request", {});
    this.#request(this.#channels.control, request).catch(() => {});
    const recovered = await within(Promise.race([finished, this.#exited]), INTERRUPT_GRACE_MS);
    if (recovered === undefined) this.kill();
  }

  /** Connects the four channels, retrying while the kernel starts listening. */
  async #connect(deadline: number): Promise<void> {
    const identity = `runner-${this.#session.slice(0, 8)}`;
    const connect = (port: number, type: "DEALER" | "SUB", name: string) =>
      ZmtpSocket.connect({
        hostname: this.#info.ip,
        port,
        type,
        identity: `${identity}-${name}`,
        retryMs: Math.max(0, deadline - Date.now()),
        giveUp: () => this.#exitStatus !== undefined,
      });
    const sockets = await Promise.allSettled([
      connect(this.#info.shell_port, "DEALER", "shell"),
      connect(this.#info.control_port, "DEALER", "control"),
      connect(this.#info.stdin_port, "DEALER", "stdin"),
      connect(this.#info.iopub_port, "SUB", "iopub"),
    ]);
    const failed = sockets.find((s) => s.status === "rejected");
    if (failed) {
      await Promise.all(sockets.map((s) => s.status === "fulfilled" ? s.value.close() : undefined));
      if (this.#exitStatus !== undefined) {
        throw new Error(`the kernel exited during start-up (code ${this.#exitStatus.code})`);
      }
      throw (failed as PromiseRejectedResult).reason;
    }
    const [shell, control, stdin, iopub] = sockets.map((s) =>
      (s as PromiseFulfilledResult<ZmtpSocket>).value
    );
    this.#channels = { shell, control, stdin, iopub };
    await iopub.subscribe();
    this.#loops.push(
      this.#receiveLoop(shell, (m) => this.#onReply(m)),
      this.#receiveLoop(control, (m) => this.#onReply(m)),
      this.#receiveLoop(stdin, () => {}),
      this.#receiveLoop(iopub, (m) => this.#onIopub(m)),
    );
  }

  /**
   * Sends `kernel_info_request` until both its reply and an iopub message
   * about it arrived (a new subscription takes a moment to be effective, and
   * iopub messages sent before that are lost).
   */
  async #waitReady(deadline: number): Promise<void> {
    const shell = this.#channels!.shell;
    while (Date.now() < deadline) {
      if (this.#exitStatus !== undefined) {
        throw new Error(`the kernel exited during start-up (code ${this.#exitStatus.code})`);
      }
      const request = this.#message("kernel_info_request", {});
      const msgId = request.header.msg_id as string;
      const reply = await within(Promise.race([this.#request(shell, request), this.#exited]), 500);
      if (reply !== undefined && this.#exitStatus === undefined) {
        if (this.#iopubSeen.has(msgId)) return;
        await within(this.#exited, 100); // the status messages may still be on their way
        if (this.#iopubSeen.has(msgId)) return;
      }
      this.#replies.delete(msgId);
    }
    throw new Error("the kernel did not answer kernel_info_request in time");
  }

  /**
   * Waits (at most a second) until the kernel has answered one more request,
   * reply and idle status, so that what it published before has arrived.
   */
  async #barrier(): Promise<void> {
    if (!this.alive || !this.#channels) return;
    const request = this.#message("kernel_info_request", {});
    const msgId = request.header.msg_id as string;
    const idle = new Promise<void>((resolve) => this.#idleWaiters.set(msgId, resolve));
    try {
      await within(Promise.all([this.#request(this.#channels.shell, request), idle]), 1000);
    } finally {
      this.#idleWaiters.delete(msgId);
      this.#replies.delete(msgId);
    }
  }

  #message(msgType: string, content: Record<string, unknown>): Message {
    return {
      header: {
        msg_id: randomUUID(),
        session: this.#session,
        username: "runner",
        date: new Date().toISOString(),
        msg_type: msgType,
        version: PROTOCOL_VERSION,
      },
      parent_header: {},
      metadata: {},
      content,
    };
  }

  #sign(parts: Uint8Array[]): string {
    const hmac = createHmac("sha256", this.#key);
    for (const part of parts) hmac.update(part);
    return hmac.digest("hex");
  }

  async #send(socket: ZmtpSocket, message: Message): Promise<void> {
    const parts = [message.header, message.parent_header, message.metadata, message.content]
      .map((part) => Buffer.from(JSON.stringify(part), "utf8"));
    await socket.send([DELIMITER, this.#sign(parts), ...parts]);
  }

  /** Sends a request and resolves with its reply. */
  #request(socket: ZmtpSocket, message: Message): Promise<Message> {
    const reply = new Promise<Message>((resolve) => {
      this.#replies.set(message.header.msg_id as string, resolve);
    });
    return this.#send(socket, message).then(() => reply);
  }

  /** Decodes and verifies one multipart message; `undefined` if invalid. */
  #decode(frames: Uint8Array[]): Message | undefined {
    const text = (frame: Uint8Array) => Buffer.from(frame).toString("utf8");
    const at = frames.findIndex((f) => f.length === DELIMITER.length && text(f) === DELIMITER);
    if (at < 0 || frames.length < at + 6) return undefined;
    const parts = frames.slice(at + 2, at + 6);
    const signature = Buffer.from(frames[at + 1]);
    const expected = Buffer.from(this.#sign(parts), "utf8");
    if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) {
      console.error("kernel: ignored a message with an invalid signature");
      return undefined;
    }
    try {
      const [header, parent_header, metadata, content] = parts.map((p) => JSON.parse(text(p)));
      return { header, parent_header, metadata, content };
    } catch {
      console.error("kernel: ignored a message that is not valid JSON");
      return undefined;
    }
  }

  async #receiveLoop(socket: ZmtpSocket, handle: (message: Message) => void): Promise<void> {
    for await (const frames of socket) {
      const message = this.#decode(frames);
      if (message) handle(message);
    }
  }

  #onReply(message: Message): void {
    const id = message.parent_header.msg_id;
    const resolve = typeof id === "string" ? this.#replies.get(id) : undefined;
    if (resolve) {
      this.#replies.delete(id as string);
      resolve(message);
    }
  }

  #onIopub(message: Message): void {
    const parentId = message.parent_header.msg_id;
    if (typeof parentId !== "string") return;
    this.#iopubSeen.add(parentId);
    if (message.header.msg_type === "status" && message.content.execution_state === "idle") {
      this.#idleWaiters.get(parentId)?.();
    }
    const pending = this.#executions.get(parentId);
    if (!pending) return;
    const msgType = message.header.msg_type as string;
    if (msgType === "status") {
      if (message.content.execution_state === "idle") {
        pending.idle = true;
        if (pending.reply) pending.finish();
      }
      return;
    }
    if (msgType === "execute_input" && typeof message.content.execution_count === "number") {
      pending.executionCount = message.content.execution_count;
    }
    pending.collector.add(msgType, message.content);
  }
}
