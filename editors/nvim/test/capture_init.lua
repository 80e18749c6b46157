-- Neovim config for capture.sh: opens the test workspace in a real terminal (tmux), waits for
-- the dossier server, puts the cursor on "Pedersen" and opens the hover card, then writes
-- $DOSSIER_CAPTURE_READY so capture.sh knows the screen is ready.
vim.opt.rtp:prepend(os.getenv("DOSSIER_PLUGIN"))
vim.cmd("runtime plugin/dossier.lua")
vim.cmd("filetype plugin on")
vim.cmd("syntax on")
vim.opt.swapfile = false
vim.opt.number = true
vim.opt.termguicolors = true
vim.opt.shortmess:append("I")
vim.opt.laststatus = 2

require("dossier").setup({ cmd = { os.getenv("DOSSIER_BIN"), "lsp" } })

local ready = os.getenv("DOSSIER_CAPTURE_READY")
local done = false
local function show()
  if done then
    return
  end
  local buf = vim.api.nvim_get_current_buf()
  local clients = require("dossier").clients({ bufnr = buf })
  if #clients == 0 or not clients[1].initialized then
    return
  end
  done = true
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local col = line:find("Pedersen", 1, true)
    if col then
      vim.api.nvim_win_set_cursor(0, { i, col + 1 })
      break
    end
  end
  vim.lsp.buf.hover({ border = "rounded", max_width = 78 })
  vim.defer_fn(function()
    for _, w in ipairs(vim.api.nvim_list_wins()) do
      if vim.api.nvim_win_get_config(w).relative ~= "" then
        vim.wo[w].linebreak = true -- wrap at word boundaries, as a reader would set it
      end
    end
    vim.cmd("redraw")
  end, 400)
  vim.defer_fn(function()
    local f = io.open(ready, "w")
    if f then
      f:write("ready\n")
      f:close()
    end
  end, 800)
end

vim.api.nvim_create_autocmd("LspProgress", {
  callback = function(ev)
    local value = ev.data and ev.data.params and ev.data.params.value or {}
    if value.kind == "end" then
      vim.defer_fn(show, 300)
    end
  end,
})
-- Servers that report no progress: try after a moment anyway.
vim.api.nvim_create_autocmd("LspAttach", {
  callback = function()
    vim.defer_fn(show, 3000)
  end,
})
