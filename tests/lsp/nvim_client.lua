-- Drives Neovim's built-in LSP client against `tally lsp` (Neovim 0.7+ API:
-- vim.lsp.start_client + buf_attach_client, no vim.lsp.start).
-- Environment: TALLY (binary), REPORT (file to open), OUT (JSON result file).
-- Writes {published, hover, actions, applied_title, buffer} to OUT and quits.
local tally, report, out = os.getenv('TALLY'), os.getenv('REPORT'), os.getenv('OUT')
local result = { published = {}, errors = {} }

local function finish(code)
  local f = assert(io.open(out, 'w'))
  f:write(vim.json.encode(result))
  f:close()
  vim.cmd(code == 0 and 'qall!' or 'cquit ' .. code)
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(report))
  local bufnr = vim.api.nvim_get_current_buf()
  local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  local client_id = vim.lsp.start_client({
    name = 'tally',
    cmd = { tally, 'lsp' },
    root_dir = vim.fn.fnamemodify(report, ':p:h'),
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, params, ctx, config)
        table.insert(result.published, params)  -- the raw LSP ranges (UTF-16)
        return default_publish(e, params, ctx, config)
      end,
    },
  })
  assert(client_id, 'could not start tally lsp')
  vim.lsp.buf_attach_client(bufnr, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  assert(vim.wait(15000, function() return #result.published > 0 end, 20), 'no publishDiagnostics within 15 s')
  local last = result.published[#result.published]
  result.shown = #vim.diagnostic.get(bufnr)  -- what the editor displays

  local uri = vim.uri_from_bufnr(bufnr)
  local pos = { line = 0, character = 0 }
  if #last.diagnostics > 0 then pos = last.diagnostics[1].range.start end
  local hover = client.request_sync('textDocument/hover', { textDocument = { uri = uri }, position = pos }, 5000, bufnr)
  result.hover = hover and (hover.err and { error = hover.err } or { result = hover.result or vim.NIL }) or vim.NIL

  if #last.diagnostics > 0 then
    local d = last.diagnostics[1]
    local resp = client.request_sync('textDocument/codeAction', {
      textDocument = { uri = uri }, range = d.range, context = { diagnostics = { d } },
    }, 5000, bufnr)
    result.actions = resp and resp.result or {}
    for _, a in ipairs(result.actions) do
      if a.isPreferred and a.edit then
        vim.lsp.util.apply_workspace_edit(a.edit, 'utf-16')
        result.applied_title = a.title
        break
      end
    end
  end
  result.buffer = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  client.stop()
  vim.wait(3000, function() return client.is_stopped() end, 20)
end)
if not ok then
  table.insert(result.errors, tostring(err))
  finish(3)
else
  finish(0)
end
