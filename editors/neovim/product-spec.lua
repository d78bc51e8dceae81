-- product-spec for Neovim 0.7+: source this file from your init.lua, e.g.
--   dofile('/path/to/product-spec/editors/neovim/product-spec.lua')
-- It starts `product-spec lsp --stdio` once and attaches every .product buffer to it.
-- PRODUCT_SPEC_CMD overrides the command (default: npx --no-install product-spec lsp --stdio,
-- which finds the CLI of the project you opened Neovim in).
vim.cmd([[autocmd BufRead,BufNewFile *.product setfiletype product]])

local client_id
vim.api.nvim_create_autocmd('FileType', {
  pattern = 'product',
  callback = function(args)
    if not client_id then
      local cmd = vim.env.PRODUCT_SPEC_CMD and vim.split(vim.env.PRODUCT_SPEC_CMD, ' ')
        or { 'npx', '--no-install', 'product-spec', 'lsp', '--stdio' }
      client_id = vim.lsp.start_client({ name = 'product-spec', cmd = cmd, root_dir = vim.loop.cwd() })
    end
    vim.lsp.buf_attach_client(args.buf, client_id)
  end,
})
