-- dossier.nvim: starts the dossier language server (`dossier lsp`) for Markdown and text files.
--
--   require("dossier").setup({
--     cmd = { "dossier", "lsp" },          -- how to start the server
--     rules = { ["hedged-report"] = "off" }, -- like dossier.json's "rules"
--   })
--
-- Neovim 0.11+: built on vim.lsp.config / vim.lsp.enable. Neovim 0.10: vim.lsp.start from a
-- FileType autocmd.
local M = {}

M.name = "dossier"

---@class dossier.Options
---@field cmd string[]|nil                Command that starts the server. Default { "dossier", "lsp" }.
---@field filetypes string[]|nil          Default { "markdown", "text" }.
---@field root_markers string[]|nil       Default { "dossier.json", ".git" }.
---@field rules table<string,string>|nil  Rule code -> "off"|"hint"|"information"|"warning"|"error".
---@field articles string[]|nil           Globs of article files (dossier.json "articles").
---@field exclude string[]|nil            Globs never indexed (dossier.json "exclude").
---@field settings table|nil              Raw settings; settings.dossier is answered to workspace/configuration.
---@field on_attach fun(client: vim.lsp.Client, bufnr: integer)|nil
---@field capabilities table|nil
---@field handlers table|nil
---@field init_options table|nil
---@field autostart boolean|nil           Default true. false: define the config but don't enable it.
---@field codelens boolean|nil            Default true: show the server's code lenses (sources, actors).
---@field lsp_api "auto"|"config"|"start"|nil  "auto" (default): vim.lsp.config/enable on 0.11+, vim.lsp.start before.
M.defaults = {
  cmd = { "dossier", "lsp" },
  filetypes = { "markdown", "text" },
  root_markers = { "dossier.json", ".git" },
  rules = nil,
  articles = nil,
  exclude = nil,
  settings = nil,
  on_attach = nil,
  capabilities = nil,
  handlers = nil,
  init_options = nil,
  autostart = true,
  codelens = true,
  lsp_api = "auto",
}

---@type dossier.Options|nil
M.options = nil

local function is_list(t)
  if vim.islist then
    return vim.islist(t)
  end
  return vim.tbl_islist(t)
end

--- Like vim.tbl_deep_extend("force"), but lists (cmd, filetypes, globs) are replaced whole.
local function merge(base, over)
  local out = vim.deepcopy(base)
  for k, v in pairs(over or {}) do
    if type(v) == "table" and not is_list(v) and type(out[k]) == "table" and not is_list(out[k]) then
      out[k] = merge(out[k], v)
    else
      out[k] = vim.deepcopy(v)
    end
  end
  return out
end

