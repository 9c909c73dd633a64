/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * 'drvlint lsp [-p DIR] [--log FILE] [-j N]': a Language Server Protocol
 * server on stdin and stdout.
 */
#ifndef DRVLINT_LSP_H
#define DRVLINT_LSP_H

/* argv[0] is "lsp".  The process's exit status. */
int lsp_main(int argc, char **argv);

#endif
