-- Minimal Neovim setup for the screen capture (capture_screen.sh): starts
-- `tally lsp` for the opened report, then shows the first diagnostic's float.
vim.o.number = true
vim.o.signcolumn = 'yes'
vim.o.swapfile = false
vim.diagnostic.config({ virtual_text = true, underline = true, signs = true, float = { border = 'single' } })
local tally = os.getenv('TALLY')
vim.api.nvim_create_autocmd('BufReadPost', {
  pattern = { '*.md', '*.txt' },
  callback = function(args)
    local id = vim.lsp.start_client({ name = 'tally', cmd = { tally, 'lsp' }, root_dir = vim.fn.getcwd() })
    vim.lsp.buf_attach_client(args.buf, id)
  end,
})
vim.api.nvim_create_autocmd('DiagnosticChanged', {
  callback = function(args)
    local diags = vim.diagnostic.get(args.buf)
    if #diags == 0 then return end
    table.sort(diags, function(a, b) return a.lnum < b.lnum end)
    vim.api.nvim_win_set_cursor(0, { diags[1].lnum + 1, diags[1].col })
    -- Later, or the cursor move just made would close the float again.
    vim.defer_fn(function() vim.diagnostic.open_float({ scope = 'cursor' }) end, 200)
  end,
})
