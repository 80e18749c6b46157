-- :checkhealth dossier — is the binary there, and does `dossier lsp` answer `initialize`?
local M = {}

local health = vim.health
local start = health.start or health.report_start
local ok = health.ok or health.report_ok
local warn = health.warn or health.report_warn
local error = health.error or health.report_error
local info = health.info or health.report_info

local function frame(msg)
  local body = vim.json.encode(msg)
  return ("Content-Length: %d\r\n\r\n%s"):format(#body, body)
end

--- Starts `cmd`, sends initialize, waits for the answer, then shutdown and exit.
---@param cmd string[]
---@param timeout_ms integer
---@return table|nil result, string|nil err
function M.probe(cmd, timeout_ms)
  local out = ""
  local stderr = ""
  local ok_spawn, proc = pcall(vim.system, cmd, {
    stdin = true,
    stdout = function(_, data)
      if data then
        out = out .. data
      end
    end,
    stderr = function(_, data)
      if data then
        stderr = stderr .. data
      end
    end,
  })
  if not ok_spawn then
    return nil, tostring(proc)
  end
  proc:write(frame({
    jsonrpc = "2.0",
    id = 1,
    method = "initialize",
    params = {
      processId = vim.NIL,
      rootUri = vim.NIL,
      capabilities = vim.empty_dict(),
      clientInfo = { name = "dossier-checkhealth" },
    },
  }))
  local result, err
  local done = vim.wait(timeout_ms, function()
    -- Parse whatever complete messages have arrived; look for the answer to id 1.
    local rest = out
    while true do
      local header_end = rest:find("\r\n\r\n", 1, true)
      if not header_end then
        return false
      end
      local len = tonumber(rest:sub(1, header_end):match("Content%-Length:%s*(%d+)"))
      if not len or #rest < header_end + 3 + len then
        return false
      end
      local body = rest:sub(header_end + 4, header_end + 3 + len)
      rest = rest:sub(header_end + 4 + len)
      local okj, msg = pcall(vim.json.decode, body)
      if okj and type(msg) == "table" and msg.id == 1 and msg.method == nil then
        result, err = msg.result, msg.error and vim.inspect(msg.error) or nil
        return true
      end
    end
  end, 20)
  if done then
    proc:write(frame({ jsonrpc = "2.0", method = "initialized", params = vim.empty_dict() }))
    proc:write(frame({ jsonrpc = "2.0", id = 2, method = "shutdown" }))
    vim.wait(1000, function()
      return out:find('"id":2', 1, true) ~= nil
    end, 20)
    proc:write(frame({ jsonrpc = "2.0", method = "exit" }))
    proc:write(nil)
    local r = proc:wait(2000)
    if r.signal == 0 and r.code == nil then
      proc:kill(15)
    end
  else
    proc:kill(15)
    err = ("no answer to initialize within %d ms"):format(timeout_ms)
    if stderr ~= "" then
      err = err .. "; stderr: " .. stderr:sub(1, 500)
    end
  end
  return result, err
end

function M.check()
  start("dossier")
  if vim.fn.has("nvim-0.11") == 1 then
    ok("Neovim " .. tostring(vim.version()) .. " (vim.lsp.config / vim.lsp.enable)")
  elseif vim.fn.has("nvim-0.10") == 1 then
    ok("Neovim " .. tostring(vim.version()) .. " (vim.lsp.start)")
  else
    error("Neovim 0.10 or newer is needed")
    return
  end

  local dossier = require("dossier")
  if dossier.options == nil then
    warn('require("dossier").setup() has not been called; checking the default command', {
      'Call require("dossier").setup({}) from your config (lazy.nvim: opts = {}).',
    })
  end
  local opts = dossier.options or dossier.defaults
  local cmd = opts.cmd
  info("cmd: " .. table.concat(cmd, " "))

  local exe = vim.fn.exepath(cmd[1])
  if exe == "" then
    error(("the dossier binary `%s` was not found"):format(cmd[1]), {
      "Install it with `cargo install --path .` in a checkout of dossier,",
      'or set cmd = { "/path/to/dossier", "lsp" } in require("dossier").setup().',
    })
    return
  end
  ok("binary found: " .. exe)

  local result, err = M.probe(cmd, 5000)
  if result then
    local server = result.serverInfo or {}
    ok(("the server runs: `%s` answered initialize (%s %s)"):format(
      table.concat(cmd, " "),
      server.name or "?",
      server.version or ""
    ))
    local caps = result.capabilities or {}
    local features = {}
    for _, f in ipairs({ "hoverProvider", "definitionProvider", "referencesProvider", "documentSymbolProvider" }) do
      if caps[f] then
        features[#features + 1] = f
      end
    end
    info("capabilities: " .. (#features > 0 and table.concat(features, ", ") or "none of hover/definition"))
    if not caps.semanticTokensProvider then
      warn("the binary is older than this plugin: it offers no semantic tokens", {
        "Build it again from the same checkout as the plugin: cargo install --path .",
      })
    end
  else
    error(("the server did not answer: %s"):format(err or "unknown error"))
  end

  local clients = dossier.clients()
  if #clients == 0 then
    info("no dossier client is running in this session (open a .md or .txt file)")
  end
  for _, client in ipairs(clients) do
    local nbufs = vim.tbl_count(client.attached_buffers or {})
    ok(("client %d running, root %s, %d buffer(s)"):format(client.id, client.root_dir or client.config.root_dir or "(none)", nbufs))
  end
end

return M
