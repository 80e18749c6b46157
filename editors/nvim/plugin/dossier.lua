-- User commands for dossier.nvim. The server starts only after require("dossier").setup().
if vim.g.loaded_dossier then
  return
end
vim.g.loaded_dossier = true

vim.api.nvim_create_user_command("DossierRestart", function()
  require("dossier").restart()
end, { desc = "Restart the dossier language server" })

vim.api.nvim_create_user_command("DossierLog", function()
  vim.cmd.edit(vim.lsp.get_log_path())
end, { desc = "Open the LSP log (dossier's stderr lands there)" })

vim.api.nvim_create_user_command("DossierAnnotate", function()
  require("dossier").annotate()
end, { desc = "Annotate the claim or mention at the cursor: verified, disputed, this is <actor>, a note" })
