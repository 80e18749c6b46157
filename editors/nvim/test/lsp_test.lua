-- Headless end-to-end test of dossier.nvim against the real `dossier lsp`.
-- Run by run.sh:  nvim --headless --clean -u lsp_test.lua
-- Env: DOSSIER_BIN (server binary), DOSSIER_PLUGIN (editors/nvim), DOSSIER_WS (test workspace),
--      DOSSIER_RESULTS (folder for results.tap, hover.txt, health.txt, messages.txt).
local bin = assert(os.getenv("DOSSIER_BIN"), "DOSSIER_BIN not set")
local plugin = assert(os.getenv("DOSSIER_PLUGIN"), "DOSSIER_PLUGIN not set")
local ws = assert(os.getenv("DOSSIER_WS"), "DOSSIER_WS not set")
local out_dir = assert(os.getenv("DOSSIER_RESULTS"), "DOSSIER_RESULTS not set")
local timeout = tonumber(os.getenv("DOSSIER_TIMEOUT_MS") or "20000")

vim.opt.rtp:prepend(plugin)
vim.cmd("runtime plugin/dossier.lua")
vim.cmd("filetype plugin on")
vim.opt.swapfile = false
vim.opt.shortmess:append("I")
vim.fn.mkdir(out_dir, "p")

local results = {}
local failed = 0

local function write(name, text)
  local f = assert(io.open(out_dir .. "/" .. name, "w"))
  f:write(text)
  f:close()
end

