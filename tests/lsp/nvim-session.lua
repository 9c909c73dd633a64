-- SPDX-License-Identifier: GPL-2.0-only
-- A real editor session with drvlint's language server, for Neovim 0.7
-- and later run headless:
--   DRVLINT=... LSP_FILE=... LSP_TABLE=... nvim --headless --clean -c 'luafile nvim-session.lua'
-- Opens LSP_FILE, removes the sentinel of the id table LSP_TABLE in the
-- buffer (never saving), waits for drvlint's id-table-sentinel
-- diagnostic, asks for the code action and applies it, checks that the
-- buffer has its sentinel back and that the file on disk did not change,
-- and shuts the server down.  Exits with status 0 only if all went well.
-- Optional: LSP_BUILD_DIR (drvlint lsp -p), LSP_LOG (the server's log).

local env = vim.env
local timeout = tonumber(env.LSP_TIMEOUT or "120") * 1000

local function say(msg)
  io.stdout:write("nvim-session: " .. msg .. "\n")
end

local function read_file(path)
  local f = assert(io.open(path, "rb"))
  local data = f:read("*a")
  f:close()
  return data
end

local function check(cond, msg)
  if not cond then error(msg, 0) end
end

-- The table's sentinel: the first '{ }' line (maybe with a comment) after
-- the line that defines LSP_TABLE.
local function sentinel_line(lines, table_name)
  local start
  for i, l in ipairs(lines) do
    if not start and l:find(table_name .. "%s*%[%]") and l:find("=%s*{") then
      start = i
    elseif start and (l:match("^%s*{%s*}%s*,?%s*$") or l:match("^%s*{%s*/%*.-%*/%s*}%s*,?%s*$")) then
      return i
    elseif start and l:match("^}") then
      break
    end
  end
  error("no sentinel line found for " .. table_name, 0)
end

local function sentinel_diagnostics(bufnr, ns, table_name)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr, { namespace = ns })) do
    if d.code == "id-table-sentinel" and d.message:find(table_name, 1, true) then
      table.insert(found, d)
    end
  end
  return found
end

local function run()
  local file, table_name = env.LSP_FILE, env.LSP_TABLE
  check(file and table_name and env.DRVLINT, "set DRVLINT, LSP_FILE and LSP_TABLE")
  local disk_before = read_file(file)
  local cmd = { env.DRVLINT, "lsp" }
  if env.LSP_BUILD_DIR then vim.list_extend(cmd, { "-p", env.LSP_BUILD_DIR }) end
  if env.LSP_LOG then vim.list_extend(cmd, { "--log", env.LSP_LOG }) end

  local publishes, exit_code = 0, nil
  local client_id = vim.lsp.start_client({
    name = "drvlint",
    cmd = cmd,
    root_dir = vim.fn.fnamemodify(file, ":p:h"),
    handlers = {
      ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
        publishes = publishes + 1
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
    on_exit = function(code) exit_code = code end,
  })
  check(client_id, "the server did not start")
  vim.cmd("edit " .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(bufnr, client_id)
  local ns = vim.lsp.diagnostic.get_namespace(client_id)

  check(vim.wait(timeout, function() return publishes > 0 end, 20),
    "no diagnostics published after opening the file")
  check(#sentinel_diagnostics(bufnr, ns, table_name) == 0,
    "a finding on " .. table_name .. " before the edit")

  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local n = sentinel_line(lines, table_name)
  say(("removing line %d: %s"):format(n, lines[n]))
  local t0 = vim.loop.hrtime()
  vim.api.nvim_buf_set_lines(bufnr, n - 1, n, false, {})

  local diag
  check(vim.wait(timeout, function()
    diag = sentinel_diagnostics(bufnr, ns, table_name)[1]
    return diag ~= nil
  end, 20), "no id-table-sentinel diagnostic after removing the sentinel")
  say(("diagnostic after %.0f ms: %s"):format((vim.loop.hrtime() - t0) / 1e6, diag.message))

  local client = vim.lsp.get_client_by_id(client_id)
  -- What Neovim 0.7 keeps of the server's diagnostic, as a client sends it.
  local lsp_diag = (diag.user_data and diag.user_data.lsp) or {
    code = diag.code, message = diag.message, source = diag.source,
  }
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(bufnr),
    range = { start = { line = diag.lnum, character = diag.col },
              ["end"] = { line = diag.end_lnum, character = diag.end_col } },
    context = { diagnostics = { lsp_diag } },
  }
  local replies = vim.lsp.buf_request_sync(bufnr, "textDocument/codeAction", params, timeout)
  check(replies and replies[client_id] and replies[client_id].result, "no code action reply")
  local action
  for _, a in ipairs(replies[client_id].result) do
    if a.kind == "quickfix" and a.edit then action = a break end
  end
  check(action, "no quick fix offered")
  say("applying: " .. action.title)
  vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)

  local after = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  local want = vim.deepcopy(lines)
  want[n] = "\t{ }"
  if not vim.deep_equal(after, want) then
    for i = 1, math.max(#after, #want) do
      if after[i] ~= want[i] then
        say(("line %d: %s, expected %s"):format(i, vim.inspect(after[i]), vim.inspect(want[i])))
      end
    end
    error("the buffer after the fix is not the file with its sentinel back", 0)
  end
  check(vim.wait(timeout, function()
    return #sentinel_diagnostics(bufnr, ns, table_name) == 0
  end, 20), "the diagnostic did not go away after the fix")
  check(vim.bo[bufnr].modified, "the buffer is not modified")
  check(read_file(file) == disk_before, "the file on disk changed")

  client.stop()
  check(vim.wait(timeout, function() return exit_code ~= nil end, 20), "the server did not exit")
  check(exit_code == 0, "the server exited with status " .. tostring(exit_code))
  say("ok")
end

local ok, err = pcall(run)
if not ok then
  say("FAIL: " .. tostring(err))
  vim.cmd("cquit 1")
end
vim.cmd("qall!")