--- The object the server gets for `workspace/configuration` section "dossier" (dossier.json's shape).
---@param opts dossier.Options
---@return table
function M.server_settings(opts)
  local section = vim.deepcopy(((opts.settings or {}).dossier) or {})
  if opts.rules and next(opts.rules) ~= nil then
    section.rules = merge(section.rules or {}, opts.rules)
  end
  if opts.articles then
    section.articles = opts.articles
  end
  if opts.exclude then
    section.exclude = opts.exclude
  end
  if next(section) == nil then
    section = vim.empty_dict()
  end
  if section.rules ~= nil and next(section.rules) == nil then
    section.rules = nil
  end
  local settings = vim.deepcopy(opts.settings or {})
  settings.dossier = section
  return settings
end

--- Resolves an LSP position to a 0-based (row, byte column) in a loaded buffer.
local function byte_position(bufnr, position, encoding)
  local line = vim.api.nvim_buf_get_lines(bufnr, position.line, position.line + 1, false)[1] or ""
  local col
  if vim.fn.has("nvim-0.11") == 1 then
    col = vim.str_byteindex(line, encoding, position.character, false)
  elseif encoding == "utf-8" then
    col = math.min(position.character, #line)
  else
    local ok, c = pcall(vim.str_byteindex, line, position.character, encoding == "utf-16")
    col = ok and c or #line
  end
  return position.line, col
end

--- `dossier.insertSnippet`, which the server sends instead of a workspace edit (which cannot carry
--- a snippet) for a fix with placeholders, because the client config announces
--- `experimental.dossierInsertSnippet`: replaces the range with the expanded snippet, its first
--- placeholder selected to type over.
---@param command lsp.Command
---@param ctx table
function M.insert_snippet(command, ctx)
  local arg = (command.arguments or {})[1]
  local range = type(arg) == "table" and arg.range or nil
  if type(range) ~= "table" or type(range.start) ~= "table" or type(range["end"]) ~= "table"
    or type(arg.uri) ~= "string" or type(arg.snippet) ~= "string"
  then
    vim.notify("dossier: could not insert the fix: bad arguments " .. vim.inspect(command.arguments), vim.log.levels.ERROR)
    return
  end
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  local encoding = client and client.offset_encoding or "utf-16"
  local bufnr = vim.uri_to_bufnr(arg.uri)
  vim.fn.bufload(bufnr)
  vim.api.nvim_win_set_buf(0, bufnr)
  local srow, scol = byte_position(bufnr, range.start, encoding)
  local erow, ecol = byte_position(bufnr, range["end"], encoding)
  vim.api.nvim_buf_set_text(bufnr, srow, scol, erow, ecol, {})
  -- The snippet goes in at the cursor, which Normal mode would pull back from the end of a line.
  local here = { scope = "local" }
  local virtualedit = vim.api.nvim_get_option_value("virtualedit", here)
  vim.api.nvim_set_option_value("virtualedit", "onemore", here)
  vim.api.nvim_win_set_cursor(0, { srow + 1, scol })
  local ok, err = pcall(vim.snippet.expand, arg.snippet)
  vim.api.nvim_set_option_value("virtualedit", virtualedit, here)
  if not ok then
    vim.notify("dossier: could not insert the fix: " .. tostring(err), vim.log.levels.ERROR)
  end
end

--- `dossier.showReferences`, the command of an actor's code lens: the references of the mention
--- at the position it names, in the quickfix list.
---@param command lsp.Command
---@param ctx table
function M.show_references(command, ctx)
  local uri, position = unpack(command.arguments or {})
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  if not client or type(uri) ~= "string" or type(position) ~= "table" then
    vim.notify("dossier: could not show references: bad arguments " .. vim.inspect(command.arguments), vim.log.levels.ERROR)
    return
  end
  local params = { textDocument = { uri = uri }, position = position, context = { includeDeclaration = true } }
  client:request("textDocument/references", params, function(err, result)
    if err or type(result) ~= "table" then
      return
    end
    local items = vim.lsp.util.locations_to_items(result, client.offset_encoding)
    vim.fn.setqflist({}, " ", { title = "dossier: references", items = items })
    vim.cmd("botright copen")
  end, vim.uri_to_bufnr(uri))
end

--- A request to the server, with the call that Neovim 0.10 (a function field) and 0.11+ (a
--- method) each take.
local function request(client, method, params, handler, bufnr)
  if vim.fn.has("nvim-0.11") == 1 then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

--- What `dossier.promptAnnotation` may ask for.
M.annotation_questions = {
  note = "dossier: a note for this annotation: ",
  link = "dossier: the source that settles it (a link, optional): ",
}

--- `dossier.promptAnnotation`, the command of the server's annotating code actions ("Mark claim
--- disputed…", "This is <actor>…", "Add note…") for a client that announces
--- `experimental.dossierPromptAnnotation`: asks for a note and a link with vim.ui.input, then
--- has the server write the annotation (`dossier.annotate`). Cancelling writes nothing.
---@param command lsp.Command
---@param ctx table
function M.prompt_annotation(command, ctx)
  local arg = (command.arguments or {})[1]
  local client = vim.lsp.get_client_by_id(ctx.client_id)
  if not client or type(arg) ~= "table" or type(arg.uri) ~= "string" or type(arg.quote) ~= "string" then
    vim.notify("dossier: could not annotate: bad arguments " .. vim.inspect(command.arguments), vim.log.levels.ERROR)
    return
  end
  local req = vim.deepcopy(arg)
  req.ask, req.required = nil, nil
  local asks = vim.tbl_filter(function(k)
    return M.annotation_questions[k] ~= nil
  end, arg.ask or {})
  local function step(i)
    if i > #asks then
      request(client, "workspace/executeCommand", { command = "dossier.annotate", arguments = { req } }, function(err)
        if err then
          vim.notify("dossier: could not annotate: " .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
        end
      end, ctx.bufnr)
      return
    end
    vim.ui.input({ prompt = M.annotation_questions[asks[i]] }, function(answer)
      if answer == nil then
        return
      end
      answer = vim.trim(answer)
      if answer ~= "" then
        req[asks[i]] = answer
      elseif arg.required == asks[i] then
        return
      end
      step(i + 1)
    end)
  end
  step(1)
end

--- The annotating code actions at the cursor (`:DossierAnnotate`).
function M.annotate()
  vim.lsp.buf.code_action({ context = { only = { "refactor.annotate" }, diagnostics = {} } })
end

--- Shows the server's code lenses in a buffer, asked again when the text has settled and when
--- an index ends. (The server also sends workspace/codeLens/refresh then, but Neovim drops it
--- while the buffer's first lenses are still being resolved — with counts from before the index.)
---@param client vim.lsp.Client
---@param bufnr integer
function M.attach_codelens(client, bufnr)
  local refresh = function()
    if vim.api.nvim_buf_is_valid(bufnr) then
      vim.lsp.codelens.refresh({ bufnr = bufnr })
    end
  end
  local group = vim.api.nvim_create_augroup("dossier_codelens_" .. bufnr, { clear = true })
  vim.api.nvim_create_autocmd({ "BufEnter", "InsertLeave", "BufWritePost" }, {
    group = group,
    buffer = bufnr,
    callback = refresh,
  })
  vim.api.nvim_create_autocmd("LspProgress", {
    group = group,
    pattern = "end",
    callback = function(ev)
      if ev.data and ev.data.client_id == client.id then
        vim.defer_fn(refresh, 100)
      end
    end,
  })
  refresh()
end

--- The vim.lsp client config built from the options.
---@param opts dossier.Options|nil
---@return table
function M.client_config(opts)
  opts = opts or M.options or M.defaults
  return {
    name = M.name,
    cmd = opts.cmd,
    filetypes = opts.filetypes,
    root_markers = opts.root_markers,
    settings = M.server_settings(opts),
    on_attach = function(client, bufnr)
      if opts.codelens ~= false and client:supports_method("textDocument/codeLens") then
        M.attach_codelens(client, bufnr)
      end
      if opts.on_attach then
        opts.on_attach(client, bufnr)
      end
    end,
    -- Neovim adds its default capabilities under these.
    capabilities = merge(
      { experimental = { dossierInsertSnippet = true, dossierPromptAnnotation = true } },
      opts.capabilities
    ),
    commands = {
      ["dossier.insertSnippet"] = M.insert_snippet,
      ["dossier.showReferences"] = M.show_references,
      ["dossier.promptAnnotation"] = M.prompt_annotation,
    },
    handlers = opts.handlers,
    init_options = opts.init_options,
  }
end

local function has_config_api()
  return vim.lsp.config ~= nil and vim.lsp.enable ~= nil and vim.fn.has("nvim-0.11") == 1
end

--- The root folder for a buffer: the nearest folder holding a root marker, in marker order.
---@param bufnr integer
---@return string|nil
function M.root_dir(bufnr, markers)
  markers = markers or (M.options or M.defaults).root_markers
  local name = vim.api.nvim_buf_get_name(bufnr)
  if name == "" then
    return nil
  end
  for _, marker in ipairs(markers) do
    local root = vim.fs.root(bufnr, marker)
    if root then
      return root
    end
  end
  return vim.fs.dirname(name)
end

--- Starts (or reuses) the server for one buffer with vim.lsp.start. Used on Neovim 0.10 and by restart().
---@param bufnr integer|nil
---@return integer|nil client_id
function M.start(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local opts = M.options or M.defaults
  if vim.bo[bufnr].buftype ~= "" or not vim.tbl_contains(opts.filetypes, vim.bo[bufnr].filetype) then
    return nil
  end
  local config = M.client_config(opts)
  config.root_markers = nil
  config.filetypes = nil
  config.root_dir = M.root_dir(bufnr, opts.root_markers)
  return vim.lsp.start(config, { bufnr = bufnr })
end

---@return vim.lsp.Client[]
function M.clients(filter)
  filter = vim.tbl_extend("force", { name = M.name }, filter or {})
  if vim.lsp.get_clients then
    return vim.lsp.get_clients(filter)
  end
  return vim.lsp.get_active_clients(filter)
end

--- Stops the dossier clients and starts them again for the buffers they had.
function M.restart()
  local buffers = {}
  local clients = M.clients()
  for _, client in ipairs(clients) do
    for bufnr in pairs(client.attached_buffers or {}) do
      buffers[#buffers + 1] = bufnr
    end
    client:stop()
  end
  vim.wait(5000, function()
    for _, client in ipairs(clients) do
      if not client:is_stopped() then
        return false
      end
    end
    return true
  end, 50)
  if #buffers == 0 then
    buffers = { vim.api.nvim_get_current_buf() }
  end
  for _, bufnr in ipairs(buffers) do
    if vim.api.nvim_buf_is_valid(bufnr) then
      M.start(bufnr)
    end
  end
end

--- The server's semantic tokens (its legend: actor kinds and `source`, a source's class as
--- modifier) linked to standard groups. `default`: a colorscheme's own links win.
M.highlights = {
  ["@lsp.type.person"] = "Identifier",
  ["@lsp.type.organization"] = "Type",
  ["@lsp.type.state"] = "Constant",
  ["@lsp.type.place"] = "Label",
  ["@lsp.type.instrument"] = "Special",
  ["@lsp.type.outlet"] = "PreProc",
  ["@lsp.type.source"] = "Underlined",
  ["@lsp.typemod.source.vague"] = "DiagnosticUnderlineWarn",
  ["@lsp.typemod.source.agentless"] = "DiagnosticUnderlineWarn",
  ["@lsp.typemod.source.anonymous"] = "DiagnosticUnderlineInfo",
}

function M.set_highlights()
  for group, link in pairs(M.highlights) do
    vim.api.nvim_set_hl(0, group, { link = link, default = true })
  end
end

local augroup = nil

---@param opts dossier.Options|nil
function M.setup(opts)
  M.options = merge(M.defaults, opts or {})
  local o = M.options
  M.set_highlights()
  -- A colorscheme clears every group when it loads: link them again after it.
  vim.api.nvim_create_autocmd("ColorScheme", {
    group = vim.api.nvim_create_augroup("dossier_highlights", { clear = true }),
    callback = M.set_highlights,
  })
  if type(o.cmd) == "string" then
    o.cmd = { o.cmd, "lsp" }
  end
  local use_config = has_config_api()
  if o.lsp_api == "start" then
    use_config = false
  elseif o.lsp_api == "config" and not use_config then
    error("dossier: lsp_api = \"config\" needs Neovim 0.11 or newer")
  end
  if use_config then
    vim.lsp.config(M.name, M.client_config(o))
    if o.autostart ~= false then
      vim.lsp.enable(M.name)
    end
  else
    augroup = vim.api.nvim_create_augroup("dossier", { clear = true })
    if o.autostart ~= false then
      vim.api.nvim_create_autocmd("FileType", {
        group = augroup,
        pattern = o.filetypes,
        callback = function(args)
          M.start(args.buf)
        end,
      })
      -- Buffers already open when setup() runs (lazy loading).
      for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
        if vim.api.nvim_buf_is_loaded(bufnr) then
          M.start(bufnr)
        end
      end
    end
  end
  return M
end

return M