local function record(name, ok, detail)
  if not ok then
    failed = failed + 1
  end
  local line = (ok and "ok" or "not ok") .. " " .. (#results + 1) .. " - " .. name
  if detail and detail ~= "" then
    line = line .. " # " .. tostring(detail):gsub("\n", "\\n")
  end
  results[#results + 1] = line
  io.stdout:write(line .. "\n")
end

local function finish()
  local body = "TAP version 13\n1.." .. #results .. "\n" .. table.concat(results, "\n") .. "\n"
  write("results.tap", body)
  write("messages.txt", vim.fn.execute("messages"))
  io.stdout:write(("nvim: %d passed, %d failed\n"):format(#results - failed, failed))
  io.stdout:flush()
  if failed > 0 then
    vim.cmd("cquit " .. math.min(failed, 100))
  else
    vim.cmd("qall!")
  end
end

local function check(name, fn)
  local ok, err = xpcall(fn, function(e)
    -- Keep the assertion message; the traceback goes to messages.txt.
    vim.api.nvim_echo({ { debug.traceback(tostring(e), 2) } }, true, {})
    return tostring(e):gsub("^[^:]*lsp_test%.lua:%d+: ", "")
  end)
  if not ok then
    record(name, false, err)
  end
end

local function text_of_hover(contents)
  if type(contents) == "string" then
    return contents
  end
  if type(contents) ~= "table" then
    return ""
  end
  if contents.value then
    return contents.value
  end
  local parts = {}
  for _, c in ipairs(contents) do
    parts[#parts + 1] = type(c) == "string" and c or (c.value or "")
  end
  return table.concat(parts, "\n")
end

local function find(bufnr, word)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
    local col = line:find(word, 1, true)
    if col then
      return i - 1, col - 1
    end
  end
  error(("%q not in buffer"):format(word))
end

-- Progress: Neovim advertises window.workDoneProgress, so the first index should report.
local progress = { begin = nil, done = false }
vim.api.nvim_create_autocmd("LspProgress", {
  callback = function(ev)
    local value = ev.data and ev.data.params and ev.data.params.value or {}
    if value.kind == "begin" then
      progress.begin = value.title
    elseif value.kind == "end" then
      progress.done = true
    end
  end,
})

local api = os.getenv("DOSSIER_LSP_API") or "auto"
require("dossier").setup({
  cmd = { bin, "lsp" },
  rules = { ["unattributed-claim"] = "error" },
  lsp_api = api,
})
io.stdout:write(("# Neovim %s, lsp_api = %s\n"):format(tostring(vim.version()), api))

local start = vim.uv.hrtime()
local function elapsed()
  return ("%d ms"):format((vim.uv.hrtime() - start) / 1e6)
end

vim.cmd.edit(vim.fn.fnameescape(ws .. "/committee-notes.txt"))
local notes = vim.api.nvim_get_current_buf()

local client
check("server starts and attaches to a text file", function()
  assert(vim.bo[notes].filetype == "text", "filetype is " .. vim.bo[notes].filetype)
  local ok = vim.wait(timeout, function()
    local c = require("dossier").clients({ bufnr = notes })[1]
    if c and c.initialized then
      client = c
      return true
    end
    return false
  end, 50)
  assert(ok, "no initialized dossier client after " .. timeout .. " ms")
  local root = client.root_dir or (client.config and client.config.root_dir)
  assert(vim.fs.normalize(root) == vim.fs.normalize(ws), "root_dir is " .. tostring(root))
  record("server starts and attaches to a text file", true, elapsed() .. ", root " .. root)
end)

if not client then
  finish()
  return
end

check("first index reports work-done progress", function()
  local ok = vim.wait(timeout, function()
    return progress.done
  end, 50)
  assert(ok, "no $/progress end (begin title: " .. tostring(progress.begin) .. ")")
  record("first index reports work-done progress", true, tostring(progress.begin) .. ", " .. elapsed())
end)

check("hover on a surname shows the actor card", function()
  local line, col = find(notes, "Pedersen")
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(notes) },
    position = { line = line, character = col + 2 },
  }
  local res, err = client:request_sync("textDocument/hover", params, timeout, notes)
  assert(res, "no response: " .. tostring(err))
  assert(not res.err, "error: " .. vim.inspect(res.err))
  assert(res.result, "hover result is null")
  local text = text_of_hover(res.result.contents)
  assert(text:find("**Geir Pedersen**", 1, true), "card: " .. text)
  record("hover on a surname shows the actor card", true, text:match("[^\n]*"))
end)

check("K opens a floating hover window with the card", function()
  local line, col = find(notes, "Pedersen")
  vim.api.nvim_win_set_cursor(0, { line + 1, col + 2 })
  vim.lsp.buf.hover()
  local float
  local ok = vim.wait(timeout, function()
    for _, w in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(w).relative ~= "" then
        float = w
        return true
      end
    end
    return false
  end, 50)
  assert(ok, "no floating window")
  local lines = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(float), 0, -1, false)
  local text = table.concat(lines, "\n")
  write("hover.txt", text .. "\n")
  assert(text:find("Geir Pedersen", 1, true), "float shows: " .. text)
  vim.api.nvim_win_close(float, true)
  record("K opens a floating hover window with the card", true, #lines .. " lines")
end)

check("semantic tokens colour actors and sources with the plugin's groups", function()
  -- The semantic-token groups at a word: "@lsp.type.place.text", "@lsp.typemod.source.named.text"…
  local function groups_at(word)
    local line, col = find(notes, word)
    local found = {}
    for _, t in ipairs(vim.inspect_pos(notes, line, col + 1).semantic_tokens or {}) do
      if t.opts and t.opts.hl_group then
        found[#found + 1] = t.opts.hl_group
      end
    end
    table.sort(found)
    return table.concat(found, " ")
  end
  local ok = vim.wait(timeout, function()
    return groups_at("Damascus") ~= ""
  end, 50)
  assert(ok, "no semantic token on Damascus")
  local place, source = groups_at("Damascus"), groups_at("Pedersen")
  assert(place:find("@lsp.type.place", 1, true), "Damascus: " .. place)
  assert(source:find("@lsp.type.source", 1, true), "Pedersen: " .. source)
  assert(source:find("@lsp.typemod.source.named", 1, true), "Pedersen: " .. source)
  local link = vim.api.nvim_get_hl(0, { name = "@lsp.type.place" }).link
  assert(link == "Label", "@lsp.type.place links to " .. tostring(link))
  record("semantic tokens colour actors and sources with the plugin's groups", true, place .. "; " .. source)
end)

check("definition from a surname jumps into the other article", function()
  local line, col = find(notes, "Pedersen")
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(notes) },
    position = { line = line, character = col + 2 },
  }
  local res, err = client:request_sync("textDocument/definition", params, timeout, notes)
  assert(res and not res.err, "error: " .. vim.inspect(res and res.err or err))
  local locs = res.result
  assert(locs and locs ~= vim.NIL, "definition result is null")
  if locs.uri or locs.targetUri then
    locs = { locs }
  end
  local hit
  for _, l in ipairs(locs) do
    local uri = l.uri or l.targetUri
    if uri:match("envoy%-briefing%.md$") then
      hit = l
    end
  end
  assert(hit, "locations: " .. vim.inspect(locs))
  local range = hit.range or hit.targetSelectionRange
  -- The introduction "UN envoy Geir Pedersen" is on line 3 (0-based 2).
  assert(range.start.line == 2, "range: " .. vim.inspect(range))
  record("definition from a surname jumps into the other article", true, "envoy-briefing.md:" .. (range.start.line + 1))
end)

check("<C-]> (the LSP tagfunc) jumps to the introduction", function()
  vim.api.nvim_set_current_buf(notes)
  local line, col = find(notes, "Pedersen")
  vim.api.nvim_win_set_cursor(0, { line + 1, col + 2 })
  assert(vim.bo[notes].tagfunc:find("lsp", 1, true), "tagfunc is " .. vim.bo[notes].tagfunc)
  vim.cmd("normal! \29")
  local name = vim.api.nvim_buf_get_name(0)
  local row = vim.api.nvim_win_get_cursor(0)[1]
  assert(name:match("envoy%-briefing%.md$") and row == 3, ("now at %s:%d"):format(name, row))
  record("<C-]> (the LSP tagfunc) jumps to the introduction", true, "envoy-briefing.md:" .. row)
  vim.api.nvim_set_current_buf(notes)
end)

check("diagnostics: unattributed claim is reported", function()
  vim.cmd.edit(vim.fn.fnameescape(ws .. "/envoy-briefing.md"))
  local brief = vim.api.nvim_get_current_buf()
  assert(vim.bo[brief].filetype == "markdown", "filetype is " .. vim.bo[brief].filetype)
  local found
  local ok = vim.wait(timeout, function()
    for _, d in ipairs(vim.diagnostic.get(brief)) do
      if d.source == "dossier" and d.code == "unattributed-claim" then
        found = d
        return true
      end
    end
    return false
  end, 50)
  assert(ok, "diagnostics: " .. vim.inspect(vim.diagnostic.get(brief)))
  local line = vim.api.nvim_buf_get_lines(brief, found.lnum, found.lnum + 1, false)[1]
  assert(line:find("It is believed that", 1, true), "on line: " .. line)
  record("diagnostics: unattributed claim is reported", true, ("line %d: %s"):format(found.lnum + 1, found.message))

  check("configuration: rule severity from setup() reaches the server", function()
    assert(
      found.severity == vim.diagnostic.severity.ERROR,
      "severity " .. tostring(found.severity) .. " (setup() asked for error; the rule's default is warning)"
    )
    record("configuration: rule severity from setup() reaches the server", true)
  end)
end)

check("code lenses: the article's sources, an actor's counts, its references", function()
  local actor
  local ok = vim.wait(timeout, function()
    local top = nil
    for _, lens in ipairs(vim.lsp.codelens.get(notes)) do
      local title = lens.command and lens.command.title or ""
      if title:find("^%d+ sources?: ") then
        top = title
      elseif title:find("^mentioned in 2 articles · quoted 2 times$") then
        -- Pedersen's counts, asked again once the workspace is indexed (codeLens/refresh).
        actor = lens
      end
    end
    return top ~= nil and actor ~= nil
  end, 50)
  assert(ok, "lenses: " .. vim.inspect(vim.lsp.codelens.get(notes)))
  assert(actor.command.command == "dossier.showReferences", vim.inspect(actor.command))
  vim.fn.setqflist({}, "r", { items = {} })
  client.commands["dossier.showReferences"](actor.command, { client_id = client.id, bufnr = notes })
  local listed = vim.wait(timeout, function()
    return #vim.fn.getqflist() > 0
  end, 50)
  assert(listed, "no references in the quickfix list")
  vim.cmd("cclose")
  vim.api.nvim_set_current_buf(notes)
  record("code lenses: the article's sources, an actor's counts, its references", true, actor.command.title)
end)

check("the client announces dossier.insertSnippet and runs it itself", function()
  local caps = client.capabilities or {}
  assert((caps.experimental or {}).dossierInsertSnippet == true, "experimental: " .. vim.inspect(caps.experimental))
  assert(caps.textDocument and caps.textDocument.hover, "Neovim's default capabilities are gone")
  assert(type(client.commands["dossier.insertSnippet"]) == "function", "no client-side command")
  record("the client announces dossier.insertSnippet and runs it itself", true)
end)

check("quick fix: its placeholder is a snippet, selected to type over", function()
  local brief = vim.fn.bufnr(ws .. "/envoy-briefing.md")
  vim.api.nvim_set_current_buf(brief)
  local line, col = find(brief, "It is believed that")
  vim.api.nvim_win_set_cursor(0, { line + 1, col + 3 })
  local title = "Say who holds this view"
  vim.lsp.buf.code_action({
    apply = true,
    filter = function(action)
      return action.title == title
    end,
  })
  local ok = vim.wait(timeout, vim.snippet.active, 20)
  local text = vim.api.nvim_buf_get_lines(brief, line, line + 1, false)[1]
  assert(ok, "no snippet session; the line is: " .. text)
  assert(text == "Source believes that the talks will resume in Geneva.", "the line is: " .. text)
  -- Typed keys replace the selected placeholder (the selection itself is made by typeahead).
  vim.api.nvim_feedkeys("Damascus", "tx", false)
  text = vim.api.nvim_buf_get_lines(brief, line, line + 1, false)[1]
  vim.snippet.stop()
  -- The test workspace is the repository's own folder: leave the file as it was.
  vim.cmd("silent edit!")
  assert(text == "Damascus believes that the talks will resume in Geneva.", "after typing: " .. text)
  record("quick fix: its placeholder is a snippet, selected to type over", true, title .. " → " .. text)
end)

check("dossier.insertSnippet at the end of a line, past a two-byte letter", function()
  local path = vim.fn.tempname() .. ".log"
  local heading = "# Talks in Genève resume"
  vim.fn.writefile({ heading }, path)
  vim.cmd.edit(vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  local at = { line = 0, character = vim.str_utfindex(heading, client.offset_encoding) }
  client.commands["dossier.insertSnippet"]({
    title = "test",
    command = "dossier.insertSnippet",
    arguments = { { uri = vim.uri_from_bufnr(buf), range = { start = at, ["end"] = at }, snippet = ", according to ${1:source}" } },
  }, { client_id = client.id, bufnr = buf })
  local text = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1]
  local active = vim.snippet.active()
  vim.snippet.stop()
  vim.cmd("silent bwipeout!")
  assert(text == "# Talks in Genève resume, according to source", "the line is: " .. text)
  assert(active, "no snippet session")
  record("dossier.insertSnippet at the end of a line, past a two-byte letter", true, client.offset_encoding .. ": " .. text)
end)

check("annotations: Mark claim verified… asks with vim.ui.input, then the server writes it", function()
  local caps = client.capabilities or {}
  assert((caps.experimental or {}).dossierPromptAnnotation == true, "experimental: " .. vim.inspect(caps.experimental))
  assert(type(client.commands["dossier.promptAnnotation"]) == "function", "no client-side command")
  assert(vim.fn.exists(":DossierAnnotate") == 2, "no :DossierAnnotate")
  local brief = vim.fn.bufnr(ws .. "/envoy-briefing.md")
  vim.api.nvim_set_current_buf(brief)
  local line, col = find(brief, "It is believed that")
  vim.api.nvim_win_set_cursor(0, { line + 1, col + 3 })
  local answers = { "confirmed by the envoy's office", "" }
  local asked = {}
  local input = vim.ui.input
  vim.ui.input = function(opts, on_confirm)
    asked[#asked + 1] = opts.prompt
    on_confirm(table.remove(answers, 1))
  end
  vim.lsp.buf.code_action({
    apply = true,
    context = { only = { "refactor.annotate" }, diagnostics = {} },
    filter = function(action)
      return action.title == "Mark claim verified…"
    end,
  })
  local dir = ws .. "/.dossier"
  local file = dir .. "/annotations.jsonl"
  local written = vim.wait(timeout, function()
    return vim.fn.filereadable(file) == 1
  end, 50)
  vim.ui.input = input
  local lines = written and vim.fn.readfile(file) or {}
  -- The test workspace is the repository's: leave it as it was.
  vim.fn.delete(dir, "rf")
  assert(written, "no annotations file; asked: " .. vim.inspect(asked))
  assert(#asked == 2, "asked: " .. vim.inspect(asked))
  local a = vim.json.decode(lines[1])
  assert(a.type == "Annotation" and a.motivation == "assessing", lines[1])
  assert(a["@context"] == "http://www.w3.org/ns/anno.jsonld", lines[1])
  assert(a.body[1].value == "verified" and a.body[2].value == "confirmed by the envoy's office", lines[1])
  record("annotations: Mark claim verified… asks with vim.ui.input, then the server writes it", true, a.target.selector[1].exact)
end)

check(":DossierRestart starts a new server for the open buffers", function()
  local before = require("dossier").clients()
  assert(#before == 1, #before .. " clients before")
  local old_id = before[1].id
  vim.cmd("DossierRestart")
  local new
  local ok = vim.wait(timeout, function()
    local c = require("dossier").clients({ bufnr = notes })[1]
    if c and c.id ~= old_id and c.initialized then
      new = c
      return true
    end
    return false
  end, 50)
  assert(ok, "no new client after restart")
  assert(before[1]:is_stopped(), "the old client still runs")
  local line, col = find(notes, "Pedersen")
  local res = new:request_sync("textDocument/hover", {
    textDocument = { uri = vim.uri_from_bufnr(notes) },
    position = { line = line, character = col + 2 },
  }, timeout, notes)
  assert(res and res.result and text_of_hover(res.result.contents):find("Geir Pedersen", 1, true), "no hover after restart")
  record(":DossierRestart starts a new server for the open buffers", true, "client " .. old_id .. " -> " .. new.id)
end)

check(":checkhealth dossier finds the binary and the server runs", function()
  vim.cmd("checkhealth dossier")
  local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  write("health.txt", text .. "\n")
  assert(text:find("binary found", 1, true), text)
  assert(text:find("the server runs", 1, true), text)
  assert(not text:find("ERROR", 1, true), text)
  assert(not text:find("older than this plugin", 1, true), text)
  record(":checkhealth dossier finds the binary and the server runs", true)
end)

check(":help dossier opens the plugin's help", function()
  vim.cmd("helptags " .. vim.fn.fnameescape(plugin .. "/doc"))
  vim.cmd("help dossier-highlights")
  local text = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), "\n")
  assert(vim.bo.buftype == "help", "buftype " .. vim.bo.buftype)
  assert(text:find("@lsp.type.person", 1, true), "help text: " .. text:sub(1, 200))
  vim.cmd("helpclose")
  record(":help dossier opens the plugin's help", true)
end)

finish()
