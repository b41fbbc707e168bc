/**
 * The project's static checks as tests, so that CI (which runs `deno task
 * test`) also enforces them: formatting, lint, type checks of every module,
 * and type checks of the `@example` blocks in the library's doc comments.
 */
import assert from "node:assert/strict";

async function deno(...args: string[]): Promise<{ code: number; output: string }> {
  const root = new URL("..", import.meta.url).pathname;
  const { code, stdout, stderr } = await new Deno.Command(Deno.execPath(), {
    args,
    cwd: root,
    env: { NO_COLOR: "1" },
  }).output();
  const decode = (b: Uint8Array) => new TextDecoder().decode(b);
  return { code, output: decode(stdout) + decode(stderr) };
}

Deno.test("deno fmt --check: every file is formatted", async () => {
  const { code, output } = await deno("fmt", "--check");
  assert.equal(code, 0, output);
});

Deno.test("deno lint: no lint errors", async () => {
  const { code, output } = await deno("lint");
  assert.equal(code, 0, output);
});

Deno.test("deno check: library, tools, tests and benchmarks type-check", async () => {
  const { code, output } = await deno("check", "lib", "tools", "tests", "bench");
  assert.equal(code, 0, output);
});

Deno.test("deno check --doc: the @example blocks of the library type-check", async () => {
  const { code, output } = await deno("check", "--doc", "lib");
  assert.equal(code, 0, output);
});
